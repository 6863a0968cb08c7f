import { describe, expect, it } from 'vitest';
import { orderLevels, otherLabel } from './levels';

describe('the levels of a categorical row', () => {
	it('come most frequent first, ties by name (codes as numbers)', () => {
		const levels = orderLevels(
			new Map([
				['never', 6],
				['former', 2],
				['current', 3],
				['10', 2],
				['9', 2]
			])
		);
		expect(levels).toEqual({ named: ['never', 'current', '9', '10', 'former'], other: [] });
	});

	it('name at most eight and pool the rest', () => {
		const counts = new Map(Array.from({ length: 11 }, (_, i) => [`level ${i + 1}`, 20 - i] as [string, number]));
		const { named, other } = orderLevels(counts);
		expect(named).toHaveLength(8);
		expect(named[0]).toBe('level 1');
		expect(other).toEqual(['level 9', 'level 10', 'level 11']);
		expect(otherLabel(other.length)).toBe('Other (3 levels)');
		expect(otherLabel(1)).toBe('Other (1 level)');
	});
});
