import { describe, expect, it } from 'vitest';
import { sortByValue } from './sort-by-value';

const ids = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

describe('sortByValue', () => {
	it('orders ids by their values, negatives and fractions included', () => {
		const values = new Float64Array([3, -1.5, 0, 2.25, -7, 1e-9, -1e-9, 1e12]);
		// By hand: −7 (4), −1.5 (1), −1e-9 (6), 0 (2), 1e-9 (5), 2.25 (3), 3 (0), 1e12 (7).
		expect([...sortByValue(ids(8), values)]).toEqual([4, 1, 6, 2, 5, 3, 0, 7]);
	});

	it('keeps equal values in the order given, and sorts only the ids asked for', () => {
		const values = new Float64Array([2, 1, 2, 1, 9, 2]);
		expect([...sortByValue(Int32Array.from([5, 0, 3, 2, 1]), values)]).toEqual([3, 1, 5, 0, 2]);
	});

	it('reads values from a view into a larger buffer', () => {
		const values = new Float64Array([100, 5, 4, 6]).subarray(1);
		expect([...sortByValue(ids(3), values)]).toEqual([1, 0, 2]);
	});

	it('agrees with a comparison sort on many random values with ties', () => {
		let seed = 11;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const values = Float64Array.from({ length: 5000 }, (_, i) => (i % 3 ? Math.round(random() * 40 - 20) / 4 : (random() - 0.5) * 1e6));
		const expected = [...ids(5000)].sort((a, b) => values[a] - values[b] || a - b);
		expect([...sortByValue(ids(5000), values)]).toEqual(expected);
	});

	it('agrees with a comparison sort on more ids than the small-array digits serve', () => {
		let seed = 5;
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const n = 70_000;
		const values = Float64Array.from({ length: n }, (_, i) => (i % 2 ? Math.round(random() * 200 - 100) / 8 : (random() - 0.5) * 1e4));
		const expected = [...ids(n)].sort((a, b) => values[a] - values[b] || a - b);
		expect([...sortByValue(ids(n), values)]).toEqual(expected);
	});

	it('handles nothing, one value, and −0 as 0', () => {
		expect([...sortByValue(ids(3), new Float64Array([0, -0, -1]))]).toEqual([2, 0, 1]);
		expect([...sortByValue(new Int32Array(0), new Float64Array(0))]).toEqual([]);
		expect([...sortByValue(ids(1), new Float64Array([4]))]).toEqual([0]);
	});
});
