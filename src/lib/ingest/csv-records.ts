/**
 * The one place that knows how CSV splits into records and fields: the sniffer, the preview, the reader's
 * input, the line numbers and the rejected rows all read a file through here. The rules are those of
 * DuckDB's read_csv with our options (quote '"', escape '"', strict mode), so that every one of them sees
 * the records the reader sees (csv-records.spec.ts checks it against DuckDB):
 *
 * - A quote opens a quoted field only at the start of a field, or after one space there (` "a,b"`, the space
 *   left out): `scar 5" long` is plain text. Spaces after the closing quote are left out too.
 * - Inside a quoted field a doubled quote is one quote, and delimiters and line breaks are text.
 * - Outside quotes, CRLF, LF and CR each end a record.
 *
 * The walk takes character codes (CodeAt), so that it reads a decoded text and a file's bytes alike: the
 * characters that matter are ASCII, which never occur inside a multi-byte UTF-8 character.
 */

/** A character code of a text, or a byte of a file. */
export type CodeAt = (i: number) => number;

/** Where one record ends, as scanRecord finds it. */
export interface RecordBounds {
	/** Where the record's text ends: at its line break, or at the end of the text. */
	end: number;
	/** Where the next record starts: after the line break. */
	next: number;
	/** Line breaks from the record's start to the next record's: those inside quotes and the one ending it. */
	lineBreaks: number;
	fields: number;
	/** A quoted field is still open where the record ends (at the end of the text, or of the line with `withinLine`). */
	quoteOpen: boolean;
}

/** What a field of a record is, for splitRecord: its text, and where its quote closed (-1 unquoted, `end` when never closed). */
type OnField = (start: number, end: number, quoteClosedAt: number) => void;

const QUOTE = 34;
const SPACE = 32;
const LF = 10;
const CR = 13;

export const newBounds = (): RecordBounds => ({ end: 0, next: 0, lineBreaks: 0, fields: 0, quoteOpen: false });

/**
 * Walks one record from `start` into `out`. With `withinLine`, stops at the first line break even inside
 * quotes (quoteOpen tells that it did): a comment line is one line, whatever quotes it holds.
 */
export function scanRecord(
	at: CodeAt,
	start: number,
	n: number,
	delimiter: number,
	out: RecordBounds,
	withinLine = false,
	onField?: OnField
): RecordBounds {
	let fields = 1;
	let lineBreaks = 0;
	let quoted = false;
	let fieldStart = true;
	let field = start;
	let quoteClosedAt = -1;
	let i = start;
	for (; i < n; i++) {
		const c = at(i);
		if (quoted) {
			if (c === QUOTE) {
				if (at(i + 1) === QUOTE) i++;
				else {
					quoted = false;
					quoteClosedAt = i;
				}
			} else if (c === LF || c === CR) {
				if (withinLine) break;
				if (c === LF || at(i + 1) !== LF) lineBreaks++;
			}
		} else if (c === LF || c === CR) {
			onField?.(field, i, quoteClosedAt);
			out.end = i;
			out.next = c === CR && at(i + 1) === LF ? i + 2 : i + 1;
			out.lineBreaks = lineBreaks + 1;
			out.fields = fields;
			out.quoteOpen = false;
			return out;
		} else if (fieldStart && (c === QUOTE || (c === SPACE && at(i + 1) === QUOTE && delimiter !== SPACE))) {
			// As in DuckDB's reader, one space may come before the opening quote; it is not part of the value.
			if (c === SPACE) i++;
			quoted = true;
			fieldStart = false;
		} else if (c === delimiter) {
			onField?.(field, i, quoteClosedAt);
			fields++;
			fieldStart = true;
			field = i + 1;
			quoteClosedAt = -1;
		} else {
			fieldStart = false;
		}
	}
	onField?.(field, i, quoted ? i : quoteClosedAt);
	out.end = out.next = i;
	out.lineBreaks = lineBreaks;
	out.fields = fields;
	out.quoteOpen = quoted;
	return out;
}

/**
 * The fields of the record text from `start` to `end`, unquoted. A field with text after its closing quote
 * (`"Swedish" massage`, which the reader rejects) is kept as written, quotes and all, so that written out
 * again it reads as meant; a quote never closed runs to the end.
 */
export function splitRecord(text: string, delimiter: string, start = 0, end = text.length): string[] {
	const fields: string[] = [];
	const at = (i: number) => text.charCodeAt(i);
	scanRecord(at, start, end, delimiter.charCodeAt(0), newBounds(), false, (from, to, quoteClosedAt) => {
		const open = at(from) === QUOTE ? from : from + 1;
		// Spaces after the closing quote are not part of the value either; other text after it is (kept as written).
		const unquoted = quoteClosedAt === to || (quoteClosedAt >= 0 && onlySpaces(at, quoteClosedAt + 1, to));
		fields.push(unquoted ? text.slice(open + 1, Math.min(quoteClosedAt, to)).replaceAll('""', '"') : text.slice(from, to));
	});
	return fields;
}

function onlySpaces(at: CodeAt, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (at(i) !== SPACE) return false;
	return true;
}

/** Where the line starting at `start` ends (before its line break), quotes or not. */
export function lineEnd(at: CodeAt, start: number, n: number): number {
	let i = start;
	while (i < n && at(i) !== LF && at(i) !== CR) i++;
	return i;
}

/**
 * Whether the records end in more than one way (CRLF, LF, CR), which DuckDB's reader cannot be trusted with
 * (reader-input.ts then makes them one kind); line breaks inside quotes do not count. Takes a text or, through
 * `at` and `n`, a file's bytes.
 */
export function mixesRecordEndings(text: string, delimiter: string): boolean;
export function mixesRecordEndings(at: CodeAt, delimiter: string, n: number): boolean;
export function mixesRecordEndings(source: string | CodeAt, delimiter: string, length?: number): boolean {
	const at = typeof source === 'string' ? (i: number) => source.charCodeAt(i) : source;
	const n = typeof source === 'string' ? source.length : length!;
	const record = newBounds();
	let seen = -1;
	for (let i = 0; i < n; i = record.next) {
		scanRecord(at, i, n, delimiter.charCodeAt(0), record);
		if (record.end === n) break;
		// CRLF, LF and CR told apart by the first character and the length of the break.
		const ending = at(record.end) * 2 + record.next - record.end;
		if (seen >= 0 && ending !== seen) return true;
		seen = ending;
	}
	return false;
}
