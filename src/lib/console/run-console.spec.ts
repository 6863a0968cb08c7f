import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openNodeDatabase } from '../db/node';
import { consoleCsv, runConsole, runStatement, type ConsoleAnswer, type ConsoleResult } from './run-console';
import { insertTestClinic } from './test-clinic';

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
	await insertTestClinic(db);
});

function answer(result: ConsoleResult): ConsoleAnswer {
	if (!('rows' in result)) throw new Error(`expected rows, got ${JSON.stringify(result)}`);
	return result;
}

/** Everything the smuggled writes below would change. */
const FOOTPRINT_SQL = `SELECT
	(SELECT count(*) FROM sessions) AS sessions,
	(SELECT count(*) FROM session_techniques) AS techniques,
	(SELECT count(*) FROM measurements) AS measurements,
	(SELECT sum(value_after) FROM measurements) AS after_sum,
	(SELECT count(*) FROM datasets WHERE active) AS active_datasets`;
// 6 sessions, 7 technique rows, 7 measurements; after: 4 + 3 + 5 + 70 + 4 + 5.5 + 1 = 92.5; dataset 1 active
const FOOTPRINT = { sessions: 6, techniques: 7, measurements: 7, after_sum: 92.5, active_datasets: 1 };

describe('runConsole', () => {
	it('answers a read with its rows, DuckDB types and total', async () => {
		const result = answer(
			await runConsole(
				db,
				`SELECT client_id, count(*) AS sessions, sum(duration_min) AS minutes
				 FROM active_sessions GROUP BY client_id ORDER BY client_id;`
			)
		);
		expect(result.columns).toEqual([
			{ name: 'client_id', type: 'VARCHAR' },
			{ name: 'sessions', type: 'BIGINT' },
			{ name: 'minutes', type: 'DOUBLE' }
		]);
		// A: 45 + 30 = 75; B: 60 + 45 = 105; C: one session without a length, so NULL; D is not active
		expect(result.rows).toEqual([
			{ client_id: 'A', sessions: 2, minutes: 75 },
			{ client_id: 'B', sessions: 2, minutes: 105 },
			{ client_id: 'C', sessions: 1, minutes: null }
		]);
		expect(result).toMatchObject({ total: 3, truncated: false });
		expect(result.ms).toBeGreaterThanOrEqual(0);
	});

	it('keeps the order of the statement and returns dates, decimals and big integers as plain values', async () => {
		const result = answer(
			await runConsole(
				db,
				`SELECT session_date, session_id::BIGINT * 1000000 AS big, 12.5::DECIMAL(5, 2) - visit AS d,
				        TIMESTAMP '2025-01-06 10:15:00' AS at
				 FROM sessions WHERE session_date IS NOT NULL ORDER BY session_date DESC LIMIT 2 -- the latest two`
			)
		);
		// DuckDB widens DECIMAL(5,2) − INTEGER to DECIMAL(13,2)
		expect(result.columns.map((c) => c.type)).toEqual(['DATE', 'BIGINT', 'DECIMAL(13,2)', 'TIMESTAMP']);
		// latest dates: session 4 (2025-01-20, visit 2) then 2 (2025-01-13, visit 2); 12.5 - 2 = 10.5
		expect(result.rows).toEqual([
			{ session_date: '2025-01-20', big: 4_000_000, d: 10.5, at: '2025-01-06T10:15:00.000Z' },
			{ session_date: '2025-01-13', big: 2_000_000, d: 10.5, at: '2025-01-06T10:15:00.000Z' }
		]);
		expect(typeof result.rows[0].big).toBe('number');
		// a decimal is the number nearest to it: 115 hundredths is 1.15, not 115 × 0.01 = 1.1500000000000001
		expect(answer(await runConsole(db, 'SELECT 1.15::DECIMAL(6, 2) AS amount')).rows).toEqual([{ amount: 1.15 }]);
	});

	it('returns lists, structs and intervals as DuckDB writes them, never as BigInt', async () => {
		const result = answer(
			await runConsole(db, "SELECT [1::BIGINT, 2] AS l, {'age': 42::BIGINT} AS s, INTERVAL 3 DAY AS i, 1 AS a, 2 AS a")
		);
		expect(result.columns).toEqual([
			{ name: 'l', type: 'BIGINT[]' },
			{ name: 's', type: 'STRUCT(age BIGINT)' },
			{ name: 'i', type: 'INTERVAL' },
			{ name: 'a', type: 'INTEGER' },
			{ name: 'a_1', type: 'INTEGER' }
		]);
		expect(result.rows).toEqual([{ l: '[1, 2]', s: "{'age': 42}", i: '3 days', a: 1, a_1: 2 }]);
	});

	it('agrees with DuckDB on where strings, names and comments end', async () => {
		// each `;` here is inside something, so the check sees one statement, and so does DuckDB
		const sql = `SELECT 'a''; b' AS a, E'c\\'; d' AS c, $$e; f$$ AS e, $x$ g $$ h $x$ AS g, 'i\\' AS i,
			/* j /* nested */ ; */ 1 AS "k "" ;" -- l; m`;
		expect(answer(await runConsole(db, sql)).rows).toEqual([{ a: "a'; b", c: "c'; d", e: 'e; f', g: ' g $$ h ', i: 'i\\', 'k " ;': 1 }]);
	});

	it('sends DuckDB no unusual space it could read differently from the check', async () => {
		// On its own, DuckDB takes the quote in the comment as opening a string, so leaves the no-break space
		// as it is and reads it as part of a name (a type " e"), then `'\\'` and `; DROP TABLE sessions`. The
		// check makes the space plain, and DuckDB reads what the check read: one E'…' string.
		const sql = "SELECT /* ' */ 1 AS x,\u00a0e'\\'; DROP TABLE sessions; --' AS s";
		expect(answer(await runConsole(db, sql)).rows).toEqual([{ x: 1, s: "'; DROP TABLE sessions; --" }]);
		// unchecked (and rolled back), the `;` the check saw inside the string is code to DuckDB
		expect(await runStatement(db, sql, 10)).toEqual({ error: expect.stringContaining('syntax error at or near ";"') });
	});

	it('gives the full total when the rows are cut at maxRows', async () => {
		const result = answer(
			await runConsole(db, 'SELECT session_id, value_before FROM measurements ORDER BY session_id, measure', { maxRows: 2 })
		);
		// 7 measurements; the first two by session then measure: session 1 pain (7), session 2 pain (5)
		expect(result.rows).toEqual([
			{ session_id: 1, value_before: 7 },
			{ session_id: 2, value_before: 5 }
		]);
		expect(result).toMatchObject({ total: 7, truncated: true });

		const many = answer(await runConsole(db, 'SELECT range AS n FROM range(2500)'));
		// default maxRows 1000: rows 0..999 of 2500
		expect([many.rows.length, many.rows[999], many.total, many.truncated]).toEqual([1000, { n: 999 }, 2500, true]);
	});

	it('runs WITH, FROM-first, DESCRIBE, SUMMARIZE, SHOW, TABLE, VALUES and EXPLAIN', async () => {
		const counted = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT sum(i) AS total FROM n';
		// 1 + 2 + 3
		expect(answer(await runConsole(db, counted)).rows).toEqual([{ total: 6 }]);
		// sessions 1, 2 and 5 are for lower back pain
		expect(answer(await runConsole(db, "FROM sessions SELECT count(*) AS n WHERE condition = 'Lower back pain'")).rows).toEqual([{ n: 3 }]);
		const described = answer(await runConsole(db, 'DESCRIBE sessions'));
		expect(described.rows.slice(0, 2)).toEqual([
			{ column_name: 'session_id', column_type: 'BIGINT', null: 'NO', key: null, default: null, extra: null },
			{ column_name: 'dataset_id', column_type: 'INTEGER', null: 'NO', key: null, default: null, extra: null }
		]);
		expect(described.total).toBe(9);
		// value_before of the 7 measurements: 7, 5, 6, 60, 4, 8, 9; count 7, max 60
		const summary = answer(await runConsole(db, 'SUMMARIZE SELECT value_before FROM measurements'));
		expect(summary.rows[0]).toMatchObject({ column_name: 'value_before', count: 7, max: '60.0' });
		expect(answer(await runConsole(db, 'SHOW TABLES')).rows).toContainEqual({ name: 'active_sessions' });
		expect(answer(await runConsole(db, 'TABLE clients')).total).toBe(4);
		expect(answer(await runConsole(db, "VALUES (1, 'a')")).rows).toEqual([{ col0: 1, col1: 'a' }]);
		const explained = answer(await runConsole(db, 'EXPLAIN SELECT count(*) FROM sessions'));
		expect(explained.columns).toEqual([
			{ name: 'explain_key', type: 'VARCHAR' },
			{ name: 'explain_value', type: 'VARCHAR' }
		]);
		expect(explained.rows[0].explain_key).toBe('physical_plan');
	});

	it("returns DuckDB's own message for a SQL error, pointing at the researcher's line", async () => {
		const result = await runConsole(db, 'SELECT visit,\n  pain\nFROM sessions');
		expect(result).toEqual({ error: expect.stringContaining('Referenced column "pain" not found') });
		expect((result as { error: string }).error).toContain('LINE 2:   pain');
		expect(await runConsole(db, "SELECT 'seven'::INTEGER")).toEqual({
			error: expect.stringContaining("Could not convert string 'seven' to INT32")
		});
		expect(await runConsole(db, 'SELECT * FROM no_such_table')).toEqual({ error: expect.stringContaining('no_such_table does not exist') });
	});

	it('refuses a statement that is not a read without sending anything to DuckDB', async () => {
		const calls: string[] = [];
		const record = (name: string) => () => {
			calls.push(name);
			throw new Error(`${name} must not be called`);
		};
		const untouchable = {
			persistent: false,
			query: record('query'),
			queryColumns: record('queryColumns'),
			exec: record('exec'),
			registerFile: record('registerFile'),
			dropFile: record('dropFile'),
			transaction: record('transaction')
		} as unknown as Database;
		expect(await runConsole(untouchable, 'SELECT 1; DROP TABLE sessions')).toEqual({
			refused: 'One statement at a time: found 2 statements'
		});
		expect(await runConsole(untouchable, "COPY sessions TO 'out.csv'")).toEqual({
			refused: 'Only read statements run here: COPY reads or writes files'
		});
		expect(calls).toEqual([]);
		expect(await runConsole(db, 'DELETE FROM sessions')).toEqual({ refused: 'Only read statements run here: DELETE changes the data' });
		expect(await db.query(FOOTPRINT_SQL)).toEqual([FOOTPRINT]);
	});

	it('rolls back even a write that got past the check', async () => {
		expect(await db.query(FOOTPRINT_SQL)).toEqual([FOOTPRINT]);
		// the writes really run (DuckDB reports 7 rows deleted), and are undone
		expect(answer(await runStatement(db, 'DELETE FROM measurements', 10)).rows).toEqual([{ Count: 7 }]);
		for (const write of [
			'UPDATE measurements SET value_after = 0',
			'INSERT INTO sessions SELECT * FROM sessions',
			'EXPLAIN ANALYZE DELETE FROM session_techniques',
			'UPDATE datasets SET active = NOT active',
			'DROP TABLE sessions'
		]) {
			expect(await runStatement(db, write, 10)).not.toHaveProperty('error');
			expect(await db.query(FOOTPRINT_SQL)).toEqual([FOOTPRINT]);
		}
	});
});

describe('a query result as a CSV file written by DuckDB', () => {
	it('holds every row, neutralises formula-looking text, and changes nothing', async () => {
		const db = await openNodeDatabase();
		const bytes = await consoleCsv(db, "SELECT * FROM (VALUES (1, '=SUM(A1)'), (2, 'plain, text'), (3, NULL)) t(n, note) ORDER BY n");
		expect(bytes).toBeInstanceOf(Uint8Array);
		expect(new TextDecoder().decode(bytes as Uint8Array)).toBe('n,note\r\n1,\'=SUM(A1)\r\n2,"plain, text"\r\n3,\r\n');
		expect(await db.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'csv_export_%'")).toEqual([{ n: 0 }]);
	});

	it('refuses what the console refuses, reports DuckDB errors, and leaves EXPLAIN to the page', async () => {
		const db = await openNodeDatabase();
		expect(await consoleCsv(db, 'DROP TABLE sessions')).toEqual({ refused: expect.stringContaining('DROP') });
		expect(await consoleCsv(db, 'SELECT nonsense FROM sessions')).toEqual({ error: expect.stringContaining('nonsense') });
		expect(await consoleCsv(db, 'EXPLAIN SELECT 1')).toBeNull();
	});
});
