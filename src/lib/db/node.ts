import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Database } from './database';
import { OFFLINE_SETTINGS, QUERY_CONFIG, WasmDatabase, type DuckDBFilesLike } from './wasm-database';
import { createSchema } from './schema';

/** A fresh in-memory DuckDB in Node: the browser's engine, for tests and scripts. */
export async function openNodeDatabase(options: { schema?: boolean } = {}): Promise<Database> {
	const require = createRequire(import.meta.url);
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
	const bundles = {
		mvp: { mainModule: `${dist}/duckdb-mvp.wasm`, mainWorker: `${dist}/duckdb-node-mvp.worker.cjs` },
		eh: { mainModule: `${dist}/duckdb-eh.wasm`, mainWorker: `${dist}/duckdb-node-eh.worker.cjs` }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate(() => {});
	db.open({ query: QUERY_CONFIG });
	const connection = db.connect();
	connection.query(OFFLINE_SETTINGS);
	// In Node, DuckDB writes real files: scratch files (CSV exports) go to a directory of their own.
	let scratch: string | undefined;
	const files: DuckDBFilesLike = {
		registerFileText: (name, text) => db.registerFileText(name, text),
		registerFileBuffer: (name, buffer) => db.registerFileBuffer(name, buffer),
		dropFile: (name) => {
			db.dropFile(name);
			if (scratch && name.startsWith(scratch)) rmSync(name, { force: true });
		},
		copyFileToBuffer: (name) => db.copyFileToBuffer(name),
		scratchPath: (name) => join((scratch ??= mkdtempSync(join(tmpdir(), 'massage-outcomes-'))), name)
	};
	const database = new WasmDatabase(connection, files);
	if (options.schema !== false) await createSchema(database);
	return database;
}
