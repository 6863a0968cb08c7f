import { describe, expect, it } from 'vitest';
import { hedgesG, welchDifference } from './two-groups';

// Hand-made clients: a = [3.1, 2.4, 5.0, 4.2, 3.3, 2.9], b = [1.2, 2.0, 0.5, 1.9, 2.6, 1.1, 0.7, 1.5].
const a = { mean: 3.483333333333333, sd: 0.9495613022162744, n: 6 };
const b = { mean: 1.4375, sd: 0.7049569389078213, n: 8 };

describe('Welch interval for a difference in means', () => {
	it('matches scipy.stats.ttest_ind(a, b, equal_var=False).confidence_interval()', () => {
		// scipy 1.17: difference 2.045833, 95% CI 1.001521 to 3.090146, df 8.901614
		const w = welchDifference(a, b)!;
		expect(w.difference).toBeCloseTo(2.045833, 6);
		expect(w.df).toBeCloseTo(8.901614, 5);
		expect(w.ci.low).toBeCloseTo(1.001521, 5);
		expect(w.ci.high).toBeCloseTo(3.090146, 5);
	});

	it('is the reference minus the group when swapped, and needs two clients a side', () => {
		const w = welchDifference(b, a)!;
		expect(w.difference).toBeCloseTo(-2.045833, 6);
		expect(w.ci.low).toBeCloseTo(-3.090146, 5);
		expect(welchDifference({ ...a, n: 1 }, b)).toBeNull();
		expect(welchDifference({ ...a, sd: 0 }, { ...b, sd: 0 })).toBeNull();
	});
});

describe("Hedges' g", () => {
	it('reproduces the worked example of Borenstein et al. 2009, ch. 4', () => {
		// Treated 103 (SD 5.5, n 50), control 100 (SD 4.5, n 50): d = 0.5970, J = 0.9923, g = 0.5924, SE(g) = 0.2028.
		const r = hedgesG({ mean: 103, sd: 5.5, n: 50 }, { mean: 100, sd: 4.5, n: 50 })!;
		expect(r.g).toBeCloseTo(0.5924, 4);
		expect((r.ci.high - r.ci.low) / 2 / 1.959964).toBeCloseTo(0.2028, 4);
	});

	it('matches numpy on the hand-made clients', () => {
		// d = 2.507649, J = 1 − 3/47, g = 2.347586, 95% CI 1.029231 to 3.665942 (normal, Borenstein's variance)
		const r = hedgesG(a, b)!;
		expect(r.g).toBeCloseTo(2.347586, 5);
		expect(r.ci.low).toBeCloseTo(1.029231, 5);
		expect(r.ci.high).toBeCloseTo(3.665942, 5);
	});
});
