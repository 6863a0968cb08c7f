import { describe, expect, it } from 'vitest';
import { cohensD, effectSizeWord, meanInterval, standardisedResponseMean } from './summaries';

describe('client-level summaries', () => {
	it('gives the 95% interval of a mean: 2 ± t(0.975, 3) × 1 / √4', () => {
		// t(0.975, 3) = 3.1824; half-width = 3.1824 × 1 / 2 = 1.5912
		const ci = meanInterval(2, 1, 4)!;
		expect(ci.low).toBeCloseTo(2 - 1.5912, 3);
		expect(ci.high).toBeCloseTo(2 + 1.5912, 3);
		expect(meanInterval(2, 1, 1)).toBeNull();
	});

	it('computes the standardised response mean and Cohen’s d', () => {
		expect(standardisedResponseMean(1.5, 0.75)).toBe(2);
		expect(standardisedResponseMean(1.5, 0)).toBeNull();
		// pooled SD = √((9 × 1² + 9 × 2²) / 18) = √2.5 = 1.5811; d = (3 − 2) / 1.5811 = 0.6325
		expect(cohensD({ mean: 3, sd: 1, n: 10 }, { mean: 2, sd: 2, n: 10 })).toBeCloseTo(0.6325, 4);
		expect(effectSizeWord(0.6325)).toBe('medium');
		expect(effectSizeWord(-0.85)).toBe('large');
		expect(effectSizeWord(0.1)).toBe('negligible');
	});
});
