/**
 * What DuckDB's reader is given when a file needs preparing first. Line numbers stay those of the file,
 * so rejected rows still point at the right line.
 *
 * - Comment lines (comment-lines.ts) are blanked, and read_csv's own `comment` option is never used: it also
 *   cuts every value at the prefix, so "room #2" would be stored as "room " (and blank lines are skipped by
 *   the reader).
 * - Line endings are made one kind (CRLF and CR become LF) when the reader stops on a mix of them: its
 *   strict mode cannot read a file with both CRLF and LF lines, and turning strict mode off would also
 *   cut rows with too many fields and mangle stray quotes without a word.
 *
 * Works on bytes: quotes, delimiters and line breaks are ASCII, which never occur inside a multi-byte
 * UTF-8 character, so a file that DuckDB reads as it is keeps its bytes (and any invalid ones) as they are.
 */
import { commentRule, isCommentLine } from './comment-lines';
import { lineEnd, newBounds, scanRecord } from './csv-records';

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
