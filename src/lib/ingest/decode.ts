export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The file cannot be read as text; the message says why in plain words. */
export class UnreadableFileError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UnreadableFileError';
	}
}

const NOT_TEXT = 'The file does not look like a text file (binary data). If it is an Excel workbook, save it as CSV first.';

/**
 * Looks at the first bytes of a file (a sample, which may end mid-character).
 * Throws UnreadableFileError for an empty file, binary data and UTF-32.
 */
export function detectEncoding(sample: Uint8Array): Encoding {
	if (sample.length === 0) throw new UnreadableFileError('The file is empty.');
	if (startsWith(sample, [0xff, 0xfe, 0x00, 0x00]) || startsWith(sample, [0x00, 0x00, 0xfe, 0xff]) || looksLikeUtf32(sample)) {
		throw new UnreadableFileError('The file is in UTF-32, which cannot be read. Save it as UTF-8 and try again.');
	}
	if (startsWith(sample, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
	if (startsWith(sample, [0xff, 0xfe])) return 'utf-16le';
	if (startsWith(sample, [0xfe, 0xff])) return 'utf-16be';

	const utf16 = utf16WithoutBom(sample);
	if (utf16) return utf16;
	// A stray NUL in a cell (a database export's padding) leaves a text file text: its row is rejected at import.
	if (countNulBytes(sample) > Math.max(1, sample.length * 0.01)) throw new UnreadableFileError(NOT_TEXT);
	if (countControlBytes(sample) > sample.length * 0.05) throw new UnreadableFileError(NOT_TEXT);

	return isUtf8(sample) || looksLikeUtf8(sample) ? 'utf-8' : 'windows-1252';
}

/**
 * Well-formed multi-byte UTF-8 characters, and bytes that cannot be UTF-8 there. In a sample (`partial`), a
 * character cut off by the end of the bytes counts as neither; at the end of a whole file it is invalid.
 */
export function utf8Evidence(bytes: Uint8Array, partial = true): { valid: number; invalid: number } {
	let valid = 0;
	let invalid = 0;
	const n = bytes.length;
	for (let i = 0; i < n;) {
		const b = bytes[i];
		if (b < 0x80) {
			i++;
			continue;
		}
		// continuation bytes after the lead byte, and the range the first of them must fall in
		const [length, low, high] =
			b >= 0xc2 && b <= 0xdf
				? [1, 0x80, 0xbf]
				: b === 0xe0
					? [2, 0xa0, 0xbf]
					: (b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef
						? [2, 0x80, 0xbf]
						: b === 0xed
							? [2, 0x80, 0x9f]
							: b === 0xf0
								? [3, 0x90, 0xbf]
								: b >= 0xf1 && b <= 0xf3
									? [3, 0x80, 0xbf]
									: b === 0xf4
										? [3, 0x80, 0x8f]
										: [0, 0, 0];
		let k = 1;
		while (k <= length && i + k < n && bytes[i + k] >= (k === 1 ? low : 0x80) && bytes[i + k] <= (k === 1 ? high : 0xbf)) k++;
		if (length > 0 && k > length) {
			valid++;
			i += k;
		} else if (partial && length > 0 && i + k === n) {
			break;
		} else {
			invalid++;
			i++;
		}
	}
	return { valid, invalid };
}

/**
 * UTF-8, possibly with a few damaged bytes, rather than a single-byte encoding: at least as many
 * well-formed accented characters as bad bytes. Latin-1 text has bad bytes and almost never a
 * well-formed pair ("é" is E9, which must be followed by two continuation bytes).
 */
export function looksLikeUtf8(bytes: Uint8Array, partial = true): boolean {
	const { valid, invalid } = utf8Evidence(bytes, partial);
	return invalid === 0 || (valid > 0 && valid >= invalid);
}

/** Decodes a whole file's bytes, without any byte-order mark. Invalid sequences become U+FFFD. */
export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
	switch (encoding) {
		case 'utf-8':
		case 'utf-8-bom':
			return new TextDecoder('utf-8').decode(bytes);
		case 'utf-16le':
		case 'utf-16be':
			return new TextDecoder(encoding).decode(bytes);
		case 'windows-1252':
			return decodeWindows1252(bytes);
	}
}

/**
 * What runImport is given for a file the user picked: the file itself when DuckDB reads its bytes as they
 * are (a large UTF-8 file is never copied), else its text decoded from the plan's encoding.
 */
export async function importData(file: Blob, encoding: Encoding): Promise<Blob | string> {
	return readableAsIs(encoding) ? file : decodeText(new Uint8Array(await file.arrayBuffer()), encoding);
}

/** True when DuckDB can read the bytes as they are (plain UTF-8 without BOM), so no decode or copy is needed. */
export function readableAsIs(encoding: Encoding): boolean {
	return encoding === 'utf-8';
}

export function describeEncoding(encoding: Encoding): string {
	return {
		'utf-8': 'UTF-8',
		'utf-8-bom': 'UTF-8 with BOM',
		'utf-16le': 'UTF-16 (little-endian)',
		'utf-16be': 'UTF-16 (big-endian)',
		'windows-1252': 'Windows-1252 (Latin-1)'
	}[encoding];
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** Mostly-ASCII UTF-32 has three NUL bytes in every four. */
function looksLikeUtf32(bytes: Uint8Array): boolean {
	const units = Math.floor(bytes.length / 4);
	if (units < 2) return false;
	let little = 0;
	let big = 0;
	for (let i = 0; i < units * 4; i += 4) {
		const [a, b, c, d] = [bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]];
		if (a !== 0 && b === 0 && c === 0 && d === 0) little++;
		if (a === 0 && b === 0 && c === 0 && d !== 0) big++;
	}
	return Math.max(little, big) >= units * 0.7;
}

/** Mostly-ASCII UTF-16 without a BOM has a NUL byte in every other position: odd ones for LE, even ones for BE. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	const pairs = Math.floor(bytes.length / 2);
	if (pairs < 2) return null;
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < pairs * 2; i += 2) {
		if (bytes[i] === 0) evenNul++;
		if (bytes[i + 1] === 0) oddNul++;
	}
	if (oddNul >= pairs * 0.7 && evenNul <= pairs * 0.1) return 'utf-16le';
	if (evenNul >= pairs * 0.7 && oddNul <= pairs * 0.1) return 'utf-16be';
	return null;
}

function countNulBytes(bytes: Uint8Array): number {
	let count = 0;
	for (const byte of bytes) if (byte === 0) count++;
	return count;
}

/** Control bytes that never occur in text; tab, line breaks, form feed and vertical tab (in-cell breaks) are allowed. */
function countControlBytes(bytes: Uint8Array): number {
	let count = 0;
	for (const byte of bytes) {
		if ((byte < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(byte)) || byte === 0x7f) count++;
	}
	return count;
}

/** With `stream: true` a multi-byte character cut off at the end of the sample waits for more bytes instead of failing. */
function isUtf8(sample: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
		return true;
	} catch {
		return false;
	}
}

// Bytes 0x80–0x9F of windows-1252 per the WHATWG index. Node's TextDecoder decodes them as Latin-1
// control characters (https://github.com/nodejs/node/issues/60888), so they are mapped here.
const WINDOWS_1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
	return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]);
}
