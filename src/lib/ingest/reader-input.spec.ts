import { describe, expect, it } from 'vitest';
import { endsRecordsInMoreThanOneWay, prepareBytes, readerInput } from './reader-input';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
// The tables below are two columns wide.
const prepare = (input: string, commentPrefix: string | null, unifyLineEndings: boolean, delimiter = ',') =>
	text(prepareBytes(bytes(input), { delimiter, commentPrefix, rowWidth: 2, unifyLineEndings }));

describe('prepareBytes', () => {
	it.each<[string, string, string]>([
		['comment lines blanked, line breaks kept', '# a\nclient,n\n# b\nC1,1\n', '\nclient,n\n\nC1,1\n'],
		['indented comment lines blanked whole', 'client,n\n  \t# b\nC1,1\n', 'client,n\n\nC1,1\n'],
		['# inside a value is not a comment', 'client,n\nC1,room #2\nC2,#3\n', 'client,n\nC1,room #2\nC2,#3\n'],
		['a quoted field’s line starting with # is not a comment', 'client,n\nC1,"a\n# b"\n# c\n', 'client,n\nC1,"a\n# b"\n\n'],
		['a comment holding a quote does not open a field', '# say "hi\nclient,n\nC1,1\n', '\nclient,n\nC1,1\n'],
		['doubled quotes do not close a field', 'client,n\nC1,"x ""y""\n# z"\n', 'client,n\nC1,"x ""y""\n# z"\n'],
		['CRLF line endings are kept', '# a\r\nclient,n\r\nC1,1\r\n', '\r\nclient,n\r\nC1,1\r\n'],
		['a # line with a row’s fields is a row', 'client,n\n#C2,7\n#moved,see notes,March\n  #C3,"8"\n', 'client,n\n#C2,7\n\n  #C3,"8"\n'],
		['a # line with a space after the # is a comment, whatever its fields', 'client,n\n# clinic: North, Room 2\n', 'client,n\n\n'],
		['a delimiter inside quotes does not count', 'client,n\n#C2,"b,c,d"\n', 'client,n\n#C2,"b,c,d"\n'],
		['a # line whose quote runs past its end is a comment', 'client,n\n#C2,"x\ny"\n', 'client,n\n\ny"\n']
	])('comments: %s', (_, input, expected) => {
		expect(prepare(input, '#', false)).toBe(expected);
	});

	it.each<[string, string, string]>([
		['CRLF, LF and CR become LF', 'a,b\r\n1,2\n3,4\r5,6\r\n', 'a,b\n1,2\n3,4\n5,6\n'],
		['inside quotes too, one line break each', 'a,b\r\n1,"x\r\ny\rz"\n', 'a,b\n1,"x\ny\nz"\n']
	])('line endings: %s', (_, input, expected) => {
		expect(prepare(input, null, true)).toBe(expected);
	});

	it('keeps bytes that are not UTF-8 as they are, for the reader to report', () => {
		const input = new Uint8Array([...bytes('# c\r\nn,v\r\nC1,caf'), 0xe9, 0xff, ...bytes('\r\n')]);
		expect([...prepareBytes(input, { delimiter: ',', commentPrefix: '#', rowWidth: 2, unifyLineEndings: true })]).toEqual([
			...bytes('\nn,v\nC1,caf'),
			0xe9,
			0xff,
			...bytes('\n')
		]);
	});

	it('uses the dialect’s delimiter to find where a field starts', () => {
		expect(prepare('n;v\nC1;"a\n# b"\n', '#', false, ';')).toBe('n;v\nC1;"a\n# b"\n');
	});
});

describe('readerInput', () => {
	it('hands the data over untouched when nothing needs preparing', async () => {
		const blob = new Blob(['a,b\n1,2\n']);
		expect(await readerInput(blob, { delimiter: ',', commentPrefix: null, rowWidth: 2, unifyLineEndings: false })).toBe(blob);
		expect(await readerInput('a,b\n', { delimiter: ',', commentPrefix: null, rowWidth: 2, unifyLineEndings: false })).toBe('a,b\n');
	});

	it('prepares text and blobs alike', async () => {
		const options = { delimiter: ',', commentPrefix: '#', rowWidth: 2, unifyLineEndings: true };
		expect(text((await readerInput('# x\r\na,b\r\n', options)) as Uint8Array)).toBe('\na,b\n');
		expect(text((await readerInput(new Blob(['# x\r\na,b\r\n']), options)) as Uint8Array)).toBe('\na,b\n');
	});
});

describe('endsRecordsInMoreThanOneWay', () => {
	it.each<[string, string, boolean]>([
		['LF only', 'a,b\n1,2\n3,4\n', false],
		['CRLF only', 'a,b\r\n1,2\r\n3,4', false],
		['CR only', 'a,b\r1,2\r3,4\r', false],
		['CRLF records with an LF inside a quoted note', 'a,b\r\n1,"two\nlines"\r\n3,4\r\n', false],
		['LF records with a CRLF inside a quoted note', 'a,b\n1,"two\r\nlines"\n', false],
		['a CRLF row among LF rows', 'a,b\n1,2\r\n3,4\n', true],
		['a title ending in CR above CRLF rows', 'Clinic export\ra,b\r\n1,2\r\n', true],
		['a CR row among CRLF rows', 'a,b\r\n1,2\r3,4\r\n', true]
	])('%s: %s', async (_, csv, mixed) => {
		expect(await endsRecordsInMoreThanOneWay(csv, ',')).toBe(mixed);
		expect(await endsRecordsInMoreThanOneWay(new Blob([csv]), ',')).toBe(mixed);
	});
});
