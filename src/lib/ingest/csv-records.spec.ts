import { describe, expect, it } from 'vitest';
import { mixesRecordEndings, newBounds, scanRecord, splitRecord } from './csv-records';

describe('splitRecord', () => {
	it.each<[string, string[]]>([
		['C1,2025-03-03,6', ['C1', '2025-03-03', '6']],
		['C1,,', ['C1', '', '']],
		['C1,"sore, stiff","said ""ok"""', ['C1', 'sore, stiff', 'said "ok"']],
		['C1,scar 5" long,4', ['C1', 'scar 5" long', '4']],
		// Kept as written, so that written out again (quoted, quotes doubled) it reads as meant.
		['C1,"Swedish" massage,4', ['C1', '"Swedish" massage', '4']],
		['C1,"never closed\nC2,x', ['C1', 'never closed\nC2,x']],
		// As DuckDB's reader reads them (checked with read_csv): one space before the opening quote and any after
		// the closing one are left out; two spaces before it make plain text.
		['C1, "sore, stiff"  ,4', ['C1', 'sore, stiff', '4']],
		['C1,  "a",4', ['C1', '  "a"', '4']],
		['C1, "Swedish" massage,4', ['C1', ' "Swedish" massage', '4']]
	])('%j', (raw, fields) => {
		expect(splitRecord(raw, ',')).toEqual(fields);
	});
});

describe('scanRecord', () => {
	const scan = (text: string, start = 0) => {
		const { end, next, lineBreaks, fields, quoteOpen } = scanRecord((i) => text.charCodeAt(i), start, text.length, 44, newBounds());
		return { end, next, lineBreaks, fields, quoteOpen };
	};

	it.each<[string, string, ReturnType<typeof scan>]>([
		['a line', 'a,b\nc', { end: 3, next: 4, lineBreaks: 1, fields: 2, quoteOpen: false }],
		['CRLF as one line break', 'a,b\r\nc', { end: 3, next: 5, lineBreaks: 1, fields: 2, quoteOpen: false }],
		['CR', 'a\rb', { end: 1, next: 2, lineBreaks: 1, fields: 1, quoteOpen: false }],
		['quoted delimiters and line breaks', '"a,\r\nb\rc",d\n', { end: 11, next: 12, lineBreaks: 3, fields: 2, quoteOpen: false }],
		['a doubled quote does not close', '"a"",b"\n', { end: 7, next: 8, lineBreaks: 1, fields: 1, quoteOpen: false }],
		['a quote inside a field is text', 'a"b,c\n', { end: 5, next: 6, lineBreaks: 1, fields: 2, quoteOpen: false }],
		['a quote never closed runs to the end', '"a\nb\n', { end: 5, next: 5, lineBreaks: 2, fields: 1, quoteOpen: true }]
	])('%s', (_, text, bounds) => {
		expect(scan(text)).toEqual(bounds);
	});
});

describe('mixesRecordEndings', () => {
	it.each<[string, boolean]>([
		['a,b\r\n1,2\r\n', false],
		['a,b\r\n1,2\n', true],
		['a,b\r1,2\n', true],
		// Line breaks inside quotes are the field's: the reader takes them as they are.
		['a,b\n1,"x\r\ny"\n', false],
		['a,b\n1,2', false]
	])('%j: %s', (text, mixed) => {
		expect(mixesRecordEndings(text, ',')).toBe(mixed);
	});
});
