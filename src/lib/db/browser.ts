import * as duckdb from '@duckdb/duckdb-wasm';
// Self-hosted by Vite: the engine and its worker come from this site, never a CDN.
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Database } from './database';
import { OFFLINE_SETTINGS, QUERY_CONFIG, WasmDatabase, type DuckDBFilesLike } from './wasm-database';
import { isScratch, prepareScratch, readScratch, removeLeftScratch, removeScratch, scratchPath } from './opfs-scratch';
import { createSchema } from './schema';
import { holdStoreLock, StoreInUseError } from './store-lock';
import { STORE_FILE } from './store-file';

let opening: Promise<Database> | undefined;

/** The page's one database, opened on first use; every caller shares the same promise. */
export function getDatabase(): Promise<Database> {
	opening ??= openDatabase(STORE).catch((error) => {
		opening = undefined;
		throw error;
	});
	return opening;
}

/** The database file in the browser's origin-private file system: it survives reloads, and only this site can read it. */
const STORE = `opfs://${STORE_FILE}`;

/** Opens a stored database, or an in-memory one when the browser cannot store (private mode, no OPFS). */
async function openStore(db: duckdb.AsyncDuckDB, store: string): Promise<boolean> {
	try {
		await db.open({ path: store, accessMode: duckdb.DuckDBAccessMode.READ_WRITE, query: QUERY_CONFIG });
		return true;
	} catch (error) {
		console.warn('Stored data unavailable, using memory only:', error);
		await db.open({ query: QUERY_CONFIG });
		return false;
	}
}

/** A database in its own worker: the app's store, or another file (the benchmark keeps its own). */
export async function openDatabase(store: string): Promise<Database> {
	if (!(await holdStoreLock(store))) throw new StoreInUseError();
	const worker = new Worker(workerUrl);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(wasmUrl);
	const persistent = await openStore(db, store);
	const connection = await db.connect();
	await connection.query(OFFLINE_SETTINGS);
	// Export files go to OPFS where the store is; without it (private windows), to DuckDB's memory.
	const scratch: Partial<DuckDBFilesLike> = persistent ? { scratchPath, prepareScratch: (path) => prepareScratch(db, path) } : {};
	if (persistent) await removeLeftScratch().catch(() => undefined);
	const database = new WasmDatabase(
		connection,
		{
			registerFileText: (name, text) => db.registerFileText(name, text),
			registerFileBuffer: (name, buffer) => db.registerFileBuffer(name, buffer),
			registerBlob: (name, blob) => db.registerFileHandle(name, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true),
			dropFile: (name) => (isScratch(name) ? removeScratch(db, name) : db.dropFile(name)),
			copyFileToBuffer: (name) => (isScratch(name) ? readScratch(db, name) : db.copyFileToBuffer(name)),
			...scratch
		},
		persistent
	);
	await createSchema(database);
	return database;
}
