import { describe, expect, it } from 'vitest';
import { countPercent, meanSd, medianIqr, placesFor } from './cells';

describe('Table 1 cells', () => {
	it('write means under 100 to two places, larger ones to one', () => {
		expect(placesFor([3.94, 42.58, null])).toBe(2);
		expect(placesFor([99.5, 162.2])).toBe(1);
		expect(meanSd(3.94, 1.503873, 2)).toBe('3.94 (1.50)');
		expect(meanSd(162.24, 33.84, 1)).toBe('162.2 (33.8)');
		expect(meanSd(7, null, 2)).toBe('7.00 (–)');
		expect(meanSd(null, null, 2)).toBeNull();
		expect(medianIqr(2.5, 1.25, 4.5, 2)).toBe('2.50 (1.25 to 4.50)');
	});

	it('write counts with separators and whole percentages of the clients with a value', () => {
		expect(countPercent(4, 6)).toBe('4 (67%)');
		expect(countPercent(1234, 2000)).toBe('1,234 (62%)');
		expect(countPercent(0, 0)).toBe('0');
	});
});
