/**
 * Trial-shaped files through the path a dropped file takes (preview → guessed plan → import into DuckDB),
 * each stored value worked out by hand from the fixture in tests/fixtures/ (the comments say how).
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { fixtureFile, importFile } from '../test/fixtures';
import { describeCounts } from './run-import';

let db: Database;
beforeEach(async () => {
	db = await openNodeDatabase();
});

async function imported(name: string, change?: Parameters<typeof importFile>[2]) {
	const ending = await importFile(db, fixtureFile(name), change);
	if (ending.ending !== 'imported') throw new Error(`${name} did not import: ${JSON.stringify(ending)}`);
	return ending;
}

/** [client, visit, date] of every stored session. */
const sessions = async () =>
	(
		await db.query<{ c: string; v: number; d: string | null }>(
			'SELECT client_id AS c, visit AS v, session_date AS d FROM sessions ORDER BY c, v'
		)
	).map((s) => [s.c, s.v, s.d]);
/** [client, visit, measure, before, after] of every stored measurement. */
const measurements = async () =>
	(
		await db.query<{ c: string; v: number; m: string; b: number | null; a: number | null }>(
			`SELECT client_id AS c, visit AS v, measure AS m, value_before AS b, value_after AS a
			 FROM measurements JOIN sessions USING (session_id) ORDER BY c, v, m`
		)
	).map((r) => [r.c, r.v, r.m, r.b, r.a]);
const measureRow = async (measure: string) => (await db.query('SELECT * FROM measures WHERE measure = ?', [measure]))[0];

describe('a trial without an id column: Pre and Post beside a group (grip-strength.csv)', () => {
	it('reads Pre and Post as visits 1 and 2 of participants numbered as the file’s rows', async () => {
		const { plan, outcome } = await imported('grip-strength.csv');
		expect(plan.pairsAre).toBe('visits');
		// Six data rows, all imported: rows 2 and 6 are the same values, two participants, not a duplicate.
		expect(describeCounts(outcome)).toBe('Read 6 rows · imported 6 · rejected 0 · 0 duplicates');
		expect(await measurements()).toEqual([
			['1', 1, 'grip_strength', 28.5, null],
			['1', 2, 'grip_strength', 31, null],
			['2', 1, 'grip_strength', 30, null],
			['2', 2, 'grip_strength', 30.5, null],
			['3', 1, 'grip_strength', 25, null],
			['3', 2, 'grip_strength', 29.5, null],
			['4', 1, 'grip_strength', 33.5, null],
			['4', 2, 'grip_strength', 33, null],
			['5', 1, 'grip_strength', 27, null],
			['5', 2, 'grip_strength', 30, null],
			['6', 1, 'grip_strength', 30, null],
			['6', 2, 'grip_strength', 30.5, null]
		]);
		expect(outcome.sessions).toBe(12);
		expect(await db.query('SELECT count(*)::INTEGER AS n FROM clients')).toEqual([{ n: 6 }]);
		// The group column (1, 2) is the technique of each of the participant's visits.
		expect(
			await db.query(
				`SELECT DISTINCT client_id, technique FROM sessions JOIN session_techniques USING (session_id) WHERE client_id IN ('1', '2') ORDER BY 1`
			)
		).toEqual([
			{ client_id: '1', technique: '1' },
			{ client_id: '2', technique: '2' }
		]);
		// An unnamed measure is called after the file; new measures are higher-is-better until the user says.
		expect(await measureRow('grip_strength')).toEqual({
			measure: 'grip_strength',
			label: 'grip strength',
			kind: 'other',
			unit: '',
			scale_min: null,
			scale_max: null,
			direction: 'higher',
			mcid_points: null,
			mcid_percent: null,
			mcid_source: 'Declared at import'
		});
	});

	it('read as sessions: one session per participant, before and after within it', async () => {
		await imported('grip-strength.csv', (plan) => (plan.pairsAre = 'session'));
		expect(await measurements()).toEqual([
			['1', 1, 'grip_strength', 28.5, 31],
			['2', 1, 'grip_strength', 30, 30.5],
			['3', 1, 'grip_strength', 25, 29.5],
			['4', 1, 'grip_strength', 33.5, 33],
			['5', 1, 'grip_strength', 27, 30],
			['6', 1, 'grip_strength', 30, 30.5]
		]);
	});

	it('numbers rows as in the file when the reader rejects one before them', async () => {
		// Row 2 has a field too few: rejected. The row after it is still participant 3, not 2.
		const csv = 'group,Pre,Post\n1,5,3\n2,6\n1,7,4\n';
		const ending = await importFile(db, new File([csv], 'numbered.csv'));
		expect(ending.ending).toBe('imported');
		if (ending.ending !== 'imported') return;
		expect(ending.outcome.rejectedRows.map((r) => [r.line, r.reason])).toEqual([
			[3, 'wrong number of fields: expected 3, found 2 (no value for Post)']
		]);
		expect(await sessions()).toEqual([
			['1', 1, null],
			['1', 2, null],
			['3', 1, null],
			['3', 2, null]
		]);
	});
});

describe('pre/post columns of measures the app does not know', () => {
	it('PreWeight/PostWeight: one weight measure at two visits, its unit, scale and direction as set in the preview', async () => {
		await imported('weight-prepost.csv', (plan) => {
			const weight = plan.measures.find((m) => m.measure === 'weight')!;
			Object.assign(weight, { unit: 'kg', scaleMin: 30, scaleMax: 250, direction: 'lower' });
		});
		// W3 has no PostWeight: baseline only.
		expect(await measurements()).toEqual([
			['W1', 1, 'weight', 82.5, null],
			['W1', 2, 'weight', 79, null],
			['W2', 1, 'weight', 95, null],
			['W2', 2, 'weight', 93.2, null],
			['W3', 1, 'weight', 70.4, null],
			['W4', 1, 'weight', 88, null],
			['W4', 2, 'weight', 84.5, null]
		]);
		expect(await measureRow('weight')).toMatchObject({
			label: 'weight',
			kind: 'other',
			unit: 'kg',
			scale_min: 30,
			scale_max: 250,
			direction: 'lower'
		});
		// Age and BMI stay extra attributes of the participant's sessions, not measures.
		expect(
			await db.query('SELECT DISTINCT name, value FROM session_extras JOIN sessions USING (session_id) WHERE client_id = ? ORDER BY name', [
				'W2'
			])
		).toEqual([
			{ name: 'BMI', value: '31.4' },
			{ name: 'age', value: '51' }
		]);
		expect(await db.query('SELECT DISTINCT measure FROM measurements')).toEqual([{ measure: 'weight' }]);
	});

	it('pain_baseline/pain_followup: a participant with follow-up only has visit 2 alone', async () => {
		await imported('pain-baseline-followup.csv');
		expect(await measurements()).toEqual([
			['P01', 1, 'pain_nprs', 7, null],
			['P01', 2, 'pain_nprs', 3, null],
			['P02', 1, 'pain_nprs', 6, null],
			['P02', 2, 'pain_nprs', 5, null],
			['P03', 1, 'pain_nprs', 8, null],
			['P03', 2, 'pain_nprs', 4, null],
			['P04', 2, 'pain_nprs', 6, null]
		]);
		expect(await sessions()).toEqual([
			['P01', 1, null],
			['P01', 2, null],
			['P02', 1, null],
			['P02', 2, null],
			['P03', 1, null],
			['P03', 2, null],
			['P04', 2, null]
		]);
	});

	it('score_t0/t1/t2: three visits from t0, a missing t1 leaves visits 1 and 3', async () => {
		await imported('score-t0-t2.csv');
		expect(await measurements()).toEqual([
			['S1', 1, 'score', 20, null],
			['S1', 2, 'score', 24, null],
			['S1', 3, 'score', 27, null],
			['S2', 1, 'score', 18, null],
			['S2', 3, 'score', 22, null],
			['S3', 1, 'score', 25, null],
			['S3', 2, 'score', 25, null],
			['S3', 3, 'score', 30, null]
		]);
		expect(await measureRow('score')).toMatchObject({ label: 'score', kind: 'other', direction: 'higher' });
	});

	it('pk1/pk5 with a group and a change column: two visits, the change kept as an extra', async () => {
		await imported('pk-trial.csv');
		expect(await measurements()).toEqual([
			['1', 1, 'pk', 4.2, null],
			['1', 2, 'pk', 3.1, null],
			['2', 1, 'pk', 5, null],
			['2', 2, 'pk', 4.8, null],
			['3', 1, 'pk', 3.9, null],
			['3', 2, 'pk', 2.5, null],
			['4', 1, 'pk', 4.4, null],
			['4', 2, 'pk', 4.6, null]
		]);
		expect(await db.query('SELECT DISTINCT measure FROM measurements')).toEqual([{ measure: 'pk' }]);
		expect(
			await db.query(
				`SELECT DISTINCT client_id, value FROM session_extras JOIN sessions USING (session_id) WHERE name = 'change' ORDER BY 1`
			)
		).toEqual([
			{ client_id: '1', value: '-1.1' },
			{ client_id: '2', value: '-0.2' },
			{ client_id: '3', value: '-1.4' },
			{ client_id: '4', value: '0.2' }
		]);
	});
});

describe('clinic exports stay sessions', () => {
	it('pain_pre/pain_post with repeated ids and dates: before and after within each session', async () => {
		const { plan } = await imported('pain-clinic-prepost.csv');
		expect(plan.pairsAre).toBe('session');
		expect(await sessions()).toEqual([
			['A1', 1, '2025-03-03'],
			['A1', 2, '2025-03-10'],
			['B2', 1, '2025-03-04']
		]);
		expect(await measurements()).toEqual([
			['A1', 1, 'pain_nprs', 6, 4],
			['A1', 2, 'pain_nprs', 5, 3],
			['B2', 1, 'pain_nprs', 7, 6]
		]);
	});
});

describe('a movement column names the range of motion of each row (rom-movement-clinic.csv)', () => {
	it('stores hip_flexion, knee_flexion… instead of “Range of motion”; two movements on one date are one session', async () => {
		const { outcome } = await imported('rom-movement-clinic.csv');
		// The last row's 105 is over the 0–100° of cervical rotation; the elbow's 150 is fine (no scale declared),
		// though it is over the generic range of motion's 140.
		expect(outcome.rejectedRows.map((r) => [r.line, r.reason])).toEqual([
			[7, 'rom_pre: 105 is outside the 0–100° scale of Cervical rotation']
		]);
		expect(await sessions()).toEqual([
			['C1', 1, '2025-02-03'],
			['C1', 2, '2025-02-10'],
			['C2', 1, '2025-02-04'],
			['C2', 2, '2025-02-11']
		]);
		// "knee  flexion" and "HIP FLEXION" are the known movements, whatever their case and spacing.
		expect(await measurements()).toEqual([
			['C1', 1, 'hip_flexion', 95, 104],
			['C1', 1, 'knee_flexion', 120, 126],
			['C1', 2, 'hip_flexion', 100, 108],
			['C2', 1, 'cervical_rotation', 60, 68],
			['C2', 2, 'elbow_extension', 150, 155]
		]);
		expect(await db.query('SELECT DISTINCT d.label FROM measurements m JOIN measures d USING (measure) ORDER BY 1')).toEqual([
			{ label: 'Cervical rotation' },
			{ label: 'Elbow extension' },
			{ label: 'Hip flexion' },
			{ label: 'Knee flexion' }
		]);
		expect(await measureRow('elbow_extension')).toMatchObject({
			label: 'Elbow extension',
			kind: 'rom',
			unit: '°',
			scale_min: null,
			scale_max: null,
			direction: 'higher'
		});
	});
});

/** A fixture's header and rows, split on commas: the two real trials below quote no field. */
function table(name: string) {
	const [header, ...rows] = readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url), 'utf8')
		.trim()
		.split('\n')
		.map((line) => line.split(','));
	return { header, rows, column: (h: string) => rows.map((r) => r[header.indexOf(h)]) };
}
const present = (v: string) => !['', 'NA', 'NaN', '<undefined>'].includes(v);

describe('the real trials import as before', () => {
	it('the back-pain trial (long: id, time 1/2, group): a visit per row, read as timepoints, not pairs', async () => {
		const file = table('Ashar2022_outcomes_demographics.csv');
		const { plan, outcome } = await imported('Ashar2022_outcomes_demographics.csv');
		expect([plan.shape, plan.pairsAre]).toEqual(['timepoints', 'session']);
		expect(describeCounts(outcome)).toBe('Read 341 rows · imported 341 · rejected 0 · 0 duplicates');
		const visits = await db.query<{ visit: number; n: number }>('SELECT visit, count(*)::INTEGER AS n FROM sessions GROUP BY 1 ORDER BY 1');
		expect(visits).toEqual([
			{ visit: 1, n: file.column('time').filter((t) => t === '1').length },
			{ visit: 2, n: file.column('time').filter((t) => t === '2').length }
		]);
		expect(await db.query('SELECT count(*)::INTEGER AS n FROM clients')).toEqual([{ n: new Set(file.column('id')).size }]);
		expect(await db.query('SELECT measure, count(*)::INTEGER AS n FROM measurements GROUP BY 1 ORDER BY 1')).toEqual([
			{ measure: 'odi', n: file.column('odi').filter(present).length },
			{ measure: 'pain_nprs', n: file.column('pain_avg').filter(present).length }
		]);
	});

	it('the sore-throat trial (wide, four throat-pain timepoints): visits 1–4, as before', async () => {
		const file = table('licorice_gargle.csv');
		const throat = ['pacu30min_throatPain', 'pacu90min_throatPain', 'postOp4hour_throatPain', 'pod1am_throatPain'];
		const { plan, outcome } = await imported('licorice_gargle.csv');
		expect(throat.map((h) => plan.columns.find((c) => c.header === h)!.role)).toEqual(
			throat.map((_, k) => ({ kind: 'measure', measure: 'pain_nprs', timing: 'value', visit: k + 1 }))
		);
		expect(describeCounts(outcome)).toBe('Read 235 rows · imported 235 · rejected 0 · 0 duplicates');
		// Each throat-pain value is a visit's session; swallowing pain (no timepoint) one more; a row with no value at all, one.
		const sessionsOf = file.rows.map((_, i) => {
			const values = [...throat, 'pacu30min_swallowPain'].filter((h) => present(file.column(h)[i])).length;
			return Math.max(values, 1);
		});
		expect(outcome.sessions).toBe(sessionsOf.reduce((a, b) => a + b, 0));
		// Where a patient has all four throat-pain values, visits 1–4 hold them in the file's order.
		const complete = file.rows.flatMap((r, i) => (throat.every((h) => present(file.column(h)[i])) ? [r[0]] : []));
		const expected = complete.flatMap((id) =>
			throat.map((h, k) => [id, k + 1, Number(file.column(h)[file.column('rownames').indexOf(id)])])
		);
		const stored = await db.query<{ c: string; v: number; b: number }>(
			`SELECT client_id AS c, visit AS v, value_before AS b FROM measurements JOIN sessions USING (session_id) WHERE visit <= 4`
		);
		const wanted = new Set(complete);
		const sort = (rows: (string | number)[][]) => rows.sort((a, b) => Number(a[0]) - Number(b[0]) || Number(a[1]) - Number(b[1]));
		expect(sort(stored.filter((r) => wanted.has(r.c)).map((r) => [r.c, r.v, r.b]))).toEqual(sort(expected));
	});
});
