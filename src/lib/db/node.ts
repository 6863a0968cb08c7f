import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Database } from './database';
import { OFFLINE_SETTINGS, QUERY_CONFIG, WasmDatabase } from './wasm-database';
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
	const database = new WasmDatabase(connection, db);
	if (options.schema !== false) await createSchema(database);
	return database;
}
