/**
 * What DuckDB's reader is given when a file needs preparing first. Line numbers stay those of the file,
 * so rejected rows still point at the right line.
 *
 * - Comment lines (comment-lines.ts) are blanked, and read_csv's own `comment` option is never used: it also
 *   cuts every value at the prefix, so "room #2" would be stored as "room " (and blank lines are skipped by
 *   the reader).
 * - Line endings are made one kind (CRLF and CR become LF) when the file's records end in more than one way
 *   (endsRecordsInMoreThanOneWay). On such a file the reader's strict mode stops on some, and on others reads
 *   on and loses rows without a word; turning strict mode off would also cut rows with too many fields and
 *   mangle stray quotes without a word.
 *
 * Works on bytes: quotes, delimiters and line breaks are ASCII, which never occur inside a multi-byte
 * UTF-8 character, so a file that DuckDB reads as it is keeps its bytes (and any invalid ones) as they are.
 */
import { commentRule, isCommentLine } from './comment-lines';
import { lineEnd, mixesRecordEndings, newBounds, scanRecord } from './csv-records';

export interface ReaderInputOptions {
	delimiter: string;
	commentPrefix: string | null;
	/** Fields in a data row: a comment-prefixed line of this width is a row. */
	rowWidth: number;
	unifyLineEndings: boolean;
}

const LF = 10;
const CR = 13;

export function needsPreparing(options: ReaderInputOptions): boolean {
	return options.commentPrefix !== null || options.unifyLineEndings;
}

export function prepareBytes(bytes: Uint8Array, options: ReaderInputOptions): Uint8Array {
	const out = new Uint8Array(bytes.length);
	const rule = commentRule(options.commentPrefix, options.delimiter, options.rowWidth);
	const at = (i: number) => bytes[i];
	const n = bytes.length;
	const record = newBounds();
	let o = 0;
	for (let i = 0; i < n;) {
		if (rule.prefix >= 0 && isCommentLine(at, i, n, rule)) {
			// Blanked up to its line break, which stays, so the lines keep their numbers.
			i = lineEnd(at, i, n);
			continue;
		}
		const next = scanRecord(at, i, n, rule.delimiter, record).next;
		for (; i < next; i++) {
			const b = bytes[i];
			if (b !== CR || !options.unifyLineEndings) out[o++] = b;
			else if (bytes[i + 1] !== LF) out[o++] = LF;
		}
	}
	return out.subarray(0, o);
}

/** The data as DuckDB should read it: unchanged when nothing needs preparing (a big UTF-8 file is then never copied). */
export async function readerInput(data: Blob | string, options: ReaderInputOptions): Promise<Blob | string | Uint8Array> {
	if (!needsPreparing(options)) return data;
	const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(await data.arrayBuffer());
	return prepareBytes(bytes, options);
}

/** Line breaks in a text or a file: CR, LF, and CR directly followed by LF. */
interface LineBreaks {
	cr: number;
	lf: number;
	crlf: number;
}

const CHUNK = 16 * 1024 * 1024;

function countBreaks(bytes: Uint8Array, counts: LineBreaks, nextByte: number) {
	for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) counts.lf++;
	for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1)) {
		counts.cr++;
		if ((i + 1 < bytes.length ? bytes[i + 1] : nextByte) === LF) counts.crlf++;
	}
}

/** A file in slices, so that a big one is never held whole to be counted. */
async function breaksOfFile(file: Blob): Promise<LineBreaks> {
	const counts = { cr: 0, lf: 0, crlf: 0 };
	for (let start = 0; start < file.size; start += CHUNK) {
		const end = Math.min(start + CHUNK, file.size);
		const bytes = new Uint8Array(await file.slice(start, end + 1).arrayBuffer());
		countBreaks(bytes.subarray(0, end - start), counts, end < file.size ? bytes[end - start] : -1);
	}
	return counts;
}

function breaksOfText(text: string): LineBreaks {
	const counts = { cr: 0, lf: 0, crlf: 0 };
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) counts.lf++;
	for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
		counts.cr++;
		if (text.charCodeAt(i + 1) === LF) counts.crlf++;
	}
	return counts;
}

/**
 * Whether the file's records end in more than one way. Counting its line breaks settles almost every file at
 * the speed of a byte search: only LF, only CR, or only CRLF is one way. Only a file whose breaks are of more
 * than one kind (quoted ones included) is walked record by record.
 */
export async function endsRecordsInMoreThanOneWay(data: Blob | string, delimiter: string): Promise<boolean> {
	const { cr, lf, crlf } = typeof data === 'string' ? breaksOfText(data) : await breaksOfFile(data);
	if (cr === 0 || lf === 0 || (crlf === cr && crlf === lf)) return false;
	if (typeof data === 'string') return mixesRecordEndings(data, delimiter);
	const bytes = new Uint8Array(await data.arrayBuffer());
	return mixesRecordEndings((i) => bytes[i], delimiter, bytes.length);
}
