import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from './node';
import type { Database } from './database';
import { quoteIdentifier } from './sql';

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase({ schema: false });
});

describe('query interface', () => {
	it('binds parameters and returns plain numbers', async () => {
		const rows = await db.query('SELECT ?::INTEGER + 1 AS n, count(*) AS c, 2::BIGINT * 3 AS b, 1.25::DECIMAL(5,2) AS d', [41]);
		expect(rows).toEqual([{ n: 42, c: 1, b: 6, d: 1.25 }]);
		expect(typeof rows[0].c).toBe('number');
	});

	it('returns DATE as YYYY-MM-DD and TIMESTAMP as ISO 8601 in UTC', async () => {
		const [row] = await db.query("SELECT DATE '2025-02-28' + 1 AS d, TIMESTAMP '2025-03-04 10:11:12' AS ts, NULL::DATE AS missing");
		expect(row).toEqual({ d: '2025-03-01', ts: '2025-03-04T10:11:12.000Z', missing: null });
	});

	it('returns a result of many batches whole and in order, dates and nulls included', async () => {
		const rows = await db.query<{ i: number; d: string | null }>(
			"SELECT i::INTEGER AS i, CASE WHEN i % 7 <> 0 THEN DATE '2025-01-01' + (i % 40)::INTEGER END AS d FROM range(10000) t(i) ORDER BY i"
		);
		expect(rows).toHaveLength(10000);
		expect(rows.every((r, k) => r.i === k)).toBe(true);
		expect(rows.slice(6, 9)).toEqual([
			{ i: 6, d: '2025-01-07' },
			{ i: 7, d: null },
			{ i: 8, d: '2025-01-09' }
		]);
		// 9999 % 40 = 39 days after 1 January
		expect(rows[9999]).toEqual({ i: 9999, d: '2025-02-09' });
	});

	it('returns lists as arrays', async () => {
		const [row] = await db.query("SELECT ['a', 'b'] AS l, [DATE '2024-01-01'] AS dates");
		expect(row).toEqual({ l: ['a', 'b'], dates: ['2024-01-01'] });
	});

	it('treats hostile text as a value, never as SQL', async () => {
		await db.exec('CREATE TABLE victims (name VARCHAR)');
		const hostile = "x'); DROP TABLE victims; --";
		await db.query('INSERT INTO victims VALUES (?)', [hostile]);
		const rows = await db.query('SELECT name FROM victims WHERE name = ?', [hostile]);
		expect(rows).toEqual([{ name: hostile }]);
	});

	it('quotes identifiers so a hostile header is just a column name', async () => {
		const header = 'pain" FROM victims; DROP TABLE victims; --';
		await db.exec(`CREATE TABLE headers (${quoteIdentifier(header)} INTEGER)`);
		await db.query(`INSERT INTO headers VALUES (?)`, [7]);
		const rows = await db.query(`SELECT ${quoteIdentifier(header)} AS v FROM headers`);
		expect(rows).toEqual([{ v: 7 }]);
		expect(await db.query('SELECT count(*) AS n FROM victims')).toEqual([{ n: 1 }]);
		expect(() => quoteIdentifier('a\0b')).toThrow(/NUL/);
	});

	it('rolls a failed transaction back completely', async () => {
		await db.exec('CREATE TABLE ledger (n INTEGER)');
		await db.query('INSERT INTO ledger VALUES (1)');
		await expect(
			db.transaction(async (tx) => {
				await tx.query('INSERT INTO ledger VALUES (2)');
				await tx.query('SELECT * FROM no_such_table');
			})
		).rejects.toThrow(/no_such_table/);
		expect(await db.query('SELECT n FROM ledger ORDER BY n')).toEqual([{ n: 1 }]);
	});

	it('never fetches extensions: a Parquet read fails instead of downloading', async () => {
		await expect(db.query("SELECT * FROM read_parquet('x.parquet')")).rejects.toThrow(/parquet/i);
		expect(await db.query("SELECT current_setting('autoinstall_known_extensions') AS v")).toEqual([{ v: false }]);
	});

	it('writes a query result as CSV itself: bound values, RFC quoting, CRLF, and no table or file left behind', async () => {
		const bytes = await db.csvOf("SELECT ? AS note, 2.5 AS v, DATE '2025-01-06' AS d UNION ALL SELECT 'plain', NULL, NULL ORDER BY note", [
			'a, "b"\nc'
		]);
		expect(new TextDecoder().decode(bytes)).toBe('note,v,d\r\n"a, ""b""\nc",2.5,2025-01-06\r\nplain,,\r\n');
		expect(await db.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'csv_export_%'")).toEqual([{ n: 0 }]);
	});
});
