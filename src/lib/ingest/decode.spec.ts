import { describe, expect, it } from 'vitest';
import {
	decodeText,
	describeEncoding,
	detectEncoding,
	importData,
	looksLikeUtf8,
	readableAsIs,
	UnreadableFileError,
	utf8Evidence,
	type Encoding
} from './decode';

const ascii = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((part) => [...part]));

/** UTF-16 code units for BMP text, written by hand so the test does not lean on the decoder it checks. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
	const units = [...(bom ? '\ufeff' : ''), ...text].map((c) => c.charCodeAt(0));
	return new Uint8Array(units.flatMap((u) => (order === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])));
}

const PNG_HEADER = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52];
const XLSX_HEADER = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00];

describe('detectEncoding', () => {
	it.each<[string, Uint8Array, Encoding]>([
		['plain ASCII', ascii('client,date,pain_pre\nC1,2025-03-04,6\n'), 'utf-8'],
		['UTF-8 with accents', utf8('client;note\nC1;Müller café\n'), 'utf-8'],
		['UTF-8 cut after the first byte of é', bytes(ascii('a;caf'), [0xc3]), 'utf-8'],
		['UTF-8 cut inside € (E2 82 AC)', bytes(ascii('price;'), [0xe2, 0x82]), 'utf-8'],
		['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], ascii('client;pain\r\n')), 'utf-8-bom'],
		['Latin-1 é as 0xE9', bytes(ascii('client;note\nC1;caf'), [0xe9], ascii('\n')), 'windows-1252'],
		// 0xE9 also starts a three-byte UTF-8 character, so at the very end of a sample it proves nothing
		['Latin-1 é as the very last byte', bytes(ascii('caf'), [0xe9]), 'utf-8'],
		['Latin-1 ° (0xB0) as the very last byte: never a UTF-8 lead byte', bytes(ascii('Hip flexion after ('), [0xb0]), 'windows-1252'],
		['UTF-8 lead byte followed by ASCII mid-sample', bytes(ascii('a'), [0xc3], ascii('b;c\n')), 'windows-1252'],
		['Windows-1252 curly quote 0x92', bytes(ascii('it'), [0x92], ascii('s fine\n')), 'windows-1252'],
		['UTF-16LE with BOM', utf16('client;pain\r\n', 'le', true), 'utf-16le'],
		['UTF-16BE with BOM', utf16('client;pain\r\n', 'be', true), 'utf-16be'],
		['UTF-16LE without BOM', utf16('client\tpain\n', 'le', false), 'utf-16le'],
		['UTF-16BE without BOM', utf16('client\tpain\n', 'be', false), 'utf-16be'],
		['UTF-16LE without BOM, cut mid-unit', utf16('client\tpain\n', 'le', false).slice(0, 9), 'utf-16le'],
		['a few stray control bytes in long text', bytes(ascii('a,b\n'.repeat(50)), [0x01]), 'utf-8'],
		['vertical tabs (FileMaker in-cell breaks)', ascii('a,b\nC1,line\u000bline\n'), 'utf-8'],
		// One NUL in a cell of an otherwise plain text file: text, and its row is rejected at import.
		['a stray NUL byte in a cell', bytes(ascii('client,notes\nC1,ok\nC2,bad'), [0x00], ascii('byte\nC3,ok\n'.repeat(8))), 'utf-8'],
		// Well-formed é and ü with one 0xFF: UTF-8 with a damaged byte, not Windows-1252.
		['UTF-8 with one damaged byte', bytes(utf8('a;Massage suédois\nb;Hüft'), [0xff], ascii('\n')), 'utf-8']
	])('%s', (_, sample, expected) => {
		expect(detectEncoding(sample)).toBe(expected);
	});

	it.each<[string, Uint8Array, RegExp]>([
		['zero bytes', new Uint8Array(0), /^The file is empty/],
		['a PNG image', new Uint8Array(PNG_HEADER), /does not look like a text file \(binary data\)/],
		['an Excel workbook (ZIP)', new Uint8Array(XLSX_HEADER), /binary data.*Excel/],
		['NUL bytes outside a UTF-16 pattern', ascii('a,b\n1,2\u0000\u0000\u0000x\n3,4\n'), /binary data/],
		['many control characters', bytes(ascii('ab'), [0x01, 0x02, 0x03, 0x04, 0x05, 0x06], ascii('cd')), /binary data/],
		['UTF-32LE with BOM', bytes([0xff, 0xfe, 0x00, 0x00], [0x61, 0, 0, 0]), /UTF-32/],
		['UTF-32BE with BOM', bytes([0x00, 0x00, 0xfe, 0xff], [0, 0, 0, 0x61]), /UTF-32/],
		['UTF-32LE without BOM', bytes(...[...'a;b\n'].map((c) => [c.charCodeAt(0), 0, 0, 0])), /UTF-32/]
	])('rejects %s', (_, sample, message) => {
		expect(() => detectEncoding(sample)).toThrow(UnreadableFileError);
		expect(() => detectEncoding(sample)).toThrow(message);
	});
});

describe('utf8Evidence and looksLikeUtf8', () => {
	it.each<[string, Uint8Array, { valid: number; invalid: number }, boolean]>([
		['ASCII', ascii('a,b\n'), { valid: 0, invalid: 0 }, true],
		['é ü € 😀 (2, 2, 3 and 4 bytes)', utf8('é ü € 😀'), { valid: 4, invalid: 0 }, true],
		['Latin-1 é and ü', bytes(ascii('caf'), [0xe9], ascii(' M'), [0xfc], ascii('ller')), { valid: 0, invalid: 2 }, false],
		['a character cut off at the end counts as neither', bytes(utf8('é'), [0xe2, 0x82]), { valid: 1, invalid: 0 }, true],
		['overlong and surrogate forms are invalid', new Uint8Array([0xc0, 0xaf, 0xed, 0xa0, 0x80]), { valid: 0, invalid: 5 }, false],
		['two good accents and one bad byte', bytes(utf8('é ü '), [0xff]), { valid: 2, invalid: 1 }, true],
		[
			'one good pair among Latin-1 accents',
			bytes([0xc3, 0xa9], ascii(' '), [0xe9], ascii(' '), [0xe8], ascii(' ')),
			{ valid: 1, invalid: 2 },
			false
		]
	])('%s', (_, input, evidence, utf8Like) => {
		expect(utf8Evidence(input)).toEqual(evidence);
		expect(looksLikeUtf8(input)).toBe(utf8Like);
	});

	it('counts a character cut off at the end of a whole file as invalid', () => {
		const file = bytes(ascii('caf'), [0xe9]);
		expect([utf8Evidence(file), utf8Evidence(file, false)]).toEqual([
			{ valid: 0, invalid: 0 },
			{ valid: 0, invalid: 1 }
		]);
		expect(looksLikeUtf8(file, false)).toBe(false);
	});
});

describe('decodeText', () => {
	it.each<[string, Uint8Array, Encoding, string]>([
		['UTF-8', utf8('a;é\n'), 'utf-8', 'a;é\n'],
		['UTF-8 with BOM, BOM stripped', bytes([0xef, 0xbb, 0xbf], ascii('client;pain\r\n')), 'utf-8-bom', 'client;pain\r\n'],
		['UTF-16LE with BOM', utf16('a;é\n', 'le', true), 'utf-16le', 'a;é\n'],
		['UTF-16BE with BOM', utf16('a;é\n', 'be', true), 'utf-16be', 'a;é\n'],
		['UTF-16LE without BOM', utf16('a\tb\n', 'le', false), 'utf-16le', 'a\tb\n'],
		['UTF-16BE without BOM', utf16('a\tb\n', 'be', false), 'utf-16be', 'a\tb\n'],
		['Latin-1 é and ü', bytes(ascii('M'), [0xfc], ascii('ller;caf'), [0xe9]), 'windows-1252', 'Müller;café'],
		['Windows-1252 euro, curly quote, en dash', new Uint8Array([0x80, 0x92, 0x96]), 'windows-1252', '€’–'],
		['Windows-1252 bytes undefined in the index stay as C1 controls', new Uint8Array([0x81, 0x9d]), 'windows-1252', '\u0081\u009d'],
		['invalid UTF-8 becomes the replacement character', bytes(ascii('caf'), [0xe9]), 'utf-8', 'caf\ufffd']
	])('%s', (_, input, encoding, expected) => {
		expect(decodeText(input, encoding)).toBe(expected);
	});

	it('decodes what detectEncoding found for a Latin-1 export', () => {
		const file = bytes(ascii('client;condition\r\nC1;Schulterschmerz r'), [0xe9], ascii('sistant\r\n'));
		const encoding = detectEncoding(file);
		expect(decodeText(file, encoding)).toBe('client;condition\r\nC1;Schulterschmerz résistant\r\n');
	});
});

describe('readableAsIs and describeEncoding', () => {
	it.each<[Encoding, boolean, string]>([
		['utf-8', true, 'UTF-8'],
		['utf-8-bom', false, 'UTF-8 with BOM'],
		['utf-16le', false, 'UTF-16 (little-endian)'],
		['utf-16be', false, 'UTF-16 (big-endian)'],
		['windows-1252', false, 'Windows-1252 (Latin-1)']
	])('%s', (encoding, asIs, description) => {
		expect(readableAsIs(encoding)).toBe(asIs);
		expect(describeEncoding(encoding)).toBe(description);
	});
});

describe('importData', () => {
	it('hands a UTF-8 file over as it is, and decodes the others', async () => {
		const utf8File = new Blob([utf8('a;é\n')]);
		expect(await importData(utf8File, 'utf-8')).toBe(utf8File);
		expect(await importData(new Blob([new Uint8Array(utf16('a;é\n', 'le', true))]), 'utf-16le')).toBe('a;é\n');
		expect(await importData(new Blob([bytes(ascii('caf'), [0xe9])]), 'windows-1252')).toBe('café');
	});
});
