import { describe, expect, it } from 'vitest';
import { inFileLines, lineReasons, readerReason } from './rejected-rows';
import { recordSpans } from './record-lines';
import { columnLabel } from './staged-columns';
import type { ReaderReject } from './stage-file';

const HEADER = ['client', 'date', 'technique', 'condition', 'pain_before', 'pain_after'];
const reject = (line: number, errorType: string, message: string, column: number | null = null): ReaderReject => ({
	line,
	column,
	errorType,
	message
});

describe('columnLabel', () => {
	it.each<[string[], number, string]>([
		[['client', 'pain'], 1, 'pain'],
		[['client', ''], 1, 'column 2'],
		[['client', '  '], 1, 'column 2'],
		[['pain', 'pain'], 0, 'pain (column 1)'],
		[['pain', 'pain '], 1, 'pain  (column 2)']
	])('%j, %i → %s', (headers, index, label) => {
		expect(columnLabel(headers, index)).toBe(label);
	});
});

describe('readerReason', () => {
	it.each<[string, ReaderReject, string]>([
		[
			'a number',
			reject(4, 'CAST', `Error when converting column "c4". Could not convert string "abc" to 'DOUBLE'`, 5),
			'pain_before: "abc" is not a number'
		],
		[
			'a date',
			reject(4, 'CAST', `Could not convert string "31.02.2025" to 'DATE'`, 2),
			'date: "31.02.2025" is not a valid date in the file’s date format'
		],
		[
			'too few fields, naming what is missing',
			reject(3, 'MISSING COLUMNS', 'Expected Number of Columns: 6 Found: 4', 4),
			'wrong number of fields: expected 6, found 4 (no value for pain_before, pain_after)'
		],
		[
			'many fields missing',
			reject(3, 'MISSING COLUMNS', 'Expected Number of Columns: 6 Found: 1', 1),
			'wrong number of fields: expected 6, found 1 (no value for date, technique, condition and 2 more)'
		],
		[
			'too many fields',
			reject(3, 'TOO MANY COLUMNS', 'Expected Number of Columns: 6 Found: 8', 8),
			'wrong number of fields: expected 6, found 8'
		],
		[
			'text after a closing quote',
			reject(4, 'UNQUOTED VALUE', 'Value with unterminated quote found.', 3),
			'technique: text follows the closing quote; quote the whole field and double the quotes inside it'
		],
		[
			'a damaged byte',
			reject(4, 'INVALID ENCODING', 'Invalid unicode (byte sequence mismatch) detected.', 4),
			'condition: not valid UTF-8 text (a damaged byte)'
		],
		[
			'a line too long',
			reject(2, 'LINE SIZE OVER MAXIMUM', 'Maximum line size of 2000000 bytes exceeded. Actual Size:3145730 bytes.'),
			'the line is 3,145,730 bytes long, more than the 2,000,000 bytes a line may have'
		]
	])('%s', (_, r, reason) => {
		expect(readerReason(r, HEADER)).toBe(reason);
	});

	it('says where a quote never closed took the rest of the file', () => {
		const r = reject(3, 'UNQUOTED VALUE', 'Value with unterminated quote found.', 6);
		expect(readerReason(r, HEADER, { lastLine: 5, toEnd: true })).toBe(
			'pain_after: its opening quote is never closed, so lines 3–5 (the rest of the file) were read as this one field'
		);
	});

	it('names a column without a header, or with a repeated one, by its position', () => {
		const r = reject(2, 'CAST', `Could not convert string "x" to 'DOUBLE'`, 3);
		expect(readerReason(r, ['client', 'pain', 'pain'])).toBe('pain (column 3): "x" is not a number');
		expect(readerReason(r, ['client', 'pain', ''])).toBe('column 3: "x" is not a number');
	});
});

describe('lineReasons', () => {
	it('gives a row with too many fields one reason, with the real count', () => {
		const rejects = [
			reject(4, 'TOO MANY COLUMNS', 'Expected Number of Columns: 6 Found: 7', 7),
			reject(4, 'TOO MANY COLUMNS', 'Expected Number of Columns: 6 Found: 8', 8),
			reject(5, 'CAST', `Could not convert string "x" to 'DOUBLE'`, 5),
			reject(5, 'CAST', `Could not convert string "y" to 'DOUBLE'`, 6)
		];
		expect([...lineReasons(rejects, HEADER, () => undefined)]).toEqual([
			[4, 'wrong number of fields: expected 6, found 8'],
			[5, 'pain_before: "x" is not a number; pain_after: "y" is not a number']
		]);
	});
});

describe('inFileLines', () => {
	it('gives a reader reject the line the file has, past a quoted field holding line breaks', () => {
		const spans = recordSpans('a,b\n1,"x\ny"\n3,4,5\n', { headerLine: 0, commentPrefix: null, delimiter: ',', rowWidth: 2 });
		const found = reject(3, 'TOO MANY COLUMNS', 'Expected Number of Columns: 2 Found: 3', 3);
		expect(inFileLines([found], spans)).toEqual([{ ...found, line: 4 }]);
	});
});
