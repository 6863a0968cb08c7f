import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadCsv } from '../test/fixtures';
import { DEFAULT_FILTERS } from './filters';
import { effectSummaries, type EffectSummary } from './effects';
import { contrastsOf, defaultReference, groupTotals } from './contrasts';

// 21 clients, two sessions each: PNF, SCS (positional release) and a sham massage, for lower back and neck pain.
// Expected values from tests/reference/contrasts.py (numpy 2.4, scipy 1.17), which writes this file.
const CSV = `client,date,technique,condition,pain_before,pain_after
K01,2025-03-03,PNF,LBP,9,7
K01,2025-03-17,PNF,LBP,7,7
K02,2025-03-03,PNF,LBP,7,6
K02,2025-03-17,PNF,LBP,6,5
K03,2025-03-03,PNF,LBP,6,5
K03,2025-03-17,PNF,LBP,5,4
K04,2025-03-03,PNF,LBP,8,6
K04,2025-03-17,PNF,LBP,6,6
K05,2025-03-03,PNF,Neck pain,6,5
K05,2025-03-17,PNF,Neck pain,4,3
K06,2025-03-03,PNF,Neck pain,7,6
K06,2025-03-17,PNF,Neck pain,8,9
K07,2025-03-03,PNF,Neck pain,9,7
K07,2025-03-17,PNF,Neck pain,9,8
K08,2025-03-03,SCS,LBP,4,5
K08,2025-03-17,SCS,LBP,3,3
K09,2025-03-03,SCS,LBP,8,8
K09,2025-03-17,SCS,LBP,7,7
K10,2025-03-03,SCS,LBP,7,7
K10,2025-03-17,SCS,LBP,7,5
K11,2025-03-03,SCS,LBP,8,6
K11,2025-03-17,SCS,LBP,7,7
K12,2025-03-03,SCS,Neck pain,6,5
K12,2025-03-17,SCS,Neck pain,5,4
K13,2025-03-03,SCS,Neck pain,9,6
K13,2025-03-17,SCS,Neck pain,8,9
K14,2025-03-03,SCS,Neck pain,9,8
K14,2025-03-17,SCS,Neck pain,7,7
K15,2025-03-03,Sham massage,LBP,8,9
K15,2025-03-17,Sham massage,LBP,7,7
K16,2025-03-03,Sham massage,LBP,6,6
K16,2025-03-17,Sham massage,LBP,5,4
K17,2025-03-03,Sham massage,LBP,6,4
K17,2025-03-17,Sham massage,LBP,5,6
K18,2025-03-03,Sham massage,LBP,6,6
K18,2025-03-17,Sham massage,LBP,5,5
K19,2025-03-03,Sham massage,Neck pain,7,7
K19,2025-03-17,Sham massage,Neck pain,8,7
K20,2025-03-03,Sham massage,Neck pain,6,7
K20,2025-03-17,Sham massage,Neck pain,5,6
K21,2025-03-03,Sham massage,Neck pain,4,4
K21,2025-03-17,Sham massage,Neck pain,7,7
`;

let db: Database;
let course: EffectSummary[];
let immediate: EffectSummary[];
const filters = { ...DEFAULT_FILTERS, minClients: 1 };
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadCsv(db, CSV);
	course = await effectSummaries(db, 'course', filters);
	immediate = await effectSummaries(db, 'immediate', filters);
});

describe('the reference group', () => {
	it('defaults to a group whose label says sham, control, placebo, usual care or waitlist', () => {
		const totals = groupTotals(course, 5);
		expect(totals.map((g) => [g.group, g.clients])).toEqual([
			['PNF stretching', 7],
			['Positional release', 7],
			['Sham massage', 7]
		]);
		expect(defaultReference(totals)).toBe('Sham massage');
		const usual = (group: string, clients: number) => ({
			group,
			clients,
			mean: 0,
			sd: 1,
			ci: null,
			responders: null,
			responderRate: null,
			hidden: false
		});
		expect(defaultReference([usual('A', 9), usual('Usual care', 4)])).toBe('Usual care');
		expect(defaultReference([usual('Wait-list', 3), usual('B', 9)])).toBe('Wait-list');
	});

	it('else is the largest shown group, and never a hidden one', () => {
		const g = (group: string, clients: number, hidden = false) => ({
			group,
			clients,
			mean: 0,
			sd: 1,
			ci: null,
			responders: null,
			responderRate: null,
			hidden
		});
		expect(defaultReference([g('PNF', 12), g('SCS', 30), g('TrP', 8)])).toBe('SCS');
		expect(defaultReference([g('Control', 3, true), g('SCS', 30)])).toBe('SCS');
		expect(defaultReference([])).toBeNull();
	});
});

describe('course effect against the sham massage', () => {
	it('gives Welch intervals, Hedges g and Newcombe intervals for the responder rates', () => {
		const c = contrastsOf('course', course, null, 5);
		expect(c.reference?.group).toBe('Sham massage');
		expect(c.chosen).toBe(false);
		expect(c.conditions).toEqual(['Lower back pain', 'Neck pain']);
		const [pnf, scs] = c.rows;
		expect(pnf.group.group).toBe('PNF stretching');
		// numpy: PNF course changes mean 1.0 (SD 1.154701), sham 0.142857 (SD 1.573592).
		// scipy Welch: 0.857143, 95% CI −0.766383 to 2.480669, df 11.009174. Hedges g 0.581417 (−0.422722 to 1.585556).
		expect(pnf.difference!.difference).toBeCloseTo(0.857143, 6);
		expect(pnf.difference!.ci.low).toBeCloseTo(-0.766383, 5);
		expect(pnf.difference!.ci.high).toBeCloseTo(2.480669, 5);
		expect(pnf.difference!.df).toBeCloseTo(11.009174, 5);
		expect(pnf.g!.g).toBeCloseTo(0.581417, 5);
		expect(pnf.g!.ci.low).toBeCloseTo(-0.422722, 5);
		expect(pnf.g!.ci.high).toBeCloseTo(1.585556, 5);
		// Responders (2 points or 30% of baseline): PNF 3 of 7, sham 0 of 7; Newcombe method 10: 0.428571 (−0.017119 to 0.749542).
		expect(pnf.group.responders).toBe(3);
		expect(pnf.responderDifference!.difference).toBeCloseTo(0.428571, 6);
		expect(pnf.responderDifference!.ci.low).toBeCloseTo(-0.017119, 5);
		expect(pnf.responderDifference!.ci.high).toBeCloseTo(0.749542, 5);
		// SCS: Welch −0.617753 to 2.332038 (df 7.586633); g 0.677028; responders 1 of 7: 0.142857 (−0.230346 to 0.513128).
		expect(scs.difference!.ci.low).toBeCloseTo(-0.617753, 5);
		expect(scs.difference!.df).toBeCloseTo(7.586633, 5);
		expect(scs.g!.g).toBeCloseTo(0.677028, 5);
		expect(scs.responderDifference!.ci.high).toBeCloseTo(0.513128, 5);
	});

	it('adjusts for baseline and condition by ANCOVA', () => {
		const { model, rows } = contrastsOf('course', course, null, 5);
		// numpy lstsq, change = a + b × first pain + neck + PNF + SCS: b 0.243023; PNF 0.544685 (−0.773936 to 1.863305);
		// SCS 0.579402 (−0.720790 to 1.879595); 16 residual df; R² 0.335301.
		expect(model!.slope.estimate).toBeCloseTo(0.243023, 5);
		expect(model!.strata).toEqual(['Lower back pain', 'Neck pain']);
		expect(model!.df).toBe(16);
		expect(model!.rSquared).toBeCloseTo(0.335301, 5);
		expect(rows[0].adjusted!.estimate).toBeCloseTo(0.544685, 5);
		expect(rows[0].adjusted!.ci.low).toBeCloseTo(-0.773936, 5);
		expect(rows[0].adjusted!.ci.high).toBeCloseTo(1.863305, 5);
		expect(rows[1].adjusted!.estimate).toBeCloseTo(0.579402, 5);
		expect(rows[1].adjusted!.ci.low).toBeCloseTo(-0.72079, 5);
	});
});

describe('immediate effect against the sham massage', () => {
	it('adjusts for each client’s mean pain before the session', () => {
		const { rows, model } = contrastsOf('immediate', immediate, null, 5);
		// scipy Welch: PNF 0.928571 (0.321802 to 1.535341); Hedges g 1.679649 (0.518195 to 2.841103).
		expect(rows[0].difference!.difference).toBeCloseTo(0.928571, 6);
		expect(rows[0].difference!.ci.low).toBeCloseTo(0.321802, 5);
		expect(rows[0].g!.ci.high).toBeCloseTo(2.841103, 5);
		expect(rows[0].responderDifference).toBeNull();
		// numpy: mean change within a session on mean pain before, condition and technique: slope 0.119751;
		// PNF 0.825927 (0.172853 to 1.479001); SCS 0.485892 (−0.160128 to 1.131912); R² 0.418704.
		expect(model!.slope.estimate).toBeCloseTo(0.119751, 5);
		expect(rows[0].adjusted!.estimate).toBeCloseTo(0.825927, 5);
		expect(rows[0].adjusted!.ci.low).toBeCloseTo(0.172853, 5);
		expect(rows[1].adjusted!.ci.high).toBeCloseTo(1.131912, 5);
		expect(model!.rSquared).toBeCloseTo(0.418704, 5);
	});
});

describe('a chosen reference and small groups', () => {
	it('compares against the chosen group, signs follow', () => {
		const c = contrastsOf('course', course, 'PNF stretching', 5);
		expect(c.chosen).toBe(true);
		expect(c.rows.map((r) => r.group.group)).toEqual(['Positional release', 'Sham massage']);
		expect(c.rows[1].difference!.difference).toBeCloseTo(-0.857143, 6);
		expect(c.rows[1].adjusted!.estimate).toBeCloseTo(-0.544685, 5);
	});

	it('leaves out groups under the smallest size, and falls back from a hidden choice', () => {
		const c = contrastsOf('course', course, 'Sham massage', 8);
		expect(c.hidden).toBe(3);
		expect(c.reference).toBeNull();
		expect(c.rows).toEqual([]);
		const lbp = course.filter((r) => r.condition === 'Lower back pain');
		const small = contrastsOf('course', lbp, null, 4);
		expect(small.conditions).toEqual(['Lower back pain']);
		expect(small.model!.strata).toEqual([]);
	});
});
