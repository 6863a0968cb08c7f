/**
 * The one interface the app and the metrics talk to. Two implementations run the same engine:
 * DuckDB-wasm in a Web Worker (browser.ts) and duckdb-wasm's blocking build in Node (node.ts).
 *
 * Values come back as plain JavaScript, one rule everywhere (see arrow-rows.ts):
 * integers, decimals and floats are numbers; DATE is a 'YYYY-MM-DD' string; TIMESTAMP an ISO 8601 string
 * in UTC; lists are arrays; NULL is null.
 */
export type SqlParam = string | number | boolean | null;
export type Row = Record<string, unknown>;
export type NumberArray = Float64Array | Float32Array | Int32Array | Int16Array | Int8Array | Uint32Array | Uint16Array | Uint8Array;
export interface Columns {
	rows: number;
	columns: Record<string, NumberArray>;
}

export interface Database {
	/** Whether what is stored survives a reload (OPFS in the browser); false for an in-memory database. */
	readonly persistent: boolean;
	/** Run one statement with `?` placeholders bound to `params`; returns its rows. */
	query<T extends object = Row>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
	/**
	 * Run one statement and return its numeric columns as typed arrays (no row objects): for loading
	 * large coded tables fast. Every column must be numeric and non-null (use sentinels in SQL). A query
	 * giving one row of lists (`SELECT list(x) AS x, …`) gives the lists' values: one result batch instead
	 * of one per 2,048 rows, when the order of the rows does not matter.
	 */
	queryColumns(sql: string, params?: readonly SqlParam[]): Promise<Columns>;
	/** Run statements that return nothing of interest (DDL, several statements separated by `;`). No params. */
	exec(sql: string): Promise<void>;
	/**
	 * Make a file readable by SQL under `name` (for read_csv). A Blob (a File the user picked) is read
	 * by DuckDB in place, in chunks, without copying it into memory first.
	 */
	registerFile(name: string, data: string | Uint8Array | Blob): Promise<void>;
	dropFile(name: string): Promise<void>;
	/**
	 * A query's result as a CSV file written by DuckDB itself (header, commas, CRLF, quotes where needed):
	 * for exports of any size, no row becomes a JavaScript object.
	 */
	csvOf(sql: string, params?: readonly SqlParam[]): Promise<Uint8Array>;
	/**
	 * Run `work` in one transaction, alone on the connection: nothing else runs in between, and if
	 * `work` throws, everything it did is rolled back.
	 */
	transaction<T>(work: (db: Database) => Promise<T>): Promise<T>;
}
