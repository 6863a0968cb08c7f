import type { Database, Row } from '../db/database';
import { quoteIdentifier } from '../db/sql';
import { checkReadOnly, leadingKeyword, QUERY_STARTS } from './read-only-sql';
import { tokenise } from './sql-tokens';
import { neutralisedSql } from '../export/csv-sql';

/**
 * The researcher's console: one read statement, checked (read-only-sql.ts), then run in a transaction that
 * is always rolled back, so even a write the check missed changes nothing.
 */
export interface ConsoleColumn {
	name: string;
	/** DuckDB's type: INTEGER, DECIMAL(5,2), DATE, VARCHAR[]… */
	type: string;
}
export interface ConsoleAnswer {
	columns: ConsoleColumn[];
	/** The first `maxRows` rows. */
	rows: Row[];
	/** How many rows the statement returns in all. */
	total: number;
	truncated: boolean;
	ms: number;
}
export type ConsoleResult = ConsoleAnswer | { error: string } | { refused: string };

/**
 * Types whose values come back as plain JavaScript by the rule of database.ts. Anything else (lists,
 * structs, maps, intervals, times, blobs) comes back as DuckDB's own text for it: nested BIGINTs, for
 * one, do not survive the Arrow conversion.
 */
const PLAIN_TYPE =
	/^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|VARCHAR|UUID|DATE|TIMESTAMP|TIMESTAMP WITH TIME ZONE)$/;
/** DuckDB's own cast gives the nearest double (1.15); the Arrow conversion gives 1.1500000000000001. */
const DECIMAL_TYPE = /^DECIMAL\(\d+,\d+\)$/;

function selectAs(column: ConsoleColumn, position: number): string {
	const value = PLAIN_TYPE.test(column.type)
		? `#${position}`
		: `CAST(#${position} AS ${DECIMAL_TYPE.test(column.type) ? 'DOUBLE' : 'VARCHAR'})`;
	return `${value} AS ${quoteIdentifier(column.name)}`;
}

export async function runConsole(db: Database, sql: string, { maxRows = 1000 } = {}): Promise<ConsoleResult> {
	const checked = checkReadOnly(sql);
	if (!checked.ok) return { refused: checked.reason };
	return runStatement(db, checked.sql, maxRows);
}

/** Thrown to leave a transaction after its work, so the transaction is rolled back whatever the work did. */
class Undo<T> {
	constructor(readonly result: T) {}
}

async function inUndoneTransaction<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
	try {
		await db.transaction(async (tx) => {
			throw new Undo(await work(tx));
		});
	} catch (thrown) {
		if (thrown instanceof Undo) return thrown.result as T;
		throw thrown;
	}
	throw new Error('unreachable: the transaction always ends by throwing');
}

/**
 * Runs a statement WITHOUT the read-only check, in a transaction that is always rolled back. Exported so
 * the tests can show that this second guard holds on its own; the app calls runConsole.
 */
export async function runStatement(db: Database, sql: string, maxRows: number): Promise<ConsoleResult> {
	if (!Number.isSafeInteger(maxRows) || maxRows < 0) throw new Error(`maxRows must be a whole number ≥ 0, not ${maxRows}`);
	const started = performance.now();
	const tokenised = tokenise(sql);
	const keyword = 'tokens' in tokenised ? leadingKeyword(tokenised.tokens) : undefined;
	try {
		const answer = await inUndoneTransaction(db, (tx) =>
			keyword && QUERY_STARTS.has(keyword) ? runQuery(tx, sql, maxRows) : runAsIs(tx, sql, maxRows)
		);
		return { ...answer, ms: performance.now() - started };
	} catch (error) {
		return { error: error instanceof Error ? error.message : String(error) };
	}
}

/**
 * A query, run as a subquery: its types from DESCRIBE, its first rows and its count. It starts on a line
 * of its own (so a trailing -- comment cannot swallow the closing bracket), and DuckDB's "LINE n:" in an
 * error is moved back by that one line, to point at the researcher's own text.
 */
async function runQuery(tx: Database, sql: string, maxRows: number): Promise<Omit<ConsoleAnswer, 'ms'>> {
	const subquery = `(\n${sql}\n)`;
	try {
		const described = await tx.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${subquery}`);
		const columns = described.map((c) => ({ name: c.column_name, type: c.column_type }));
		const select = columns.map((c, i) => selectAs(c, i + 1)).join(', ');
		const rows = await tx.query(`SELECT ${select} FROM ${subquery} LIMIT ${maxRows}`);
		const [{ total }] = await tx.query<{ total: number }>(`SELECT count(*) AS total FROM ${subquery}`);
		return { columns, rows, total, truncated: total > rows.length };
	} catch (error) {
		if (error instanceof Error) error.message = error.message.replace(/LINE (\d+):/g, (_, line) => `LINE ${Number(line) - 1}:`);
		throw error;
	}
}

/** EXPLAIN cannot be a subquery: run as it is; its few rows are all text. */
async function runAsIs(tx: Database, sql: string, maxRows: number): Promise<Omit<ConsoleAnswer, 'ms'>> {
	const all = await tx.query(sql);
	const columns = Object.keys(all[0] ?? {}).map((name) => ({ name, type: typeOfValues(all.map((row) => row[name])) }));
	return { columns, rows: all.slice(0, maxRows), total: all.length, truncated: all.length > maxRows };
}

function typeOfValues(values: unknown[]): string {
	const value = values.find((v) => v !== null && v !== undefined);
	if (typeof value === 'number') return 'DOUBLE';
	if (typeof value === 'boolean') return 'BOOLEAN';
	return 'VARCHAR';
}

/**
 * The whole result of a read as a CSV file written by DuckDB (large results never become JavaScript rows),
 * text cells that look like formulas neutralised. Null for a statement that is not a query (EXPLAIN):
 * its few rows are saved from the page instead.
 */
export async function consoleCsv(db: Database, sql: string): Promise<Uint8Array | null | { error: string } | { refused: string }> {
	const checked = checkReadOnly(sql);
	if (!checked.ok) return { refused: checked.reason };
	const tokenised = tokenise(checked.sql);
	const keyword = 'tokens' in tokenised ? leadingKeyword(tokenised.tokens) : undefined;
	if (!keyword || !QUERY_STARTS.has(keyword)) return null;
	const subquery = `(\n${checked.sql}\n)`;
	try {
		return await inUndoneTransaction(db, async (tx) => {
			const described = await tx.query<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM ${subquery}`);
			const select = described
				.map((c, i) => `${c.column_type === 'VARCHAR' ? neutralisedSql(`#${i + 1}`) : `#${i + 1}`} AS ${quoteIdentifier(c.column_name)}`)
				.join(', ');
			return tx.csvOf(`SELECT ${select} FROM ${subquery}`);
		});
	} catch (error) {
		return { error: error instanceof Error ? error.message : String(error) };
	}
}
