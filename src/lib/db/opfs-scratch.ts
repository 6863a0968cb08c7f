/**
 * Files DuckDB writes for an export (COPY … TO), kept in the browser's origin-private file system. DuckDB
 * writes there through a sync access handle as fast as it stores its tables; into its in-memory files the
 * same 230 MB CSV took five times as long. The file is read back once written, then removed.
 */
import type * as duckdb from '@duckdb/duckdb-wasm';

const PREFIX = 'export-scratch-';
const OPFS = 'opfs://';

export const scratchPath = (name: string) => `${OPFS}${PREFIX}${name}`;
export const isScratch = (path: string) => path.startsWith(`${OPFS}${PREFIX}`);

/** DuckDB opens the file before the statement that writes it. */
export const prepareScratch = (db: duckdb.AsyncDuckDB, path: string) => db.registerOPFSFileName(path);

/** The written file's bytes; DuckDB lets go of it first, as a file open for writing cannot be read. */
export async function readScratch(db: duckdb.AsyncDuckDB, path: string): Promise<Uint8Array> {
	await db.dropFile(path);
	const root = await navigator.storage.getDirectory();
	const file = await (await root.getFileHandle(path.slice(OPFS.length))).getFile();
	return new Uint8Array(await file.arrayBuffer());
}

export async function removeScratch(db: duckdb.AsyncDuckDB, path: string): Promise<void> {
	await db.dropFile(path);
	await (await navigator.storage.getDirectory()).removeEntry(path.slice(OPFS.length)).catch(() => undefined);
}

/** Scratch files left by a page closed during an export. */
export async function removeLeftScratch(): Promise<void> {
	const root = await navigator.storage.getDirectory();
	const names: string[] = [];
	for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys()) if (name.startsWith(PREFIX)) names.push(name);
	await Promise.all(names.map((name) => root.removeEntry(name).catch(() => undefined)));
}
