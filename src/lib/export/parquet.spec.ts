import { beforeAll, describe, expect, it } from 'vitest';
import { parquetMetadata } from 'hyparquet';
import type { Database, Row, SqlParam } from '../db/database';
import { openNodeDatabase } from '../db/node';
import { quoteIdentifier } from '../db/sql';
import { runConsole, type ConsoleAnswer } from '../console/run-console';
import { insertTestClinic } from '../console/test-clinic';
import { readParquet, toParquet, type ExportColumn } from './parquet';

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
	await insertTestClinic(db);
	await db.exec(`CREATE TABLE sample (
		id INTEGER, big BIGINT, ratio FLOAT, score DOUBLE, amount DECIMAL(6, 2), wide DECIMAL(12, 3),
		note VARCHAR, done BOOLEAN, day DATE, taken TIMESTAMP)`);
	await db.query(
		'INSERT INTO sample VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
		[
			...[1, 9007199254740991, -1.25, -0.1, -12.34, 123456789.125, TRICKY_TEXT, true, '2025-01-06', '2025-01-06 10:15:30.123'],
			...[2, -42, 0.5, 2.75, 1.15, -0.001, '=1+1', false, '1969-12-31', '1999-12-31 23:59:59'],
			...[3, null, null, null, null, null, null, null, null, null]
		]
	);
});

const TRICKY_TEXT = 'comma, "quote"\nnew line – ünïcødé 痛み 🙂';

async function query(sql: string): Promise<ConsoleAnswer> {
	const result = await runConsole(db, sql);
	if (!('rows' in result)) throw new Error(JSON.stringify(result));
	return result;
}

/** Stores Parquet rows back into DuckDB, as a new table shaped like `like`, with bound values. */
async function storeBack(table: string, like: string, columns: ExportColumn[], rows: Row[]): Promise<void> {
	await db.exec(`CREATE TABLE ${quoteIdentifier(table)} AS SELECT * FROM ${quoteIdentifier(like)} LIMIT 0`);
	const tuple = `(${columns.map(() => '?').join(', ')})`;
	for (const row of rows) {
		await db.query(
			`INSERT INTO ${quoteIdentifier(table)} VALUES ${tuple}`,
			columns.map((c) => row[c.name] as SqlParam)
		);
	}
}

async function differences(a: string, b: string): Promise<number[]> {
	const [x, y] = [quoteIdentifier(a), quoteIdentifier(b)];
	const [row] = await db.query<{ only_a: number; only_b: number; rows_a: number; rows_b: number }>(
		`SELECT (SELECT count(*) FROM (FROM ${x} EXCEPT ALL FROM ${y})) AS only_a,
		        (SELECT count(*) FROM (FROM ${y} EXCEPT ALL FROM ${x})) AS only_b,
		        (SELECT count(*) FROM ${x}) AS rows_a, (SELECT count(*) FROM ${y}) AS rows_b`
	);
	return [row.only_a, row.only_b, row.rows_a, row.rows_b];
}

describe('Parquet export', () => {
	it('reads back the same values, nulls kept', async () => {
		const result = await query('SELECT * FROM sample ORDER BY id');
		const back = await readParquet(toParquet(result.columns, result.rows));
		expect(back).toEqual(result.rows);
		expect(back).toEqual([
			// FLOAT -1.25 is exact in 32 bits; 2^53 − 1 is the largest integer a number holds exactly
			{
				id: 1,
				big: 9007199254740991,
				ratio: -1.25,
				score: -0.1,
				amount: -12.34,
				wide: 123456789.125,
				note: TRICKY_TEXT,
				done: true,
				day: '2025-01-06',
				taken: '2025-01-06T10:15:30.123Z'
			},
			// 1.15 is stored as 115 hundredths; 1969-12-31 is day −1
			{
				id: 2,
				big: -42,
				ratio: 0.5,
				score: 2.75,
				amount: 1.15,
				wide: -0.001,
				note: '=1+1',
				done: false,
				day: '1969-12-31',
				taken: '1999-12-31T23:59:59.000Z'
			},
			{ id: 3, big: null, ratio: null, score: null, amount: null, wide: null, note: null, done: null, day: null, taken: null }
		]);
	});

	it('uses Parquet types, not text: a DATE is a date', async () => {
		const result = await query('SELECT * FROM sample ORDER BY id');
		const bytes = toParquet(result.columns, result.rows);
		expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('PAR1');
		const schema = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer).schema;
		const byName = Object.fromEntries(schema.slice(1).map((e) => [e.name, e]));
		expect(byName.id).toMatchObject({ type: 'INT32', repetition_type: 'OPTIONAL' });
		expect(byName.big).toMatchObject({ type: 'INT64' });
		expect(byName.ratio).toMatchObject({ type: 'FLOAT' });
		expect(byName.score).toMatchObject({ type: 'DOUBLE' });
		expect(byName.amount).toMatchObject({ type: 'INT32', converted_type: 'DECIMAL', precision: 6, scale: 2 });
		expect(byName.wide).toMatchObject({ type: 'INT64', converted_type: 'DECIMAL', precision: 12, scale: 3 });
		expect(byName.note).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
		expect(byName.done).toMatchObject({ type: 'BOOLEAN' });
		expect(byName.day).toMatchObject({ type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' } });
		expect(byName.taken).toMatchObject({ type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' } });
	});

	it('round-trips through DuckDB: the same rows come back', async () => {
		const result = await query('SELECT * FROM sample');
		await storeBack('sample_back', 'sample', result.columns, await readParquet(toParquet(result.columns, result.rows)));
		// nothing only on one side, 3 rows on each
		expect(await differences('sample', 'sample_back')).toEqual([0, 0, 3, 3]);
	});

	it('round-trips the sessions of a clinic', async () => {
		const result = await query('SELECT * FROM sessions');
		await storeBack('sessions_back', 'sessions', result.columns, await readParquet(toParquet(result.columns, result.rows)));
		expect(await differences('sessions', 'sessions_back')).toEqual([0, 0, 6, 6]);
	});

	it('writes a file with no rows, and text for the types it does not map', async () => {
		expect(await readParquet(toParquet([{ name: 'day', type: 'DATE' }], []))).toEqual([]);
		const result = await query("SELECT [1, 2] AS visits, INTERVAL 3 DAY AS gap, {'age': 42} AS extra");
		expect(await readParquet(toParquet(result.columns, result.rows))).toEqual([{ visits: '[1, 2]', gap: '3 days', extra: "{'age': 42}" }]);
	});
});
