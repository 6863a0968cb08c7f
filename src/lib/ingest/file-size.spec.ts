import { describe, expect, it } from 'vitest';
import { memoryProblem, sizeProblem } from './file-size';

describe('files too large for the browser', () => {
	it('refuses a file over the limit, saying its size and what to do', () => {
		expect(sizeProblem('small.csv', 550_000_000)).toBeNull();
		expect(sizeProblem('year.csv', 655_600_000)).toBe(
			'year.csv is 656 MB: this browser can import files up to about 550 MB (tested: 4.5 million sessions, 492 MB). Split it into smaller files and import them one after another; they are analysed together.'
		);
	});

	it('turns DuckDB running out of memory into words, and leaves other errors alone', () => {
		const duckdb = new Error('Out of Memory Error: could not allocate block of size 256.0 KiB (3.1 GiB/3.1 GiB used)');
		expect(memoryProblem('big.csv', duckdb)).toBe(
			'big.csv: the browser ran out of memory while importing it. Nothing from it was stored. Split it into smaller files and import them one after another; they are analysed together.'
		);
		expect(memoryProblem('big.csv', new Error('Conversion Error'))).toBeNull();
	});
});
