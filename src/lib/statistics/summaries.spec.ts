import { describe, expect, it } from 'vitest';
import { effectSizeWord, meanInterval, standardisedResponseMean } from './summaries';

describe('client-level summaries', () => {
	it('gives the 95% interval of a mean: 2 ± t(0.975, 3) × 1 / √4', () => {
		// t(0.975, 3) = 3.1824; half-width = 3.1824 × 1 / 2 = 1.5912
		const ci = meanInterval(2, 1, 4)!;
		expect(ci.low).toBeCloseTo(2 - 1.5912, 3);
		expect(ci.high).toBeCloseTo(2 + 1.5912, 3);
		expect(meanInterval(2, 1, 1)).toBeNull();
	});

	it('computes the standardised response mean, and names effect sizes', () => {
		expect(standardisedResponseMean(1.5, 0.75)).toBe(2);
		expect(standardisedResponseMean(1.5, 0)).toBeNull();
		expect(effectSizeWord(0.6325)).toBe('medium');
		expect(effectSizeWord(-0.85)).toBe('large');
		expect(effectSizeWord(0.1)).toBe('negligible');
	});
});
