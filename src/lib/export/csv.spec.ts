import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { neutraliseFormula, toCsv } from './csv';

describe('CSV export', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+41 79 123', "'+41 79 123"],
		['-3', "'-3"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tcmd', "'\tcmd"],
		['\rcmd', "'\rcmd"],
		['6.5', '6.5'],
		['Palpation release', 'Palpation release']
	])('neutralises %j as %j', (value, expected) => {
		expect(neutraliseFormula(value)).toBe(expected);
	});

	it('quotes delimiters and quotes, and reads back to the same cells', () => {
		const csv = toCsv(
			['line', 'reason', 'note'],
			[
				[3, 'pain: "11" is outside, badly', '=HYPERLINK("x")'],
				[-4, null, 'a\nb']
			]
		);
		const back = Papa.parse<string[]>(csv).data;
		expect(back).toEqual([
			['line', 'reason', 'note'],
			['3', 'pain: "11" is outside, badly', `'=HYPERLINK("x")`],
			// a number the app computed stays a number
			['-4', '', 'a\nb']
		]);
	});
});
