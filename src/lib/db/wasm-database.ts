import type { Columns, Database, Row, SqlParam } from './database';
import { arrowToColumns, arrowToRows, type ArrowLikeTable } from './arrow-rows';
import { quoteLiteral } from './sql';

/**
 * The calls we use, common to duckdb-wasm's async connection (browser) and its blocking one (Node).
 * Results may be promises or plain values; `await` takes both.
 */
export interface DuckDBConnectionLike {
	query(sql: string): ArrowLikeTable | Promise<ArrowLikeTable>;
	prepare(sql: string): PreparedLike | Promise<PreparedLike>;
}
interface PreparedLike {
	query(...params: unknown[]): ArrowLikeTable | Promise<ArrowLikeTable>;
	close(): void | Promise<void>;
}
export interface DuckDBFilesLike {
	registerFileText(name: string, text: string): void | Promise<void>;
	registerFileBuffer(name: string, buffer: Uint8Array): void | Promise<void>;
	/** Browser only: a Blob read in place. */
	registerBlob?(name: string, blob: Blob): Promise<void>;
	dropFile(name: string): unknown;
	/** A file DuckDB wrote (COPY … TO), as bytes. */
	copyFileToBuffer(name: string): Uint8Array | Promise<Uint8Array>;
	/** Where DuckDB may write a scratch file: OPFS in the browser, a temporary directory in Node; else DuckDB's in-memory files. */
	scratchPath?(name: string): string;
	/** Readies a scratch path before DuckDB writes to it (OPFS files are opened ahead). */
	prepareScratch?(path: string): Promise<void>;
}

let scratchFiles = 0;

/** Extensions would be downloaded from the internet on first use: never, here. */
export const OFFLINE_SETTINGS = 'SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;';

export const QUERY_CONFIG = { castBigIntToDouble: true, castDecimalToDouble: true };

/** Statements straight on the connection, no queue: used inside the queue. */
class Direct implements Database {
	readonly persistent = false;

	constructor(
		private readonly connection: DuckDBConnectionLike,
		private readonly files: DuckDBFilesLike
	) {}

	async query<T extends object = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
		if (params.length === 0) return arrowToRows<T>(await this.connection.query(sql));
		const statement = await this.connection.prepare(sql);
		try {
			return arrowToRows<T>(await statement.query(...params));
		} finally {
			await statement.close();
		}
	}

	async queryColumns(sql: string, params: readonly SqlParam[] = []): Promise<Columns> {
		const table = params.length === 0 ? await this.connection.query(sql) : await this.withStatement(sql, (s) => s.query(...params));
		return arrowToColumns(table);
	}

	private async withStatement<T>(sql: string, use: (statement: PreparedLike) => T | Promise<T>): Promise<T> {
		const statement = await this.connection.prepare(sql);
		try {
			return await use(statement);
		} finally {
			await statement.close();
		}
	}

	async exec(sql: string): Promise<void> {
		await this.connection.query(sql);
	}

	async registerFile(name: string, data: string | Uint8Array | Blob): Promise<void> {
		if (typeof data === 'string') await this.files.registerFileText(name, data);
		else if (data instanceof Uint8Array) await this.files.registerFileBuffer(name, data);
		else if (this.files.registerBlob) await this.files.registerBlob(name, data);
		else await this.files.registerFileBuffer(name, new Uint8Array(await data.arrayBuffer()));
	}

	async dropFile(name: string): Promise<void> {
		await this.files.dropFile(name);
	}

	async csvOf(sql: string, params: readonly SqlParam[] = []): Promise<Uint8Array> {
		const n = ++scratchFiles;
		const table = `csv_export_${n}`;
		const file = this.files.scratchPath?.(`export-${n}.csv`) ?? `export-${n}.csv`;
		// A table first: COPY takes no bound parameters, CREATE TABLE … AS does.
		await this.query(`CREATE OR REPLACE TEMP TABLE ${table} AS ${sql}`, params);
		try {
			await this.files.prepareScratch?.(file);
			await this.exec(`COPY ${table} TO ${quoteLiteral(file)} (HEADER, DELIMITER ',', NEW_LINE '\r\n')`);
			return await this.files.copyFileToBuffer(file);
		} finally {
			await this.exec(`DROP TABLE IF EXISTS ${table}`);
			await this.files.dropFile(file);
		}
	}

	async transaction<T>(work: (db: Database) => Promise<T>): Promise<T> {
		await this.exec('BEGIN TRANSACTION');
		try {
			const result = await work(this);
			await this.exec('COMMIT');
			return result;
		} catch (error) {
			await this.exec('ROLLBACK');
			throw error;
		}
	}
}

/** The shared database: one statement (or one transaction) at a time on the one connection. */
export class WasmDatabase implements Database {
	private queue: Promise<unknown> = Promise.resolve();
	private readonly direct: Direct;

	constructor(
		connection: DuckDBConnectionLike,
		files: DuckDBFilesLike,
		readonly persistent = false
	) {
		this.direct = new Direct(connection, files);
	}

	private serial<T>(work: () => Promise<T>): Promise<T> {
		const next = this.queue.then(work, work);
		this.queue = next.catch(() => undefined);
		return next;
	}

	query<T extends object = Row>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
		return this.serial(() => this.direct.query<T>(sql, params));
	}

	queryColumns(sql: string, params: readonly SqlParam[] = []): Promise<Columns> {
		return this.serial(() => this.direct.queryColumns(sql, params));
	}

	exec(sql: string): Promise<void> {
		return this.serial(() => this.direct.exec(sql));
	}

	registerFile(name: string, data: string | Uint8Array | Blob): Promise<void> {
		return this.serial(() => this.direct.registerFile(name, data));
	}

	dropFile(name: string): Promise<void> {
		return this.serial(() => this.direct.dropFile(name));
	}

	csvOf(sql: string, params: readonly SqlParam[] = []): Promise<Uint8Array> {
		return this.serial(() => this.direct.csvOf(sql, params));
	}

	transaction<T>(work: (db: Database) => Promise<T>): Promise<T> {
		return this.serial(() => this.direct.transaction(work));
	}
}
