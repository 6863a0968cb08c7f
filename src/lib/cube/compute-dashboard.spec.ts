/**
 * The cube answers filter changes in the page; the SQL in metrics/ is the reference. On the demo clinic,
 * under many filters, both give the same figures (to 1e-9).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadDemoClinic } from '../demo/load-demo';
import { loadCube, type Cube } from './load-cube';
import { computeDashboard, quantile } from './compute-dashboard';
import { dashboardData } from '../metrics/dashboard-data';
import { DEFAULT_FILTERS, type Filters } from '../metrics/filters';
import { loadCsv } from '../test/fixtures';

let db: Database;
let cube: Cube;
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadDemoClinic(db, { clients: 600 });
	cube = await loadCube(db);
}, 60_000);

/** Equal, numbers to within 1e-9 (the two sum in different orders). */
function expectSame(actual: unknown, expected: unknown, path = '') {
	if (typeof expected === 'number' && typeof actual === 'number') {
		expect(Math.abs(actual - expected), path).toBeLessThan(1e-9 * Math.max(1, Math.abs(expected)));
	} else if (Array.isArray(expected)) {
		expect(Array.isArray(actual) && actual.length, `${path} length`).toBe(expected.length);
		expected.forEach((e, i) => expectSame((actual as unknown[])[i], e, `${path}[${i}]`));
	} else if (expected && typeof expected === 'object') {
		expect(Object.keys(actual as object).sort(), `${path} keys`).toEqual(Object.keys(expected).sort());
		for (const [k, v] of Object.entries(expected)) expectSame((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
	} else {
		expect(actual, path).toEqual(expected);
	}
}

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
		expectSame(computeDashboard(cube, filters), await dashboardData(db, filters));
	});

	it('agrees on research data without dates, with timepoints', async () => {
		const other = await openNodeDatabase();
		await loadCsv(other, 'id,time,group,pain_avg\n1,1,1,6\n1,2,1,3\n2,1,2,7\n2,2,2,6\n3,1,1,5\n3,2,1,5\n');
		const data = await dashboardData(other, DEFAULT_FILTERS);
		expectSame(computeDashboard(await loadCube(other), DEFAULT_FILTERS), data);
		expect(data.course.map((r) => [r.group, r.clients, r.mean])).toEqual([
			['1', 2, 1.5],
			['2', 1, 1]
		]);
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
