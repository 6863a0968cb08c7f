import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { DEFAULT_FILTERS } from '../metrics/filters';
import { loadCsv } from '../test/fixtures';
import { exportSessionsCsv, exportSessionsWithKey } from '../anonymise/export-sessions';
import type { ExportTable } from './export-table';
import { exportTableFile } from './files';
import { readParquet } from './parquet';

// Text that CSV writers get wrong (a comma, quotes, a newline, accents), a formula-looking note,
// negative and fractional numbers, and missing values.
const CSV = `client,date,clinic,condition,techniques,pain_before,pain_after,ankle dorsiflexion before,ankle dorsiflexion after,note
A,2025-01-06,"North, upstairs",LBP,PNF,6.5,4,-5,2.5,"said ""better"""
A,2025-01-20,"North, upstairs",LBP,PNF,5,,,,"two
lines"
B,2025-03-01,Zürich Süd,Sciatica,SCS,7,6,10,12,=1+2
`;
const KEY = 'cd'.repeat(32);

let db: Database;
let table: ExportTable;
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadCsv(db, CSV, (plan) => {
		const note = plan.columns.find((c) => c.header === 'note');
		if (note) note.role = { kind: 'extra' };
	});
	table = await exportSessionsWithKey(db, DEFAULT_FILTERS, { pseudonymise: true, shiftDates: true, extras: ['note'] }, KEY);
});

describe('exported files read back', () => {
	it('the export has the rows worked out by hand', () => {
		// A: pain and ankle at session 1, pain at session 2; B: pain and ankle. Five rows.
		expect(table.rows).toHaveLength(5);
		expect(table.rows.map((r) => [r[1], r[8], r[9], r[10], r[11]])).toEqual(
			expect.arrayContaining([
				[1, 'ankle_dorsiflexion', -5, 2.5, 'said "better"'],
				[1, 'pain_nprs', 6.5, 4, 'said "better"'],
				[2, 'pain_nprs', 5, null, 'two\nlines'],
				[1, 'pain_nprs', 7, 6, '=1+2']
			])
		);
	});

	it('as CSV written by DuckDB and read back by it: the same rows, with the formula-looking cell neutralised', async () => {
		const bytes = await exportSessionsCsv(db, DEFAULT_FILTERS, { pseudonymise: true, shiftDates: true, extras: ['note'] }, KEY);
		const text = new TextDecoder().decode(bytes);
		expect(text.split('\r\n')[0]).toBe(
			'client,session_number,date,dataset,clinic,therapist,condition,techniques,measure,value_before,value_after,note'
		);
		// 5 rows, each line ended by CRLF; the note with a line break is quoted, so it holds a bare LF.
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text).toContain('"two\nlines"');
		await db.registerFile('round-trip.csv', text);
		const types =
			"{'client': 'VARCHAR', 'session_number': 'INTEGER', 'date': 'DATE', 'dataset': 'VARCHAR', 'clinic': 'VARCHAR', 'therapist': 'VARCHAR', 'condition': 'VARCHAR', 'techniques': 'VARCHAR', 'measure': 'VARCHAR', 'value_before': 'DOUBLE', 'value_after': 'DOUBLE', 'note': 'VARCHAR'}";
		const back = await db.query(`SELECT * FROM read_csv('round-trip.csv', header = true, columns = ${types})`);
		const expected = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.name, r[i] === '=1+2' ? "'=1+2" : r[i]])));
		expect(back).toEqual(expected);
	});

	it('as Parquet: the same rows, types kept (a date stays a date)', async () => {
		const file = await exportTableFile(table, 'parquet');
		expect(file.name).toBe('sessions.parquet');
		const bytes = file.data as Uint8Array;
		// "PAR1" opens and closes every Parquet file.
		expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('PAR1');
		const back = await readParquet(bytes);
		expect(back).toEqual(table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.name, r[i]]))));
	});

	it('Parquet rows go back into DuckDB unchanged', async () => {
		const back = await readParquet((await exportTableFile(table, 'parquet')).data as Uint8Array);
		await db.exec('CREATE TEMP TABLE back (client VARCHAR, session_number INTEGER, d DATE, before DOUBLE, after DOUBLE)');
		for (const r of back)
			await db.query('INSERT INTO back VALUES (?, ?, ?::DATE, ?, ?)', [
				r.client as string,
				r.session_number as number,
				r.date as string,
				r.value_before as number,
				r.value_after as number
			]);
		const [{ n, shifted }] = await db.query<{ n: number; shifted: number }>(
			`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE d NOT IN ('2025-01-06', '2025-01-20', '2025-03-01'))::INTEGER AS shifted FROM back`
		);
		expect(n).toBe(5);
		// Every date moved (no client drew a shift of 0 with this key), and A's 14-day interval is kept.
		expect(shifted).toBe(5);
		const [{ gap }] = await db.query<{ gap: number }>(
			`SELECT (max(d) - min(d))::INTEGER AS gap FROM back WHERE client = (SELECT client FROM back WHERE session_number = 2)`
		);
		expect(gap).toBe(14);
	});
});
