import { describe, expect, it } from 'vitest';
import { cellParts } from './table-cells';

describe('table cells', () => {
	it('break between an estimate and its interval, nowhere else', () => {
		expect(cellParts('-0.41 (-0.77 to -0.05)')).toEqual(['-0.41', '(-0.77 to -0.05)']);
		expect(cellParts('23 (33%)')).toEqual(['23', '(33%)']);
		expect(cellParts('0.58 (0.12 to 1.04) medium')).toEqual(['0.58 (0.12 to 1.04) medium']);
		expect(cellParts('Lower back pain')).toEqual(['Lower back pain']);
		expect(cellParts(12)).toEqual(['12']);
		expect(cellParts(null)).toEqual(['–']);
	});
});
