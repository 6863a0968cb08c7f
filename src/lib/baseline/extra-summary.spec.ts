import { describe, expect, it } from 'vitest';
import { extraSummary } from './extra-summary';

const shape = (values: number, numbers: number, distinctNumbers: number, skewness: number | null = 0) => ({
	values,
	numbers,
	distinctNumbers,
	skewness
});

describe('how an extra column is summarised', () => {
	it('takes numbers when at least 9 in 10 values are numbers and more than 10 are distinct', () => {
		expect(extraSummary(shape(100, 90, 40))).toBe('mean (SD)');
		expect(extraSummary(shape(100, 89, 40))).toBe('n (%)');
		expect(extraSummary(shape(10, 9, 11))).toBe('mean (SD)');
		expect(extraSummary(shape(100, 100, 11))).toBe('mean (SD)');
		// Codes (gender 1/2/3, education 1–7): categories however many clients.
		expect(extraSummary(shape(100, 100, 10))).toBe('n (%)');
		expect(extraSummary(shape(100, 100, 3))).toBe('n (%)');
		expect(extraSummary(shape(40, 0, 0, null))).toBe('n (%)');
	});

	it('gives skewed numbers as median (IQR), from |skewness| 1', () => {
		expect(extraSummary(shape(100, 100, 50, 0.99))).toBe('mean (SD)');
		expect(extraSummary(shape(100, 100, 50, 1))).toBe('median (IQR)');
		expect(extraSummary(shape(100, 100, 50, -1.4))).toBe('median (IQR)');
		expect(extraSummary(shape(100, 100, 50, null))).toBe('mean (SD)');
	});
});
