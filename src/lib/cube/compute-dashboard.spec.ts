/**
 * The cube answers filter changes in the page; the SQL in metrics/ is the reference. On the demo clinic,
 * under many filters, both give the same figures (to 1e-9).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadDemoClinic } from '../demo/load-demo';
import { loadCovariates, loadCube, type Cube } from './load-cube';
import { computeCaseMix, computeDashboard, quantile } from './compute-dashboard';
import { dashboardData } from '../metrics/dashboard-data';
import { DEFAULT_FILTERS, type Filters } from '../metrics/filters';
import { loadCsv } from '../test/fixtures';
import { expectSame } from '../test/expect-same';

let db: Database;
let cube: Cube;
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadDemoClinic(db, { clients: 600 });
	cube = await loadCube(db);
}, 60_000);

/** The cube's figures, the case-mix model (worked out after the charts) included. */
const fromCube = async (cube: Cube, db: Database, filters: Filters) => ({
	...computeDashboard(cube, filters),
	caseMix: computeCaseMix(cube, await loadCovariates(db), filters)
});

const CASES: [string, Partial<Filters>][] = [
	['no filter', {}],
	['one condition', { conditions: ['Lower back pain'] }],
	['two clinics and a date range', { clinics: ['Harbour Street', 'Northside Clinic'], from: '2025-03-01', to: '2025-08-31' }],
	['by therapist', { by: 'therapist' }],
	['by clinic, one technique', { by: 'clinic', techniques: ['PNF stretching'] }],
	['a range-of-motion measure', { measure: 'hip_flexion' }],
	['user thresholds, small groups shown', { mcidPoints: 1, mcidPercent: 0.5, minClients: 2 }],
	['a therapist', { therapists: ['Dev Patel'], measure: 'cervical_rotation' }],
	['nothing left', { from: '2030-01-01' }]
];

describe('the cube agrees with the SQL', () => {
	it.each(CASES)('%s', async (_, change) => {
		const filters = { ...DEFAULT_FILTERS, ...change };
		expectSame(await fromCube(cube, db, filters), await dashboardData(db, filters));
	});

	it('agrees on research data without dates, with timepoints', async () => {
		const other = await openNodeDatabase();
		await loadCsv(other, 'id,time,group,pain_avg\n1,1,1,6\n1,2,1,3\n2,1,2,7\n2,2,2,6\n3,1,1,5\n3,2,1,5\n');
		const data = await dashboardData(other, DEFAULT_FILTERS);
		expectSame(await fromCube(await loadCube(other), other, DEFAULT_FILTERS), data);
		expect(data.course.map((r) => [r.group, r.clients, r.mean])).toEqual([
			['1', 2, 1.5],
			['2', 1, 1]
		]);
	});
});

/**
 * Clients who move between clinics and therapists and come for two conditions: a clinic or therapist
 * filter then keeps only part of a client's course, and the cube works those clients out again (see
 * effect-index.ts). Sessions come from a fixed pseudo-random sequence, with gaps in the measures.
 */
function movingClients(): string {
	let seed = 42;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
	const lines = ['client,date,clinic,therapist,technique,condition,pain_pre,pain_post,hip_flexion_pre,hip_flexion_post'];
	for (let c = 1; c <= 60; c++) {
		const technique = pick(['PNF stretching', 'positional release', 'palpation release']);
		const conditions = c % 4 === 0 ? ['Lower back pain', 'Neck pain'] : [pick(['Lower back pain', 'Neck pain'])];
		let day = Math.floor(random() * 60);
		const sessions = 2 + Math.floor(random() * 6);
		for (let s = 0; s < sessions; s++) {
			day += 1 + Math.floor(random() * 20);
			const date = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
			const before = Math.round(random() * 10);
			const after = Math.max(0, before - Math.round(random() * 4));
			const hip = random() < 0.5 ? [String(70 + Math.round(random() * 40)), ''] : ['', ''];
			if (hip[0] && random() < 0.8) hip[1] = String(Number(hip[0]) + Math.round(random() * 10));
			lines.push(
				[
					`C${c}`,
					date,
					pick(['North', 'South']),
					pick(['Ana', 'Ben', 'Cy']),
					technique,
					conditions[s % conditions.length],
					random() < 0.1 ? '' : before,
					random() < 0.2 ? '' : after,
					...hip
				].join(',')
			);
		}
	}
	return lines.join('\n') + '\n';
}

describe('the cube agrees with the SQL when filters cut through clients’ courses', () => {
	let moving: Database;
	let movingCube: Cube;
	beforeAll(async () => {
		moving = await openNodeDatabase();
		await loadCsv(moving, movingClients());
		movingCube = await loadCube(moving);
	}, 60_000);

	const cases: [string, Partial<Filters>][] = [
		['no filter', {}],
		['one clinic', { clinics: ['North'] }],
		['one therapist, by clinic', { therapists: ['Ben'], by: 'clinic' }],
		['two therapists, by therapist', { therapists: ['Ana', 'Cy'], by: 'therapist' }],
		['one condition, one clinic', { conditions: ['Neck pain'], clinics: ['South'] }],
		['a clinic and a date range', { clinics: ['North'], from: '2025-02-15', to: '2025-05-31' }],
		['range of motion, one therapist', { therapists: ['Ana'], measure: 'hip_flexion', minClients: 1 }],
		['one technique, by therapist', { techniques: ['PNF stretching'], by: 'therapist', minClients: 2 }]
	];
	it.each(cases)('%s', async (_, change) => {
		const filters = { ...DEFAULT_FILTERS, minClients: 3, ...change };
		const expected = await dashboardData(moving, filters);
		// The fixture is built so that filters do cut through courses: a check that the case tests something.
		expect(expected.course.length).toBeGreaterThan(0);
		expectSame(await fromCube(movingCube, moving, filters), expected);
	});

	it('gives the same answer again when a view is reused, and after working ahead', async () => {
		const { workAhead } = await import('./compute-dashboard');
		const filters = { ...DEFAULT_FILTERS, clinics: ['North'] };
		const first = computeDashboard(movingCube, filters);
		for (const task of workAhead(movingCube, filters)) task();
		expectSame(
			await fromCube(movingCube, moving, { ...filters, by: 'therapist' }),
			await dashboardData(moving, { ...filters, by: 'therapist' })
		);
		expectSame(computeDashboard(movingCube, filters), first);
	});
});

/**
 * A date range works out again only the clients whose course it cuts through (date-range.ts): ranges open at
 * either end, with other filters, groupings and a range-of-motion measure, each against the SQL.
 */
describe('the cube agrees with the SQL under date ranges that cut through courses', () => {
	let moving: Database;
	let movingCube: Cube;
	beforeAll(async () => {
		moving = await openNodeDatabase();
		await loadCsv(moving, movingClients());
		movingCube = await loadCube(moving);
	}, 60_000);

	const cases: [string, Partial<Filters>][] = [
		['from a date', { from: '2025-02-15' }],
		['up to a date', { to: '2025-03-31' }],
		['a range, by therapist', { from: '2025-02-01', to: '2025-04-30', by: 'therapist' }],
		['a range and a therapist, by clinic', { therapists: ['Ben'], by: 'clinic', from: '2025-02-01', to: '2025-05-15' }],
		['a range, range of motion', { measure: 'hip_flexion', from: '2025-02-10', minClients: 1 }],
		['a range and a condition', { conditions: ['Neck pain'], to: '2025-04-15', minClients: 2 }]
	];
	it.each(cases)('%s', async (_, change) => {
		const filters = { ...DEFAULT_FILTERS, minClients: 3, ...change };
		const expected = await dashboardData(moving, filters);
		expect(expected.course.length).toBeGreaterThan(0);
		expectSame(await fromCube(movingCube, moving, filters), expected);
	});

	it('keeps no session without a date', async () => {
		const other = await openNodeDatabase();
		await loadCsv(other, 'id,time,group,pain_avg\n1,1,1,6\n1,2,1,3\n2,1,2,7\n2,2,2,6\n');
		const filters = { ...DEFAULT_FILTERS, from: '2025-01-01' };
		const expected = await dashboardData(other, filters);
		expect(expected.figures.sessions).toBe(0);
		expectSame(await fromCube(await loadCube(other), other, filters), expected);
	});
});

describe('quantiles', () => {
	it('interpolates as DuckDB’s quantile_cont does', () => {
		expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([5], 0.75)).toBe(5);
	});
});

describe('quantile by selection', () => {
	it('matches the sorted quantile on random values, ties and tiny arrays', async () => {
		const { quantileOf } = await import('./compute-dashboard');
		let seed = 7;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 10;
		for (const n of [1, 2, 3, 10, 101, 1000]) {
			const values = Array.from({ length: n }, () => Math.round(random() * 2) / 2);
			const sorted = [...values].sort((a, b) => a - b);
			for (const p of [0.25, 0.5, 0.75]) expect(quantileOf(values, p)).toBeCloseTo(quantile(sorted, p), 12);
		}
		expect(quantileOf([], 0.5)).toBeNull();
	});
});
