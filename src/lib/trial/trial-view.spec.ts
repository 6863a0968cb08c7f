import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadCsv } from '../test/fixtures';
import { DEFAULT_FILTERS } from '../metrics/filters';
import { measureInfo } from '../metrics/measure-info';
import { trialData } from './trial-data';
import { trialView, type TrialView } from './trial-view';
import type { Population } from './trial-settings';

// The back-pain trial (Ashar et al., JAMA Psychiatry 2022), its arms labelled as a user would in the preview
// (the technique vocabulary stores "Placebo" as "Sham / control").
// Expected values from tests/reference/trial-view.py (numpy 2.4, scipy 1.17) on the same file, and the paper's
// published post-treatment figures: mean pain 1.18 (PRT), 2.84 (placebo), 3.13 (usual care); pain-free or nearly
// (≤ 1) 33 of 50 (66%) randomised to PRT, 10 of 51 (20%) placebo, 5 of 50 (10%) usual care.
const LABELS = { '1': 'Pain reprocessing therapy', '2': 'Placebo', '3': 'Usual care' };
const ARMS = { 1: 'Pain reprocessing therapy', 2: 'Sham / control', 3: 'Usual care' };
let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
	const csv = readFileSync(new URL('../../../tests/fixtures/Ashar2022_outcomes_demographics.csv', import.meta.url), 'utf8');
	await loadCsv(db, csv, (plan) => {
		plan.columns.find((c) => c.header === 'group')!.labels = LABELS;
	});
}, 60_000);

async function view(
	population: Population,
	options: { reach?: number | null; reference?: string | null; usualReference?: string | null; techniques?: string[] } = {}
): Promise<TrialView> {
	const filters = { ...DEFAULT_FILTERS, reference: options.reference ?? null, techniques: options.techniques ?? [] };
	const measure = await measureInfo(db, filters.measure);
	const reach = options.reach === undefined ? 1 : options.reach;
	const data = await trialData(db, filters, { population, reach, lowerIsBetter: true });
	return trialView({
		data,
		measure,
		population,
		reach,
		followUp: null,
		reference: filters.reference,
		usualReference: options.usualReference,
		minClients: 5
	});
}

describe('the trial view of the back-pain trial', () => {
	it('summarises each arm at each timepoint, as the paper reports after treatment', async () => {
		const v = await view('complete');
		expect(v.timepoints).toEqual([1, 2]);
		expect(v.reference).toBe(ARMS[2]);
		const at = (arm: string, visit: number) => v.describe.find((r) => r.arm === arm && r.visit === visit)!;
		// numpy: baseline PRT 50, 3.940000 (SD 1.503873); placebo 51, 3.803922 (1.575051); usual care 50, 3.6 (1.442786).
		expect(at(ARMS[1], 1)).toMatchObject({ n: 50 });
		expect(at(ARMS[1], 1).mean).toBeCloseTo(3.94, 6);
		expect(at(ARMS[1], 1).sd).toBeCloseTo(1.503873, 5);
		expect(at(ARMS[2], 1).sd).toBeCloseTo(1.575051, 5);
		// After treatment: 1.181818 (1.244013; median 1, IQR 0 to 1.25), 2.840909, 3.127660: the paper's 1.18, 2.84, 3.13.
		const prt = at(ARMS[1], 2);
		expect(prt.n).toBe(44);
		expect(prt.mean.toFixed(2)).toBe('1.18');
		expect(prt.sd).toBeCloseTo(1.244013, 5);
		expect([prt.q1, prt.median, prt.q3]).toEqual([0, 1, 1.25]);
		expect(at(ARMS[2], 2).mean.toFixed(2)).toBe('2.84');
		expect(at(ARMS[3], 2).mean.toFixed(2)).toBe('3.13');
		// Healthy controls (no arm): baseline only.
		expect(at('Not recorded', 1).n).toBe(54);
		expect(v.describe.some((r) => r.arm === 'Not recorded' && r.visit === 2)).toBe(false);
	});

	it('never mistakes completers for everyone randomised: the flow per arm', async () => {
		const v = await view('complete');
		expect(v.followUp).toBe(2);
		expect(v.flow.find((f) => f.arm === ARMS[1])).toEqual({
			arm: ARMS[1],
			allocated: 50,
			withBaseline: 50,
			followed: [{ visit: 2, n: 44 }],
			analysed: 44,
			missing: 6
		});
		expect(v.flow.find((f) => f.arm === ARMS[2])).toMatchObject({ allocated: 51, withBaseline: 51, analysed: 44, missing: 7 });
		expect(v.flow.find((f) => f.arm === 'Not recorded')).toMatchObject({ allocated: 55, withBaseline: 54, analysed: 0, missing: 54 });
		const all = await view('bocf');
		expect(all.flow.find((f) => f.arm === ARMS[3])).toMatchObject({ allocated: 50, withBaseline: 50, analysed: 50, missing: 3 });
	});

	it('gives change from baseline and the contrasts with placebo, unadjusted and by ANCOVA, for complete cases', async () => {
		const v = await view('complete');
		const change = v.change.find((c) => c.arm === ARMS[1])!;
		// numpy: PRT change −2.840909 (−3.335692 to −2.346126), n 44.
		expect(change.n).toBe(44);
		expect(change.mean).toBeCloseTo(-2.840909, 5);
		expect(change.ci!.low).toBeCloseTo(-3.335692, 5);
		expect(change.ci!.high).toBeCloseTo(-2.346126, 5);
		const [at2] = v.contrasts;
		expect(at2.reference).toMatchObject({ arm: ARMS[2], n: 44 });
		const prt = at2.rows.find((r) => r.arm === ARMS[1])!;
		// scipy Welch: −1.659091 (−2.277029 to −1.041153); numpy ANCOVA: −1.732135 (−2.248555 to −1.215715), n 135.
		expect(prt.difference!.difference).toBeCloseTo(-1.659091, 5);
		expect(prt.difference!.ci.low).toBeCloseTo(-2.277029, 5);
		expect(prt.adjusted!.estimate).toBeCloseTo(-1.732135, 5);
		expect(prt.adjusted!.ci.low).toBeCloseTo(-2.248555, 5);
		expect(prt.adjusted!.ci.high).toBeCloseTo(-1.215715, 5);
		expect(at2.model!.n).toBe(135);
		const usual = at2.rows.find((r) => r.arm === ARMS[3])!;
		expect(usual.adjusted!.estimate).toBeCloseTo(0.488011, 5);
		// Healthy controls have no follow-up: no contrast.
		expect(at2.rows.map((r) => r.arm)).toEqual([ARMS[1], ARMS[3]]);
	});

	it('with everyone randomised, reproduces the paper’s shares pain-free or nearly: 33/50, 10/51, 5/50', async () => {
		// The three randomised arms, as a user would filter them: the healthy controls' baselines would enter the model.
		const v = await view('bocf', { techniques: Object.values(ARMS) });
		const [at2] = v.contrasts;
		expect(at2.reference!.share).toMatchObject({ reaching: 10, n: 51 });
		const prt = at2.rows.find((r) => r.arm === ARMS[1])!;
		expect(prt.share).toMatchObject({ reaching: 33, n: 50, rate: 0.66 });
		expect(at2.rows.find((r) => r.arm === ARMS[3])!.share).toMatchObject({ reaching: 5, n: 50, rate: 0.1 });
		// 33/50 − 10/51 with Newcombe's method 10 (Wilson intervals combined; the formula the statistics tests hold to
		// Newcombe 1998's worked examples): 0.463922 (0.275018 to 0.607982).
		expect(prt.shareDifference!.difference).toBeCloseTo(33 / 50 - 10 / 51, 10);
		expect(prt.shareDifference!.ci.low).toBeCloseTo(0.275018, 5);
		expect(prt.shareDifference!.ci.high).toBeCloseTo(0.607982, 5);
		// Means and models carry the baseline forward: numpy ANCOVA −1.538366 (−2.045176 to −1.031556), n 151;
		// Welch −1.461961 (−2.077048 to −0.846874); PRT change −2.5 (−3.0079 to −1.9921), n 50.
		expect(prt.adjusted!.estimate).toBeCloseTo(-1.538366, 5);
		expect(prt.adjusted!.ci.high).toBeCloseTo(-1.031556, 5);
		expect(prt.difference!.ci.low).toBeCloseTo(-2.077048, 5);
		expect(at2.model!.n).toBe(151);
		const change = v.change.find((c) => c.arm === ARMS[1])!;
		expect(change).toMatchObject({ n: 50, mean: -2.5 });
		expect(change.ci!.low).toBeCloseTo(-3.0079, 4);
	});

	it('follows a chosen reference arm, and has no shares without a value to reach', async () => {
		const v = await view('complete', { reference: ARMS[3], reach: null });
		expect(v.reference).toBe(ARMS[3]);
		expect(v.chosenReference).toBe(true);
		const prt = v.contrasts[0].rows.find((r) => r.arm === ARMS[1])!;
		// Against usual care: the PRT and usual-care terms against placebo subtract, −1.732135 − 0.488011.
		expect(prt.adjusted!.estimate).toBeCloseTo(-1.732135 - 0.488011, 5);
		expect(prt.share).toBeNull();
		expect(v.describe.every((r) => r.share === null)).toBe(true);
	});

	it('compares with the dashboard’s default reference when none is chosen, never with an arm nobody was followed in', async () => {
		expect((await view('complete', { usualReference: ARMS[3] })).reference).toBe(ARMS[3]);
		// The healthy controls have the most baselines (54) but no follow-up.
		const v = await view('complete', { usualReference: 'Not recorded' });
		expect(v.reference).toBe(ARMS[2]);
		expect(v.contrasts[0].rows.map((r) => r.arm)).toEqual([ARMS[1], ARMS[3]]);
	});
});
