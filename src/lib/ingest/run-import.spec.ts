import { beforeEach, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database, SqlParam } from '../db/database';
import { loadCsv, planFor } from '../test/fixtures';
import { describeCounts, ImportError, planProblems, runImport, stageImport } from './run-import';
import { loadWithImport } from '../cube/staged-cube';

let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
});

const sessions = () =>
	db.query(`SELECT client_id, session_date, visit, condition, list(technique ORDER BY technique) AS techniques
	          FROM sessions LEFT JOIN session_techniques USING (session_id) GROUP BY ALL ORDER BY client_id, visit`);
const measurements = () =>
	db.query(`SELECT client_id, visit, measure, value_before, value_after
	          FROM measurements JOIN sessions USING (session_id) ORDER BY client_id, visit, measure`);

// 14 data rows: 8 good, 5 bad for 5 different reasons, 1 exact repeat of an earlier row.
const MIXED = `client;date;technique;condition;pain before;pain after
C1;06.01.2025;PNF;LBP;6;4
C1;13.01.2025;PNF;LBP;5,5;4
C2;06.01.2025;SCS + TrP;sciatica;7;5
C2;20.01.2025;strain counterstrain;Sciatica;6;4,5
C3;07.01.2025;Swedish;Neck pain;4;3
C3;31.02.2025;Swedish;Neck pain;4;3
;08.01.2025;PNF;Knee pain;5;3
C4;08.01.2025;PNF;Knee pain;11;3
C4;15.01.2025;PNF;Knee pain;abc;3
C4;22.01.2025;PNF;Knee pain;6
C5;09.01.2025;contract-relax;Hip pain;NA;2
C5;16.01.2025;hold relax and NMT;Hip pain;5;n/a
C6;10.01.2025;Sports massage;Cramps;3;2
C1;06.01.2025;PNF;LBP;6;4
`;

describe('a clinic export with bad rows', () => {
	it('accounts for every row: imported, rejected with reasons, or duplicate', async () => {
		const outcome = await loadCsv(db, MIXED);
		expect(describeCounts(outcome)).toBe('Read 14 rows · imported 8 · rejected 5 · 1 duplicate');
		// Lines: the header is line 1, so the first data row is line 2.
		expect(outcome.rejectedRows.map((r) => [r.line, r.reason])).toEqual([
			[7, 'date: "31.02.2025" is not a valid date in the file’s date format'],
			[8, 'client: the client id is missing'],
			[9, 'pain before: 11 is outside the 0–10 scale of Pain (NPRS)'],
			[10, 'pain before: "abc" is not a number'],
			[11, 'wrong number of fields: expected 6, found 5 (no value for pain after)']
		]);
		// The fields come back exactly as the file wrote them, ready to fix and import again.
		expect(outcome.rejectedRows[2].fields).toEqual(['C4', '08.01.2025', 'PNF', 'Knee pain', '11', '3']);
	});

	it('gives a row the reader rejects after a note holding line breaks its line in the file, and its fields', async () => {
		const csv = `client,date,technique,notes,pain_before,pain_after
C1,2025-03-03,PNF,"tight
calves",6,4
C2,2025-03-04,PNF,ok,7,5,extra
C3,2025-03-05,PNF,ok,5,3
C4,2025-03-06,PNF,ok,11,3
`;
		const outcome = await loadCsv(db, csv);
		expect(outcome.rejectedRows.map((r) => [r.line, r.reason, r.fields])).toEqual([
			[4, 'wrong number of fields: expected 6, found 7', ['C2', '2025-03-04', 'PNF', 'ok', '7', '5', 'extra']],
			[6, 'pain_before: 11 is outside the 0–10 scale of Pain (NPRS)', ['C4', '2025-03-06', 'PNF', 'ok', '11', '3']]
		]);
	});

	it('numbers the rows of a one-column file past an empty line, which the reader reads as a row', async () => {
		const outcome = await loadCsv(db, 'client\nC1\n\nC2\n');
		expect(outcome.rejectedRows.map((r) => [r.line, r.reason, r.fields])).toEqual([[3, 'client: the client id is missing', ['']]]);
	});

	it('normalises labels, reads decimal commas and DD.MM.YYYY dates, keeps several techniques', async () => {
		await loadCsv(db, MIXED);
		expect(await sessions()).toEqual([
			{ client_id: 'C1', session_date: '2025-01-06', visit: 1, condition: 'Lower back pain', techniques: ['PNF stretching'] },
			{ client_id: 'C1', session_date: '2025-01-13', visit: 2, condition: 'Lower back pain', techniques: ['PNF stretching'] },
			{
				client_id: 'C2',
				session_date: '2025-01-06',
				visit: 1,
				condition: 'Sciatica',
				techniques: ['Palpation release', 'Positional release']
			},
			{ client_id: 'C2', session_date: '2025-01-20', visit: 2, condition: 'Sciatica', techniques: ['Positional release'] },
			{ client_id: 'C3', session_date: '2025-01-07', visit: 1, condition: 'Neck pain', techniques: ['Swedish massage'] },
			{ client_id: 'C5', session_date: '2025-01-09', visit: 1, condition: 'Hip pain', techniques: ['PNF stretching'] },
			{ client_id: 'C5', session_date: '2025-01-16', visit: 2, condition: 'Hip pain', techniques: ['PNF stretching', 'Palpation release'] },
			{ client_id: 'C6', session_date: '2025-01-10', visit: 1, condition: 'Cramps', techniques: ['Sports massage'] }
		]);
		const pain = (await measurements()).map((m) => [m.client_id, m.visit, m.value_before, m.value_after]);
		expect(pain).toEqual([
			['C1', 1, 6, 4],
			['C1', 2, 5.5, 4],
			['C2', 1, 7, 5],
			['C2', 2, 6, 4.5],
			['C3', 1, 4, 3],
			['C5', 1, null, 2],
			['C5', 2, 5, null],
			['C6', 1, 3, 2]
		]);
	});

	it('counts the same file imported again as duplicates, storing nothing twice', async () => {
		await loadCsv(db, MIXED);
		const again = await loadCsv(db, MIXED);
		expect(describeCounts(again)).toBe('Read 14 rows · imported 0 · rejected 5 · 9 duplicates');
		expect(again.datasetId).toBeNull();
		expect(await db.query('SELECT count(*)::INTEGER AS n FROM sessions')).toEqual([{ n: 8 }]);
	});

	it('leaves stored data untouched when an import fails midway', async () => {
		await loadCsv(db, MIXED);
		const before = { s: await sessions(), m: await measurements(), d: await db.query('SELECT * FROM datasets') };
		// A database that fails on the measurements insert, after sessions were already written in the transaction.
		const failing: Database = Object.assign(Object.create(db) as Database, {
			transaction: <T>(work: (tx: Database) => Promise<T>) =>
				db.transaction((tx) =>
					work(
						Object.assign(Object.create(tx) as Database, {
							query: (sql: string, params?: SqlParam[]) =>
								sql.includes('INSERT INTO measurements') ? Promise.reject(new Error('disk full')) : tx.query(sql, params)
						})
					)
				)
		});
		const other = MIXED.replaceAll('C', 'K');
		await expect(runImport(failing, other, planFor(other), { secret: 's' })).rejects.toThrow('disk full');
		expect({ s: await sessions(), m: await measurements(), d: await db.query('SELECT * FROM datasets') }).toEqual(before);
	});

	it('leaves no temporary table behind: each step drops its own, saved, failed or drawn first', async () => {
		const temporary = () => db.query('SELECT table_name FROM duckdb_tables() WHERE temporary ORDER BY table_name');
		await loadCsv(db, MIXED);
		expect(await temporary()).toEqual([]);
		await expect(runImport(db, 'client,date,pain_before\n', planFor('client,date,pain_before\n'), { secret: 's' })).rejects.toThrow(
			'header but no data rows'
		);
		expect(await temporary()).toEqual([]);
		const other = MIXED.replaceAll('C', 'K');
		const staged = await stageImport(db, other, planFor(other), { secret: 's' });
		await loadWithImport(db, staged);
		// Until saved, only the import's own tables are there (the sessions it will store, its checked rows).
		expect((await temporary()).every((t) => String(t.table_name).startsWith('import_'))).toBe(true);
		await staged.save();
		expect(await temporary()).toEqual([]);
	});
});

describe('files that cannot be imported at all', () => {
	it('refuses a file without a client column, naming the file', async () => {
		const csv = 'date,pain_before,pain_after\n2025-01-01,5,3\n';
		await expect(loadCsv(db, csv, () => {}, 'no-client.csv')).rejects.toThrow(
			new ImportError('no-client.csv: No column is chosen as the client id: choose the column that identifies each client.')
		);
	});

	it('names the columns when two are chosen for one role, or for one measure at one timing', () => {
		const plan = planFor(
			'client,date,condition,condition,pain_before,pain_after,pain_after\nC1,2025-01-02,LBP,Sciatica,5,3,2\n',
			'twice.csv'
		);
		expect(planProblems(plan)).toEqual([]);
		plan.columns[3].role = { kind: 'condition' };
		plan.columns[6].role = { kind: 'measure', measure: 'pain_nprs', timing: 'after' };
		expect(planProblems(plan)).toEqual([
			'More than one column is chosen as condition: condition (column 3), condition (column 4).',
			'More than one column is chosen as Pain (NPRS) after: pain_after (column 6), pain_after (column 7). Keep one; the others can be extra attributes.'
		]);
	});

	it('refuses a header-only file', async () => {
		const csv = 'client,date,pain_before,pain_after\n';
		const plan = planFor('client,date,pain_before,pain_after\nA,2025-01-01,5,3\n', 'header-only.csv');
		await expect(runImport(db, csv, plan, { secret: 's' })).rejects.toThrow('header-only.csv has a header but no data rows.');
	});
});

describe('research shapes', () => {
	it('one row per client per timepoint, coded groups labelled (the back-pain trial’s shape)', async () => {
		const csv = `id,time,group,pain_avg,odi,age
12,1,3,2,12,21
12,2,3,3,10,21
14,1,1,7,30,45
14,2,1,2,NaN,45
15,1,NaN,5,<undefined>,33
`;
		const outcome = await loadCsv(db, csv, (plan) => {
			const group = plan.columns.find((c) => c.header === 'group')!;
			group.labels = { '1': 'Pain reprocessing therapy', '3': 'Usual care' };
			plan.conditionForAll = 'low back pain';
		});
		expect(describeCounts(outcome)).toBe('Read 5 rows · imported 5 · rejected 0 · 0 duplicates');
		expect(await sessions()).toEqual([
			{ client_id: '12', session_date: null, visit: 1, condition: 'Lower back pain', techniques: ['Usual care'] },
			{ client_id: '12', session_date: null, visit: 2, condition: 'Lower back pain', techniques: ['Usual care'] },
			{ client_id: '14', session_date: null, visit: 1, condition: 'Lower back pain', techniques: ['Pain reprocessing therapy'] },
			{ client_id: '14', session_date: null, visit: 2, condition: 'Lower back pain', techniques: ['Pain reprocessing therapy'] },
			{ client_id: '15', session_date: null, visit: 1, condition: 'Lower back pain', techniques: [null] }
		]);
		// One value a visit is stored as that visit's "before"; NaN and <undefined> are missing.
		expect((await measurements()).map((m) => [m.client_id, m.visit, m.measure, m.value_before, m.value_after])).toEqual([
			['12', 1, 'odi', 12, null],
			['12', 1, 'pain_nprs', 2, null],
			['12', 2, 'odi', 10, null],
			['12', 2, 'pain_nprs', 3, null],
			['14', 1, 'odi', 30, null],
			['14', 1, 'pain_nprs', 7, null],
			['14', 2, 'pain_nprs', 2, null],
			['15', 1, 'pain_nprs', 5, null]
		]);
		expect(await db.query(`SELECT DISTINCT name, value FROM session_extras ORDER BY value`)).toEqual([
			{ name: 'age', value: '21' },
			{ name: 'age', value: '33' },
			{ name: 'age', value: '45' }
		]);
	});

	it('long format: one row per measurement, pre/post within a visit', async () => {
		const csv = `participant,visit,date,arm,measure,timepoint,value
P1,1,2025-03-01,PNF,pain,pre,6
P1,1,2025-03-01,PNF,pain,post,3
P1,1,2025-03-01,PNF,knee flexion,pre,100
P1,1,2025-03-01,PNF,knee flexion,post,108
P1,2,2025-03-15,PNF,pain,pre,4
P1,2,2025-03-15,PNF,pain,post,2
P2,1,2025-03-02,SCS,pain,pre,8
P2,1,2025-03-02,SCS,pain,post,7
`;
		const outcome = await loadCsv(db, csv);
		expect(outcome.imported).toBe(8);
		expect(outcome.sessions).toBe(3);
		expect((await measurements()).map((m) => [m.client_id, m.visit, m.measure, m.value_before, m.value_after])).toEqual([
			['P1', 1, 'knee_flexion', 100, 108],
			['P1', 1, 'pain_nprs', 6, 3],
			['P1', 2, 'pain_nprs', 4, 2],
			['P2', 1, 'pain_nprs', 8, 7]
		]);
	});

	it('repeated timepoint columns become visits (the sore-throat trial’s shape)', async () => {
		const csv = `rownames,treat,pacu30min_throatPain,pacu90min_throatPain,postOp4hour_throatPain,pod1am_throatPain
1,1,0,2,1,2
2,0,3,NA,2,1
`;
		const outcome = await loadCsv(db, csv);
		// Client 2 has no value at the second timepoint, so no session there: 4 + 3.
		expect(outcome.sessions).toBe(7);
		const pain = await db.query<{ c: string; v: number; b: number }>(
			`SELECT client_id AS c, visit AS v, value_before AS b FROM measurements JOIN sessions USING (session_id) ORDER BY c, v`
		);
		expect(pain.map((p) => [p.c, p.v, p.b])).toEqual([
			['1', 1, 0],
			['1', 2, 2],
			['1', 3, 1],
			['1', 4, 2],
			['2', 1, 3],
			['2', 3, 2],
			['2', 4, 1]
		]);
	});
});

describe('scales, privacy and hostile input', () => {
	it('recognises a 0–100 pain column as VAS instead of rejecting it', async () => {
		const outcome = await loadCsv(db, 'client,date,VAS_pre_mm,VAS_post_mm\nA,2025-01-02,75,40\nB,2025-01-02,101,40\n');
		expect(outcome.imported).toBe(1);
		expect(outcome.rejectedRows[0].reason).toBe('VAS_pre_mm: 101 is outside the 0–100 mm scale of Pain (VAS)');
		expect(await db.query('SELECT measure, value_before, value_after FROM measurements')).toEqual([
			{ measure: 'pain_vas', value_before: 75, value_after: 40 }
		]);
	});

	it('decides month/day order from the data: 03/25/2025 is March', async () => {
		await loadCsv(db, 'client,date,pain_before,pain_after\nA,03/25/2025,5,3\nA,04/01/2025,4,2\n');
		expect((await sessions()).map((s) => s.session_date)).toEqual(['2025-03-25', '2025-04-01']);
	});

	it('pseudonymises client ids with a keyed hash and drops identifier columns', async () => {
		const csv = 'client,name,email,date,pain_before,pain_after\nC1,Anna Berg,anna@example.org,2025-01-02,5,3\n';
		await loadCsv(db, csv, (plan) => (plan.pseudonymiseClients = true));
		const [{ client_id }] = await db.query<{ client_id: string }>('SELECT client_id FROM sessions');
		expect(client_id).toMatch(/^P-[0-9a-f]{12}$/);
		const dump = JSON.stringify([
			await db.query('SELECT * FROM sessions'),
			await db.query('SELECT * FROM session_extras'),
			await db.query('SELECT * FROM datasets')
		]);
		for (const secret of ['C1', 'Anna', 'anna@example.org']) expect(dump).not.toContain(secret);
		// Same key, same pseudonym: a second file's C1 is the same client.
		await loadCsv(db, 'client,date,pain_before,pain_after\nC1,2025-02-02,4,2\n', (plan) => (plan.pseudonymiseClients = true));
		expect(await db.query('SELECT count(DISTINCT client_id)::INTEGER AS n FROM sessions')).toEqual([{ n: 1 }]);
	});

	it('takes SQL and markup in headers and values as plain text', async () => {
		const header = `pain" FROM sessions; DROP TABLE sessions; --`;
		const csv = `client,date,technique,"${header.replaceAll('"', '""')} before","${header.replaceAll('"', '""')} after"\nA'); DROP TABLE datasets; --,2025-01-02,<script>alert(1)</script>,5,3\n`;
		const outcome = await loadCsv(db, csv);
		expect(outcome.imported).toBe(1);
		expect(await sessions()).toEqual([
			{
				client_id: "A'); DROP TABLE datasets; --",
				session_date: '2025-01-02',
				visit: 1,
				condition: null,
				techniques: ['<script>alert(1)</script>']
			}
		]);
		expect(await db.query('SELECT count(*)::INTEGER AS n FROM datasets')).toEqual([{ n: 1 }]);
	});
});

describe('encodings', () => {
	it('reads a Latin-1 file whose first accent comes after the sample, losing nothing', async () => {
		const head = 'client,date,condition,pain_before,pain_after\n' + 'A,2025-01-02,Neck pain,5,3\n'.repeat(3);
		const bytes = new Uint8Array([
			...new TextEncoder().encode(head),
			...[...'B,2025-01-03,Douleur cervicale r'].map((c) => c.charCodeAt(0)),
			0xe9,
			...new TextEncoder().encode('currente,6,4\n')
		]);
		// The preview saw only the ASCII head, so the plan says UTF-8.
		const plan = planFor(head, 'latin1.csv');
		expect(plan.encoding).toBe('utf-8');
		const outcome = await runImport(db, new Blob([bytes]), plan, { secret: 's' });
		expect(describeCounts(outcome)).toBe('Read 4 rows · imported 2 · rejected 0 · 2 duplicates');
		expect(await db.query('SELECT DISTINCT condition FROM sessions ORDER BY 1')).toEqual([
			{ condition: 'Douleur cervicale récurrente' },
			{ condition: 'Neck pain' }
		]);
	});
});

describe('techniques over several columns', () => {
	it('stores one list per session, normalised, from every technique column', async () => {
		const csv =
			'client,date,technique 1,technique 2,pain_before,pain_after\n' +
			'C1,2025-01-02,PNF,SCS,6,4\n' +
			'C1,2025-01-09,,trigger point,5,3\n' +
			'C2,2025-01-03,Swedish,Swedish massage,7,5\n' +
			'C3,2025-01-04,,,4,3\n';
		const outcome = await loadCsv(db, csv);
		expect(describeCounts(outcome)).toBe('Read 4 rows · imported 4 · rejected 0 · 0 duplicates');
		expect((await sessions()).map((s) => [s.client_id, s.visit, s.techniques])).toEqual([
			['C1', 1, ['PNF stretching', 'Positional release']],
			['C1', 2, ['Palpation release']],
			['C2', 1, ['Swedish massage']],
			['C3', 1, [null]]
		]);
	});

	it('stores a technique once per session, however many of its spellings the session lists', async () => {
		const csv =
			'client,date,techniques,technique 2,pain_before,pain_after\n' +
			'C1,2025-01-02,PNF; p.n.f. + contract-relax,PNF,6,4\n' +
			'C1,2025-01-09,SCS | strain-counterstrain,,5,3\n';
		await loadCsv(db, csv);
		expect((await sessions()).map((s) => s.techniques)).toEqual([['PNF stretching'], ['Positional release']]);
		expect(await db.query('SELECT count(*)::INTEGER AS n FROM session_techniques')).toEqual([{ n: 2 }]);
	});

	it('counts a row as a duplicate only when its second technique repeats too', async () => {
		await loadCsv(db, 'client,date,technique 1,technique 2,pain_before\nC1,2025-01-02,PNF,SCS,6\n');
		const again = await loadCsv(db, 'client,date,technique 1,technique 2,pain_before\nC1,2025-01-02,PNF,SCS,6\nC1,2025-01-02,PNF,TrP,6\n');
		expect(describeCounts(again)).toBe('Read 2 rows · imported 1 · rejected 0 · 1 duplicate');
	});
});

describe('duplicates', () => {
	it('counts a row as a duplicate only when every field repeats, extra columns included', async () => {
		// A daily diary: the same client on many rows that differ only in unmapped columns.
		const csv = 'id,day,headache,medication\n1,-3,yes,none\n1,-2,no,none\n1,-2,no,none\n2,0,yes,reduced\n';
		const outcome = await loadCsv(db, csv);
		expect(describeCounts(outcome)).toBe('Read 4 rows · imported 3 · rejected 0 · 1 duplicate');
	});
});

describe('files that end badly in the reader', () => {
	const rows = (outcome: { rejectedRows: { line: number; reason: string }[] }) => outcome.rejectedRows.map((r) => [r.line, r.reason]);

	it('keeps a # inside a value whole when the file has comment lines', async () => {
		const csv =
			'# exported by PracticeSoft\nclient,date,pain_before,pain_after,notes\nC1,2025-01-02,5,3,room #2\n# moved\nC2,2025-01-03,6,4,#7\n';
		const outcome = await loadCsv(db, csv);
		expect(describeCounts(outcome)).toBe('Read 2 rows · imported 2 · rejected 0 · 0 duplicates');
		expect(await db.query('SELECT value FROM session_extras ORDER BY value')).toEqual([{ value: '#7' }, { value: 'room #2' }]);
	});

	it('rejects a row that starts with # in a file with comment lines, saying how to import it', async () => {
		const csv =
			'# exported by PracticeSoft\nclient,date,pain_before,pain_after\nC1,2025-01-02,5,3\n#C2,2025-01-03,6,4\n# moved, see notes\nC3,2025-01-04,4,2\n';
		const outcome = await loadCsv(db, csv);
		expect(describeCounts(outcome)).toBe('Read 3 rows · imported 2 · rejected 1 · 0 duplicates');
		expect(outcome.rejectedRows.map((r) => [r.line, r.reason, r.fields])).toEqual([
			[4, 'client: "#C2" starts with #, as the file\'s comment lines do; remove the # to import this row', ['#C2', '2025-01-03', '6', '4']]
		]);
	});

	it('imports client ids that start with # in a file without comment lines', async () => {
		const outcome = await loadCsv(db, 'client,date,pain_before,pain_after\n#104,2025-01-02,5,3\n#105,2025-01-03,6,4\n');
		expect(describeCounts(outcome)).toBe('Read 2 rows · imported 2 · rejected 0 · 0 duplicates');
		expect(await db.query('SELECT client_id FROM sessions ORDER BY 1')).toEqual([{ client_id: '#104' }, { client_id: '#105' }]);
	});

	it('reads a file whose lines end in CRLF, LF and CR, with the right line numbers', async () => {
		const csv = 'client,date,pain_before,pain_after\r\nC1,2025-01-02,5,3\nC2,2025-01-03,6,4\rC3,2025-01-04,16,4\r\n';
		const outcome = await loadCsv(db, csv);
		expect(describeCounts(outcome)).toBe('Read 3 rows · imported 2 · rejected 1 · 0 duplicates');
		expect(rows(outcome)).toEqual([[4, 'pain_before: 16 is outside the 0–10 scale of Pain (NPRS)']]);
	});

	it('reads every row of a file whose title lines end otherwise than its rows (the reader alone found none)', async () => {
		const csv =
			'Clinic export 1\rClinic export 2\nclient,date,pain_before,pain_after\r\nC1,2025-01-02,5,3\r\nC2,2025-01-03,6,4\r\nC3,2025-01-04,7,4\r\n';
		const outcome = await loadCsv(db, csv);
		expect(describeCounts(outcome)).toBe('Read 3 rows · imported 3 · rejected 0 · 0 duplicates');
		expect(await db.query('SELECT client_id, value_before FROM sessions JOIN measurements USING (session_id) ORDER BY 1')).toEqual([
			{ client_id: 'C1', value_before: 5 },
			{ client_id: 'C2', value_before: 6 },
			{ client_id: 'C3', value_before: 7 }
		]);
	});

	it('reads again with one kind of line ending a file the reader stops on past a quoting mistake, its records ending one way', async () => {
		// File 592 of csv-records-duckdb.spec.ts's generated files with quoting mistakes: CRLF records, an LF inside
		// a quoted field, and on line 7 a field with text after its closing quote.
		const csv =
			'h0\th1\th2\r\nCé#6\t"C01""\n"\troom #2room #2\r\n\r\n"C"\tC01# room #2\t"\t \r\n"\r\nCC01\tNA#\t"" " x\r\n"C\r# \n"\t"\r\n\t"\t"\r\n\r\n"';
		const outcome = await loadCsv(db, csv);
		expect(outcome.rejectedRows.find((r) => r.line === 7)?.fields).toEqual(['CC01', 'NA#', '"" " x']);
	});

	it('rejects the row with a damaged byte in a UTF-8 file, instead of reading the whole file as Latin-1', async () => {
		const head = 'client,date,condition,pain_before,pain_after\n' + 'A,2025-01-02,Hüftschmerz,5,3\n';
		const bytes = new Uint8Array([
			...new TextEncoder().encode(head + 'B,2025-01-03,Neck pa'),
			0xff,
			...new TextEncoder().encode('n,6,4\nC,2025-01-04,Épaule,4,2\n')
		]);
		const outcome = await runImport(db, new Blob([bytes]), planFor(head, 'damaged.csv'), { secret: 's' });
		expect(describeCounts(outcome)).toBe('Read 3 rows · imported 2 · rejected 1 · 0 duplicates');
		expect(rows(outcome)).toEqual([[3, 'condition: not valid UTF-8 text (a damaged byte)']]);
		expect(await db.query('SELECT condition FROM sessions ORDER BY condition')).toEqual([
			{ condition: 'Hüftschmerz' },
			{ condition: 'Épaule' }
		]);
	});

	it('rejects a row holding a NUL byte, naming the column', async () => {
		const outcome = await loadCsv(db, 'client,date,pain_before,pain_after,notes\nC1,2025-01-02,5,3,a\u0000b\nC2,2025-01-03,6,4,ok\n');
		expect(rows(outcome)).toEqual([[2, 'notes: holds a NUL byte (binary data)']]);
		expect(outcome.imported).toBe(1);
	});

	it('reads numbers grouped in thousands, and still rejects what is not a number', async () => {
		// Ten numbers and one word: the column is still numeric (over 90%), so a walking-distance measure.
		const more = Array.from({ length: 9 }, (_, i) => `C${i + 3};0${i + 1}.02.2025;1.${100 + i},0;1.200\n`).join('');
		const csv = `client;date;walk_before_m;walk_after_m\nC1;02.01.2025;1.234,5;1.410\nC2;03.01.2025;far;980\n${more}`;
		const outcome = await loadCsv(db, csv);
		expect(rows(outcome)).toEqual([[3, 'walk_before_m: "far" is not a number']]);
		expect(outcome.imported).toBe(10);
		const walks = await db.query(`SELECT client_id, value_before, value_after FROM measurements JOIN sessions USING (session_id)
		                              WHERE client_id IN ('C1', 'C3', 'C11') ORDER BY client_id`);
		expect(walks).toEqual([
			{ client_id: 'C1', value_before: 1234.5, value_after: 1410 },
			{ client_id: 'C11', value_before: 1108, value_after: 1200 },
			{ client_id: 'C3', value_before: 1100, value_after: 1200 }
		]);
	});

	it('names extra attributes of repeated or empty headers by their position', async () => {
		await loadCsv(db, 'client,date,notes,notes,\nC1,2025-01-02,a,b,c\n');
		expect(await db.query('SELECT name, value FROM session_extras ORDER BY name')).toEqual([
			{ name: 'column 5', value: 'c' },
			{ name: 'notes (column 3)', value: 'a' },
			{ name: 'notes (column 4)', value: 'b' }
		]);
	});

	it('rejects a line longer than the reader takes, with its length, and imports the rest', async () => {
		const head = 'client,date,pain_before,pain_after,notes\nC1,2025-01-02,5,3,short\n';
		// "C2,2025-01-03,6,4," (18 bytes) and 3 MiB of notes: 3,145,746 bytes.
		const csv = `${head}C2,2025-01-03,6,4,${'x'.repeat(3 * 1024 * 1024)}\nC3,2025-01-04,4,2,short\n`;
		const outcome = await runImport(db, csv, planFor(head), { secret: 's' });
		expect(describeCounts(outcome)).toBe('Read 3 rows · imported 2 · rejected 1 · 0 duplicates');
		expect(rows(outcome)).toEqual([[3, 'the line is 3,145,746 bytes long, more than the 2,000,000 bytes a line may have']]);
	});
});
