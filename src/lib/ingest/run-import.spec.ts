import { beforeEach, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database, SqlParam } from '../db/database';
import { loadCsv, planFor } from '../test/fixtures';
import { describeCounts, ImportError, runImport } from './run-import';

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
			[11, 'wrong number of fields: expected 6, found 5']
		]);
		// The fields come back exactly as the file wrote them, ready to fix and import again.
		expect(outcome.rejectedRows[2].fields).toEqual(['C4', '08.01.2025', 'PNF', 'Knee pain', '11', '3']);
	});

	it('normalises labels, reads decimal commas and DD.MM.YYYY dates, keeps several techniques', async () => {
		await loadCsv(db, MIXED);
		expect(await sessions()).toEqual([
			{ client_id: 'C1', session_date: '2025-01-06', visit: 1, condition: 'Lower back pain', techniques: ['PNF stretching'] },
			{ client_id: 'C1', session_date: '2025-01-13', visit: 2, condition: 'Lower back pain', techniques: ['PNF stretching'] },
			{ client_id: 'C2', session_date: '2025-01-06', visit: 1, condition: 'Sciatica', techniques: ['Palpation release', 'Positional release'] },
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
});

describe('files that cannot be imported at all', () => {
	it('refuses a file without a client column, naming the file', async () => {
		const csv = 'date,pain_before,pain_after\n2025-01-01,5,3\n';
		await expect(loadCsv(db, csv, () => {}, 'no-client.csv')).rejects.toThrow(
			new ImportError('no-client.csv: No column is chosen as the client id: choose the column that identifies each client.')
		);
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
			{ client_id: "A'); DROP TABLE datasets; --", session_date: '2025-01-02', visit: 1, condition: null, techniques: ['<script>alert(1)</script>'] }
		]);
		expect(await db.query('SELECT count(*)::INTEGER AS n FROM datasets')).toEqual([{ n: 1 }]);
	});
});

describe('encodings', () => {
	it('reads a Latin-1 file whose first accent comes after the sample, losing nothing', async () => {
		const head = 'client,date,condition,pain_before,pain_after\n' + 'A,2025-01-02,Neck pain,5,3\n'.repeat(3);
		const bytes = new Uint8Array([...new TextEncoder().encode(head), ...[...'B,2025-01-03,Douleur cervicale r'].map((c) => c.charCodeAt(0)), 0xe9, ...new TextEncoder().encode('currente,6,4\n')]);
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

describe('duplicates', () => {
	it('counts a row as a duplicate only when every field repeats, extra columns included', async () => {
		// A daily diary: the same client on many rows that differ only in unmapped columns.
		const csv = 'id,day,headache,medication\n1,-3,yes,none\n1,-2,no,none\n1,-2,no,none\n2,0,yes,reduced\n';
		const outcome = await loadCsv(db, csv);
		expect(describeCounts(outcome)).toBe('Read 4 rows · imported 3 · rejected 0 · 1 duplicate');
	});
});
