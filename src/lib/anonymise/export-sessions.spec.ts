import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { DEFAULT_FILTERS } from '../metrics/filters';
import { loadCsv } from '../test/fixtures';
import { exportColumns, exportSessions, exportSessionsWithKey, type ExportOptions } from './export-sessions';
import { extraNames } from './extra-names';
import { SHIFT_DAYS } from './client-keys';

// A: three sessions 14 days apart, two measures at visits 1 and 3; B: two sessions 30 days apart;
// C: one session with no measurement at all.
const CSV = `client,date,clinic,therapist,condition,techniques,pain_before,pain_after,hip flexion before,hip flexion after,age band,sex
A,2025-01-06,North,Kim,LBP,PNF,6,4,90,98,30-39,F
A,2025-01-20,North,Kim,LBP,PNF; SCS,5,4,,,30-39,F
A,2025-02-03,North,Kim,LBP,PNF,4,3,92,99,30-39,F
B,2025-03-01,South,Lee,Sciatica,SCS,7,6,,,40-49,M
B,2025-03-31,South,Lee,Sciatica,SCS,6,5,,,40-49,M
C,2025-02-10,North,Lee,LBP,PNF,,,,,,
`;
const KEY = 'ab'.repeat(32);
const PLAIN: ExportOptions = { pseudonymise: false, shiftDates: false };

/** The pseudonym and shift worked out apart from DuckDB, with Node's own SHA-256. */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const pseudonym = (key: string, dataset: number, client: string) => `P-${sha256(`${key}:${dataset}:${client}`).slice(0, 16)}`;
const shift = (key: string, dataset: number, client: string) =>
	Number(BigInt(`0x${sha256(`${key}:date-shift:${dataset}:${client}`).slice(0, 15)}`) % 365n) - 182;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadCsv(db, CSV);
});

describe('the tidy table', () => {
	it('has one row per session × measure, and one empty row for a session without measures', async () => {
		const table = await exportSessionsWithKey(db, DEFAULT_FILTERS, PLAIN, KEY);
		expect(table.columns.map((c) => c.name)).toEqual([
			'client',
			'session_number',
			'date',
			'dataset',
			'clinic',
			'therapist',
			'condition',
			'techniques',
			'measure',
			'value_before',
			'value_after'
		]);
		expect(table.rows).toEqual([
			['A', 1, '2025-01-06', 'fixture.csv', 'North', 'Kim', 'Lower back pain', 'PNF stretching', 'hip_flexion', 90, 98],
			['A', 1, '2025-01-06', 'fixture.csv', 'North', 'Kim', 'Lower back pain', 'PNF stretching', 'pain_nprs', 6, 4],
			['A', 2, '2025-01-20', 'fixture.csv', 'North', 'Kim', 'Lower back pain', 'PNF stretching; Positional release', 'pain_nprs', 5, 4],
			['A', 3, '2025-02-03', 'fixture.csv', 'North', 'Kim', 'Lower back pain', 'PNF stretching', 'hip_flexion', 92, 99],
			['A', 3, '2025-02-03', 'fixture.csv', 'North', 'Kim', 'Lower back pain', 'PNF stretching', 'pain_nprs', 4, 3],
			['B', 1, '2025-03-01', 'fixture.csv', 'South', 'Lee', 'Sciatica', 'Positional release', 'pain_nprs', 7, 6],
			['B', 2, '2025-03-31', 'fixture.csv', 'South', 'Lee', 'Sciatica', 'Positional release', 'pain_nprs', 6, 5],
			['C', 1, '2025-02-10', 'fixture.csv', 'North', 'Lee', 'Lower back pain', 'PNF stretching', null, null, null]
		]);
	});

	it('adds the extras asked for, in the order asked', async () => {
		const table = await exportSessionsWithKey(db, DEFAULT_FILTERS, { ...PLAIN, extras: ['sex', 'age band'] }, KEY);
		expect(await extraNames(db)).toEqual(['age band', 'sex']);
		expect(table.columns.slice(11)).toEqual([
			{ name: 'sex', type: 'text' },
			{ name: 'age band', type: 'text' }
		]);
		// Client A's 5 rows, B's 2 and C's 1, C having no extras at all.
		expect(table.rows.map((r) => r.slice(11))).toEqual([...Array(5).fill(['F', '30-39']), ...Array(2).fill(['M', '40-49']), [null, null]]);
	});

	it('renames an extra that is named like a fixed column', () => {
		expect(
			exportColumns(['clinic', 'clinic (extra)', 'sex'])
				.slice(11)
				.map((c) => c.name)
		).toEqual(['clinic (extra)', 'clinic (extra) (extra)', 'sex']);
	});

	it('applies the dashboard filters: hand-counted rows', async () => {
		// North: A's 5 rows + C's 1 = 6.
		const north = await exportSessionsWithKey(db, { ...DEFAULT_FILTERS, clinics: ['North'] }, PLAIN, KEY);
		expect(north.rows).toHaveLength(6);
		// North from 20 January: A's visit 2 (1 row) and visit 3 (2 rows), C (1 row) = 4.
		const later = await exportSessionsWithKey(db, { ...DEFAULT_FILTERS, clinics: ['North'], from: '2025-01-15' }, PLAIN, KEY);
		expect(later.rows.map((r) => [r[0], r[1], r[8]])).toEqual([
			['A', 2, 'pain_nprs'],
			['A', 3, 'hip_flexion'],
			['A', 3, 'pain_nprs'],
			['C', 1, null]
		]);
		// Therapist Lee: B's 2 rows + C's 1 = 3.
		const lee = await exportSessionsWithKey(db, { ...DEFAULT_FILTERS, therapists: ['Lee'] }, PLAIN, KEY);
		expect(lee.rows.map((r) => r[0])).toEqual(['B', 'B', 'C']);
	});
});

describe('pseudonyms', () => {
	it('are a keyed SHA-256 of dataset and client, never the raw id', async () => {
		const table = await exportSessionsWithKey(db, DEFAULT_FILTERS, { ...PLAIN, pseudonymise: true }, KEY);
		const clients = [...new Set(table.rows.map((r) => r[0]))];
		const expected = ['A', 'B', 'C'].map((c) => pseudonym(KEY, 1, c));
		expect(clients).toEqual([...expected].sort());
		expect(new Set(clients).size).toBe(3);
		for (const raw of ['A', 'B', 'C']) expect(clients).not.toContain(raw);
		// Another key, other pseudonyms: nobody without the key can rebuild the mapping.
		const other = await exportSessionsWithKey(db, DEFAULT_FILTERS, { ...PLAIN, pseudonymise: true }, 'cd'.repeat(32));
		expect(other.rows[0][0]).not.toBe(table.rows[0][0]);
	});

	it('orders rows by pseudonym, so the raw ids cannot be read back from the order', async () => {
		const table = await exportSessionsWithKey(db, DEFAULT_FILTERS, { ...PLAIN, pseudonymise: true }, KEY);
		const clients = table.rows.map((r) => r[0] as string);
		expect(clients).toEqual([...clients].sort());
		// For this key the clients come B, A, C, not in the raw order A, B, C.
		expect([...new Set(clients)]).toEqual([pseudonym(KEY, 1, 'B'), pseudonym(KEY, 1, 'A'), pseudonym(KEY, 1, 'C')]);
	});

	it("are stable across exports, from this browser's stored key", async () => {
		const local = await openNodeDatabase();
		await loadCsv(local, CSV);
		const first = await exportSessions(local, DEFAULT_FILTERS, { ...PLAIN, pseudonymise: true });
		const second = await exportSessions(local, DEFAULT_FILTERS, { ...PLAIN, pseudonymise: true });
		const [{ value: key }] = await local.query<{ value: string }>("SELECT value FROM settings WHERE key = 'pseudonym_key'");
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(second.rows).toEqual(first.rows);
		expect(first.rows[0][0]).toBe([pseudonym(key, 1, 'A'), pseudonym(key, 1, 'B'), pseudonym(key, 1, 'C')].sort()[0]);
	});

	it('tell apart client "A" of two datasets', async () => {
		const two = await openNodeDatabase();
		await loadCsv(two, 'client,date,pain_before,pain_after\nA,2025-01-02,5,3\n', undefined, 'one.csv');
		// A different row: the same row again would be counted as a duplicate and not stored.
		await loadCsv(two, 'client,date,pain_before,pain_after\nA,2025-01-09,4,2\n', undefined, 'two.csv');
		const table = await exportSessionsWithKey(two, DEFAULT_FILTERS, { ...PLAIN, pseudonymise: true }, KEY);
		expect(table.rows.map((r) => [r[0], r[3]])).toEqual([
			[pseudonym(KEY, 1, 'A'), 'one.csv'],
			[pseudonym(KEY, 2, 'A'), 'two.csv']
		]);
	});
});

describe('shifted dates', () => {
	it("moves all of a client's dates by the client's own shift, keeping every interval", async () => {
		const table = await exportSessionsWithKey(db, DEFAULT_FILTERS, { ...PLAIN, shiftDates: true }, KEY);
		const dates = (client: string) => [...new Set(table.rows.filter((r) => r[0] === client).map((r) => r[2] as string))];
		const [a1, a2, a3] = dates('A');
		const [b1, b2] = dates('B');
		// A came on 6 Jan, 20 Jan, 3 Feb: 14 and 14 days apart; B on 1 and 31 March: 30 days apart.
		expect([days(a1, a2), days(a2, a3), days(b1, b2)]).toEqual([14, 14, 30]);
		expect([days('2025-01-06', a1), days('2025-03-01', b1), days('2025-02-10', dates('C')[0])]).toEqual([
			shift(KEY, 1, 'A'),
			shift(KEY, 1, 'B'),
			shift(KEY, 1, 'C')
		]);
		// With this key A and B move differently (worked out with Node's SHA-256 above).
		expect(shift(KEY, 1, 'A')).not.toBe(shift(KEY, 1, 'B'));
		expect(days('2025-01-06', a1)).not.toBe(days('2025-03-01', b1));
	});

	it('keeps every shift within ±182 days and spreads them over the range', async () => {
		const many = await openNodeDatabase();
		const lines = Array.from({ length: 300 }, (_, i) => `K${i},2025-06-15,5,3`);
		await loadCsv(many, `client,date,pain_before,pain_after\n${lines.join('\n')}\n`);
		const table = await exportSessionsWithKey(many, DEFAULT_FILTERS, { pseudonymise: false, shiftDates: true }, KEY);
		const shifts = table.rows.map((r) => days('2025-06-15', r[2] as string));
		expect(shifts).toHaveLength(300);
		expect(SHIFT_DAYS).toBe(182);
		expect(shifts.every((s) => s >= -182 && s <= 182)).toBe(true);
		expect(shifts).toEqual(table.rows.map((r) => shift(KEY, 1, r[0] as string)));
		// 300 draws from 365 values: about 365 × (1 − e^(−300/365)) ≈ 204 distinct ones are expected.
		expect(new Set(shifts).size).toBeGreaterThan(150);
		expect(Math.min(...shifts)).toBeLessThan(-150);
		expect(Math.max(...shifts)).toBeGreaterThan(150);
	});
});

describe('user text', () => {
	it('binds an extra named like SQL as a value', async () => {
		const hostile = `sex") FROM x; DROP TABLE sessions; --`;
		const local = await openNodeDatabase();
		await loadCsv(local, `client,date,pain_before,pain_after,"${hostile.replaceAll('"', '""')}"\nA,2025-01-02,5,3,F\n`);
		const table = await exportSessionsWithKey(local, DEFAULT_FILTERS, { ...PLAIN, extras: [hostile] }, KEY);
		expect(table.columns.at(-1)).toEqual({ name: hostile, type: 'text' });
		expect(table.rows).toEqual([['A', 1, '2025-01-02', 'fixture.csv', null, null, null, null, 'pain_nprs', 5, 3, 'F']]);
	});
});
