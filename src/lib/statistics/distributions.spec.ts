import { describe, expect, it } from 'vitest';
import { critical, normalQuantile, tCdf, tQuantile } from './distributions';

describe("Student's t", () => {
	// Two-sided 95% critical values from any t table.
	it.each([
		[1, 12.706],
		[2, 4.303],
		[4, 2.776],
		[10, 2.228],
		[30, 2.042],
		[120, 1.98],
		[100000, 1.96]
	])('t(0.975, df=%i) = %f', (df, value) => {
		expect(tQuantile(0.975, df)).toBeCloseTo(value, 2);
	});

	it('has the CDF at 0 at one half, and symmetric tails', () => {
		expect(tCdf(0, 5)).toBeCloseTo(0.5, 12);
		expect(tCdf(-2, 7) + tCdf(2, 7)).toBeCloseTo(1, 12);
		// scipy.stats.t.cdf(2.0, 7) = 0.957190
		expect(tCdf(2, 7)).toBeCloseTo(0.95719, 5);
	});

	it('gives the normal critical value when the degrees of freedom are infinite', () => {
		// Any normal table: z(0.975) = 1.959964; z(0.999) = 3.090232 (the 99.8% funnel limit).
		expect(critical(0.95)).toBeCloseTo(1.959964, 6);
		expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 6);
		expect(critical(0.95, 10)).toBeCloseTo(2.228139, 6);
		expect(tQuantile(0.975, 0)).toBeNaN();
	});
});
