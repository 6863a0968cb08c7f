/** The slice the warm-up runs on: whole clients, their measurements, every kind of filter on its own values. */
import { describe, expect, it } from 'vitest';
import { NO_DATE, type Cube } from './load-cube';
import { everyKindOfFilter, slice } from './warm-up';
import { computeDashboard } from './compute-dashboard';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

// Three clients: 0 with two sessions, 1 with three (the last undated), 2 with one.
const cube: Cube = {
	sessions: 6,
	client: Int32Array.from([0, 0, 1, 1, 1, 2]),
	date: Int32Array.from([day('2025-01-02'), day('2025-01-09'), day('2025-02-01'), day('2025-03-01'), NO_DATE, day('2025-04-01')]),
	clinic: Int32Array.from([0, 0, 1, 1, 1, 0]),
	therapist: Int32Array.from([1, 1, 0, 0, 0, 1]),
	condition: Int32Array.from([0, 0, 1, 1, 1, 0]),
	technique: Int32Array.from([0, 0, 1, 1, 1, 0]),
	names: { clinic: ['North', 'South'], therapist: ['Ana', 'Ben'], condition: ['Back', 'Neck'], technique: ['PNF', 'Swedish'] },
	// Row, measure (0 pain, 1 hip), before, after.
	measurement: {
		row: Int32Array.from([0, 1, 1, 2, 4, 5]),
		measure: Int32Array.from([0, 0, 1, 0, 0, 0]),
		before: Float64Array.from([6, 5, 90, 7, 6, 4]),
		after: Float64Array.from([4, 3, 95, 5, NaN, 2])
	},
	byMeasure: [Int32Array.from([0, 1, 3, 4, 5]), Int32Array.from([2])],
	measures: [
		{
			measure: 'pain_nprs',
			label: 'Pain',
			unit: 'points',
			scaleMin: 0,
			scaleMax: 10,
			direction: 'lower',
			mcidPoints: 2,
			mcidPercent: 0.3,
			mcidSource: '',
			kind: 'pain'
		},
		{
			measure: 'hip_flexion',
			label: 'Hip flexion',
			unit: '°',
			scaleMin: 0,
			scaleMax: 180,
			direction: 'higher',
			mcidPoints: null,
			mcidPercent: null,
			mcidSource: '',
			kind: 'rom'
		}
	]
} as Cube;

describe('slice', () => {
	it('ends at a client boundary, with those clients’ measurements only', () => {
		// Three sessions asked: client 1's course is not cut, so all five of the first two clients' sessions.
		const small = slice(cube, 3);
		expect(small.sessions).toBe(5);
		expect([...small.client]).toEqual([0, 0, 1, 1, 1]);
		expect([...small.measurement.row]).toEqual([0, 1, 1, 2, 4]);
		expect(small.byMeasure.map((m) => [...m])).toEqual([[0, 1, 3, 4], [2]]);
		expect(slice(cube, 100).sessions).toBe(6);
	});

	it('gives every kind of filter on the slice’s own values, each one the figures can be worked out for', () => {
		const small = slice(cube, 3);
		const filters = everyKindOfFilter(small, 'pain_nprs');
		expect(filters.map((f) => f.conditions)).toContainEqual(['Back']);
		expect(filters.map((f) => f.clinics)).toContainEqual(['North']);
		expect(filters.map((f) => f.measure)).toContain('hip_flexion');
		expect(filters.map((f) => f.by)).toEqual(expect.arrayContaining(['technique', 'therapist', 'clinic']));
		// The middle of the four dated sessions (2 Jan, 9 Jan, 1 Feb, 1 Mar) is 1 Feb; a quarter in, 9 Jan.
		expect(filters.map((f) => f.from)).toEqual(expect.arrayContaining(['2025-02-01', '2025-01-09']));
		expect(filters.map((f) => f.to)).toContain('2025-02-01');
		// Worked out by hand: from 1 Feb, client 1's sessions of 1 Feb and 1 Mar; back pain, client 0's two.
		const sessions = (f: (typeof filters)[number]) => computeDashboard(small, f).figures.sessions;
		expect(sessions(filters.find((f) => f.from === '2025-02-01' && !f.to)!)).toBe(2);
		expect(sessions(filters.find((f) => f.conditions.length && !f.from)!)).toBe(2);
		for (const f of filters) expect(() => computeDashboard(small, f)).not.toThrow();
	});
});
