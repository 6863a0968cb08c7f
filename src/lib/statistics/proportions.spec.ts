import { describe, expect, it } from 'vitest';
import { newcombeDifference, wilsonInterval } from './proportions';

describe("Wilson's score interval", () => {
	// Newcombe, Stat Med 1998;17:857–872, Table I, method 3 (score, no continuity correction).
	it.each([
		[81, 263, 0.2553, 0.3662],
		[15, 148, 0.0624, 0.1605],
		[0, 20, 0, 0.1611],
		[1, 29, 0.0061, 0.1718]
	])('%i of %i: %f to %f', (x, n, low, high) => {
		const ci = wilsonInterval(x, n)!;
		expect(ci.low).toBeCloseTo(low, 4);
		expect(ci.high).toBeCloseTo(high, 4);
	});

	it('has no interval without clients', () => {
		expect(wilsonInterval(0, 0)).toBeNull();
	});
});

describe("Newcombe's hybrid score interval for a difference in proportions", () => {
	// Newcombe, Stat Med 1998;17:873–890, Table II, method 10: the six worked examples.
	it.each([
		[56, 70, 48, 80, 0.0524, 0.3339],
		[9, 10, 3, 10, 0.1705, 0.809],
		[6, 7, 2, 7, 0.0582, 0.8062],
		[5, 56, 0, 29, -0.0381, 0.1926],
		[0, 10, 0, 20, -0.1611, 0.2775],
		[10, 10, 0, 20, 0.6791, 1]
	])('%i/%i − %i/%i: %f to %f', (x1, n1, x2, n2, low, high) => {
		const r = newcombeDifference({ successes: x1, n: n1 }, { successes: x2, n: n2 })!;
		expect(r.difference).toBeCloseTo(x1 / n1 - x2 / n2, 12);
		expect(r.ci.low).toBeCloseTo(low, 4);
		expect(r.ci.high).toBeCloseTo(high, 4);
	});
});
