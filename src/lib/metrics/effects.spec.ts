import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadCsv } from '../test/fixtures';
import { DEFAULT_FILTERS } from './filters';
import { effectSummaries } from './effects';

// A, B: PNF; C, D: positional release (SCS); all lower back pain.
const CSV = `client,date,technique,condition,pain_before,pain_after
A,2025-01-06,PNF,LBP,8,5
A,2025-01-20,PNF,LBP,6,4
A,2025-02-03,PNF,LBP,4,3
B,2025-01-07,PNF,LBP,6,5
B,2025-01-21,PNF,LBP,5,5
C,2025-01-08,SCS,LBP,7,4
C,2025-02-08,SCS,LBP,7,5
D,2025-01-09,SCS,LBP,5,2
`;

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadCsv(db, CSV);
});

const filters = { ...DEFAULT_FILTERS, minClients: 1 };

describe('immediate effect', () => {
	it('summarises client means by main technique and condition', async () => {
		const [pnf, scs] = await effectSummaries(db, 'immediate', filters);
		// Client means: A (3 + 2 + 1)/3 = 2, B (1 + 0)/2 = 0.5 → mean 1.25, SD |2 − 0.5|/√2 = 1.0607
		expect(pnf).toMatchObject({ group: 'PNF stretching', condition: 'Lower back pain', clients: 2, sessions: 5, responders: null });
		expect(pnf.mean).toBeCloseTo(1.25, 10);
		expect(pnf.sd).toBeCloseTo(1.06066, 4);
		// quantiles of [0.5, 2]: 0.5 + 0.25 × 1.5 = 0.875, 1.25, 1.625
		expect([pnf.q1, pnf.median, pnf.q3]).toEqual([0.875, 1.25, 1.625]);
		// 95% CI: 1.25 ± t(0.975, 1) × 1.0607/√2 = 1.25 ± 12.706 × 0.75 = 1.25 ± 9.5295
		expect(pnf.ci!.low).toBeCloseTo(-8.2795, 3);
		expect(pnf.ci!.high).toBeCloseTo(10.7795, 3);
		// SRM 1.25 / 1.0607 = 1.1785
		expect(pnf.srm).toBeCloseTo(1.1785, 4);
		// C (3 + 2)/2 = 2.5, D 3 → 2.75
		expect(scs).toMatchObject({ group: 'Positional release', clients: 2, sessions: 3, mean: 2.75 });
		// Baselines are each client's mean pain before the sessions with a change: A (8 + 6 + 4)/3 = 6, B (6 + 5)/2 = 5.5.
		// Sums for the adjusted comparison: x 11.5, y 2.5, x² 36 + 30.25, xy 6 × 2 + 5.5 × 0.5, y² 4 + 0.25.
		expect(pnf.moments).toEqual({ n: 2, x: 11.5, y: 2.5, xx: 66.25, xy: 14.75, yy: 4.25 });
	});

	it('follows the filters: a date range and a technique', async () => {
		const january = await effectSummaries(db, 'immediate', { ...filters, to: '2025-01-31', techniques: ['PNF stretching'] });
		// A in January: (3 + 2)/2 = 2.5; B: 0.5 → mean 1.5
		expect(january).toHaveLength(1);
		expect(january[0]).toMatchObject({ group: 'PNF stretching', clients: 2, sessions: 4, mean: 1.5 });
	});
});

describe('course effect', () => {
	it('compares the first and the latest pain before a session, with responders at 2 points or 30%', async () => {
		const [pnf, scs] = await effectSummaries(db, 'course', filters);
		// A: 8 → 4 = 4 (responder); B: 6 → 5 = 1 (1 < 2 points and 1/6 = 17% < 30%)
		expect(pnf).toMatchObject({ clients: 2, sessions: 5, mean: 2.5, responders: 1, responderRate: 0.5 });
		expect(pnf.sd).toBeCloseTo(2.12132, 4);
		// Baselines 8 and 6 (first pain before): x 14, y 5, x² 100, xy 8 × 4 + 6 × 1 = 38, y² 17.
		expect(pnf.moments).toEqual({ n: 2, x: 14, y: 5, xx: 100, xy: 38, yy: 17 });
		// C: 7 → 7 = 0; D has one session only and no course.
		expect(scs).toMatchObject({ group: 'Positional release', clients: 1, mean: 0, responders: 0, sd: null, ci: null });
	});

	it('uses the user’s threshold when given', async () => {
		const [pnf] = await effectSummaries(db, 'course', { ...filters, mcidPoints: 1 });
		expect(pnf.responders).toBe(2);
	});

	it('hides groups under the minimum number of clients', async () => {
		const rows = await effectSummaries(db, 'course', { ...filters, minClients: 2 });
		expect(rows.map((r) => [r.group, r.hidden])).toEqual([
			['PNF stretching', false],
			['Positional release', true]
		]);
	});

	it('compares by therapist or clinic when asked', async () => {
		const rows = await effectSummaries(db, 'immediate', { ...filters, by: 'clinic' });
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ group: 'Not recorded', clients: 4 });
	});
});

describe('frequency and outcome', () => {
	it('groups course effects by sessions a month', async () => {
		const { courseEffectByBand } = await import('./frequency-bands');
		// A: 3 sessions in 28 days = 2 × 30/28 = 2.14 a month; B: 2 in 14 days = 2.14; C: 2 in 31 days = 0.97; D: one visit.
		const bands = await courseEffectByBand(db, filters);
		expect(bands.map((b) => [b.group, b.clients, b.mean, b.responders])).toEqual([
			['under 2', 1, 0, 0],
			['2–4', 2, 2.5, 1]
		]);
	});

	it('gives retention at 4, 8 and 12 weeks among clients who could be followed that long', async () => {
		const { retentionByGroup } = await import('./retention');
		const rows = await retentionByGroup(db, filters);
		// The data end on 8 February: everyone started at least 4 weeks before, nobody 8.
		// Still attending after 4 weeks: A (28 days) yes, B (14) no; C (31) yes, D (one visit) no.
		expect(rows).toEqual([
			{
				technique: 'PNF stretching',
				condition: 'Lower back pain',
				eligible: [2, 0, 0],
				retained: [1, 0, 0],
				medianGapDays: 14,
				medianCourseDays: 21
			},
			{
				technique: 'Positional release',
				condition: 'Lower back pain',
				eligible: [2, 0, 0],
				retained: [1, 0, 0],
				medianGapDays: 31,
				medianCourseDays: 15.5
			}
		]);
	});
});

describe('headline figures', () => {
	it('gives clients, sessions, medians and the responder count, each with its n', async () => {
		const { headline } = await import('./overview');
		expect(await headline(db, filters)).toEqual({
			clients: 4,
			sessions: 8,
			// immediate client means 2, 0.5, 2.5, 3 → median 2.25
			medianImmediate: 2.25,
			immediateClients: 4,
			// course: A 4, B 1, C 0 → median 1
			medianCourse: 1,
			courseClients: 3,
			responders: 1,
			// 2.14, 2.14, 0.97 → median 30/14
			medianPerMonth: 30 / 14,
			frequencyClients: 3
		});
	});
});
