import { commentRule, isCommentLine } from './comment-lines';
import { prepareBytes } from './reader-input';
import { lineEnd, mixesRecordEndings, newBounds, scanRecord, splitRecord } from './csv-records';

export type Delimiter = ',' | ';' | '\t' | '|';
type LineEnding = '\n' | '\r\n' | '\r';

export interface CsvDialect {
	delimiter: Delimiter;
	/** Always the double quote; quoted fields may hold delimiters and line breaks. */
	quote: '"';
	/** 0-based index of the header line: junk/title lines, blank lines and comment lines before it are skipped. */
	headerLine: number;
	/** Non-blank lines before the header (titles, comments) that are skipped, for telling the user. */
	skippedLines: number;
	/** '#' when comment lines occur in the sample (comment-lines.ts says which lines are comments). */
	commentPrefix: '#' | null;
	/** Fields in a data row: a '#' line with this many fields is a row, not a comment. */
	rowWidth: number;
	/** Numbers written 6,5 (typically with a ';' delimiter). */
	decimalComma: boolean;
	/**
	 * Numbers grouped in thousands in the sample (1.234,5 with a decimal comma, 1,234.5 without, 1 234):
	 * the reader's own number parsing would reject them, so they are parsed as parseNumber does.
	 */
	groupedThousands?: boolean;
	lineEnding: LineEnding;
}

export interface Preview {
	header: string[];
	rows: string[][];
}

/** Ties between equally consistent delimiters go to the first: a tab or pipe in every line is rarely an accident. */
const DELIMITERS: Delimiter[] = ['\t', '|', ';', ','];

/** One record of the sample: a line, or several when a quoted field holds line breaks. */
interface CsvRecord {
	/** 0-based index of the physical line it starts on. */
	line: number;
	/** Where it starts in the text. */
	start: number;
	fields: string[];
	comment: boolean;
	/** False for the last record when the sample ends inside it. */
	complete: boolean;
	ending: LineEnding | null;
}

/** Finds the delimiter, the header line and the number style of a decoded text sample (the last line may be cut). */
export function sniffDialect(sample: string): CsvDialect {
	const text = withoutBom(sample);
	let best = { delimiter: ',' as Delimiter, consistency: 0, records: [] as CsvRecord[], width: 1 };
	for (const delimiter of DELIMITERS) {
		const records = readRecords(text, delimiter);
		const { width, consistency } = fieldCountConsistency(records);
		if (width > 1 && consistency > best.consistency) best = { delimiter, consistency, records, width };
	}
	// A '#' line as wide as the table is a row (comment-lines.ts): read again as one.
	const at = (i: number) => text.charCodeAt(i);
	const rule = commentRule('#', best.delimiter, best.width);
	const records = (best.records.length > 0 ? best.records : readRecords(text, ',')).map((r) =>
		r.comment && !isCommentLine(at, r.start, text.length, rule)
			? { ...r, comment: false, fields: splitRecord(text, best.delimiter, r.start, lineEnd(at, r.start, text.length)) }
			: r
	);
	const lines = records.filter((r) => !r.comment);
	const content = lines.filter((r) => !isBlank(r));
	// Data rows that all end in a delimiter ("C01,…,4,") have one field more than a header written without it.
	const widths = trailingDelimiter(content, best.width) ? [best.width, best.width - 1] : [best.width];
	const looksLikeHeader = (r: CsvRecord) =>
		!isBlank(r) && widths.includes(r.fields.length) && r.fields.filter((f) => f.trim() !== '').length * 2 >= r.fields.length;
	// A title line can have as many fields as the table; the header is the one the data rows follow directly:
	// the next line, or most of the next three, so that one ragged first row does not push the header down.
	const followedByRows = (i: number) => {
		const next = lines.slice(i + 1, i + 4);
		if (next.length === 0 || next[0].fields.length === best.width) return true;
		if (isBlank(next[0])) return false;
		const rows = next.filter((r) => !isBlank(r));
		return rows.filter((r) => r.fields.length === best.width).length * 2 > rows.length;
	};
	const header = lines.find((r, i) => looksLikeHeader(r) && followedByRows(i)) ?? lines.find(looksLikeHeader) ?? content[0];
	const headerLine = header?.line ?? 0;
	const data = content.filter((r) => r.line > headerLine);
	const decimalComma = best.delimiter !== ',' && usesDecimalComma(data);

	return {
		delimiter: best.delimiter,
		quote: '"',
		headerLine,
		skippedLines: linesBefore(text, headerLine).filter((line) => line.trim() !== '').length,
		commentPrefix: records.some((r) => r.comment) ? '#' : null,
		rowWidth: best.width,
		decimalComma,
		groupedThousands: usesGroupedThousands(data, decimalComma),
		lineEnding: mostCommonEnding(records)
	};
}

/**
 * The header and the first `limit` data rows as raw strings. Lines before the header, comment lines and
 * blank lines are skipped. With `sampleIsPartial`, a last row that the sample may have cut off is dropped.
 */
export function previewRows(sample: string, dialect: CsvDialect, limit = 20, sampleIsPartial = false): Preview {
	let text = withoutCommentLines(withoutBom(sample), dialect);
	// As the reader is given a file whose records end in more than one way: quoted line breaks made one kind too.
	if (mixesRecordEndings(text, dialect.delimiter)) text = text.replace(/\r\n?/g, '\n');
	const at = (i: number) => text.charCodeAt(i);
	const delimiter = dialect.delimiter.charCodeAt(0);
	const bounds = newBounds();
	const rows: { cells: string[]; cut: boolean }[] = [];
	// one row beyond what is shown, so a cut-off last row is never among the shown ones
	for (let start = lineOffset(text, dialect.headerLine); start < text.length && rows.length < limit + 2; start = bounds.next) {
		scanRecord(at, start, text.length, delimiter, bounds);
		const cells = splitRecord(text, dialect.delimiter, start, bounds.end);
		// Lines of blanks and delimiters only hold no row.
		if (cells.some((cell) => cell.trim() !== '')) rows.push({ cells, cut: bounds.end === text.length });
	}
	if (sampleIsPartial && rows.at(-1)?.cut) rows.pop();
	const data = rows.slice(1, limit + 1).map((r) => r.cells);
	return { header: padHeader(rows[0]?.cells ?? [], data), rows: data };
}

/**
 * A header written without the delimiter that ends every data row gets an unnamed last column, so the
 * table has as many columns as its rows have fields (they are empty, and imported as nothing).
 */
function padHeader(header: string[], rows: string[][]): string[] {
	const tally = new Map<number, number>();
	for (const r of rows) tally.set(r.length, (tally.get(r.length) ?? 0) + 1);
	const width = [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
	const extraEmpty = rows.every((r) => r.slice(header.length).every((cell) => cell.trim() === ''));
	return width > header.length && header.length > 0 && extraEmpty ? [...header, ...Array<string>(width - header.length).fill('')] : header;
}

/** Every spelling of a missing value that DuckDB's `nullstr` needs, since DuckDB matches exactly. */
export const MISSING_TOKENS_EXACT: string[] = [
	'',
	'NA',
	'N/A',
	'n/a',
	'na',
	'-',
	'null',
	'NULL',
	'Null',
	'NaN',
	'nan',
	'NAN',
	'None',
	'none',
	'<undefined>'
];

const MISSING = new Set(MISSING_TOKENS_EXACT.map((token) => token.toLowerCase()));

/** True for an empty cell or a missing-value token (NA, n/a, -, null, NaN, none, <undefined>), ignoring case and spaces. */
export function isMissing(value: string): boolean {
	return MISSING.has(value.trim().toLowerCase());
}

/** How numbers may be written; numberSql (stage-file.ts) follows the same patterns in SQL. */
export const NUMBER_PATTERNS = {
	plain: /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i,
	groupedByDots: /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d*)?$/,
	groupedByCommas: /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/,
	groupedBySpaces: /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d*)?$/
};
const {
	plain: PLAIN_NUMBER,
	groupedByDots: GROUPED_BY_DOTS,
	groupedByCommas: GROUPED_BY_COMMAS,
	groupedBySpaces: GROUPED_BY_SPACES
} = NUMBER_PATTERNS;

/** Parses a number as the file writes it ("6,5" with decimalComma, "1.234,5", " 7 "); null when missing or not a number. */
export function parseNumber(value: string, decimalComma: boolean): number | null {
	let text = value.trim();
	if (isMissing(text)) return null;
	if (GROUPED_BY_SPACES.test(text)) text = text.replace(/[ \u00a0\u202f]/g, '');
	if (decimalComma) {
		if (GROUPED_BY_DOTS.test(text)) text = text.replaceAll('.', '');
		text = text.replace(',', '.');
	} else if (GROUPED_BY_COMMAS.test(text)) {
		text = text.replaceAll(',', '');
	}
	return PLAIN_NUMBER.test(text) ? Number(text) : null;
}

/** Records of the text; with `comments`, a line starting with '#' is one field, not split (a comment, unless sniffDialect finds it a row). */
function readRecords(text: string, delimiter: Delimiter, comments = true): CsvRecord[] {
	const records: CsvRecord[] = [];
	const at = (i: number) => text.charCodeAt(i);
	const bounds = newBounds();
	let line = 0;
	for (let start = 0; start < text.length; start = bounds.next) {
		const comment = comments && text[start] === '#';
		if (comment) {
			bounds.end = lineEnd(at, start, text.length);
			bounds.next = bounds.end + (text.startsWith('\r\n', bounds.end) ? 2 : 1);
			bounds.lineBreaks = 1;
		} else {
			scanRecord(at, start, text.length, delimiter.charCodeAt(0), bounds);
		}
		const fields = comment ? [text.slice(start, bounds.end)] : splitRecord(text, delimiter, start, bounds.end);
		const ending = bounds.end < text.length ? lineEnding(text, bounds.end) : null;
		records.push({ line, start, fields, comment, complete: ending !== null, ending });
		line += bounds.lineBreaks;
	}
	return records;
}

const lineEnding = (text: string, at: number): LineEnding => (text.startsWith('\r\n', at) ? '\r\n' : text[at] === '\r' ? '\r' : '\n');

/** The most common field count of the complete, non-comment lines and the share of lines that have it. */
function fieldCountConsistency(records: CsvRecord[]): { width: number; consistency: number } {
	const content = records.filter((r) => !r.comment && !isBlank(r));
	const lines = content.some((r) => r.complete) ? content.filter((r) => r.complete) : content;
	const tally = new Map<number, number>();
	for (const r of lines) tally.set(r.fields.length, (tally.get(r.fields.length) ?? 0) + 1);
	let width = 1;
	let count = 0;
	for (const [fields, n] of tally) {
		if (n > count || (n === count && fields > width)) [width, count] = [fields, n];
	}
	return { width, consistency: lines.length > 0 ? count / lines.length : 0 };
}

/** Every complete row of the table's width ends in an empty field, and some line has one field less (its header). */
function trailingDelimiter(content: CsvRecord[], width: number): boolean {
	const full = content.filter((r) => r.complete && r.fields.length === width);
	return (
		width > 2 &&
		full.length > 1 &&
		full.every((r) => r.fields[width - 1].trim() === '') &&
		content.some((r) => r.fields.length === width - 1)
	);
}

function isBlank(record: CsvRecord): boolean {
	return record.fields.length === 1 && record.fields[0].trim() === '';
}

function usesDecimalComma(rows: CsvRecord[]): boolean {
	let comma = 0;
	let dot = 0;
	for (const field of rows.flatMap((r) => r.fields)) {
		const text = field.trim();
		if (/^-?\d+,\d+$/.test(text) || /^-?\d{1,3}(?:\.\d{3})+,\d+$/.test(text)) comma++;
		// 1.200 is a decimal point or a thousands separator: no evidence either way
		else if (/^-?\d+\.\d+$/.test(text) && !/^-?\d{1,3}\.\d{3}$/.test(text)) dot++;
	}
	return comma > dot;
}

function usesGroupedThousands(rows: CsvRecord[], decimalComma: boolean): boolean {
	const grouped = decimalComma ? GROUPED_BY_DOTS : GROUPED_BY_COMMAS;
	return rows.some((r) => r.fields.some((field) => grouped.test(field.trim()) || GROUPED_BY_SPACES.test(field.trim())));
}

function mostCommonEnding(records: CsvRecord[]): LineEnding {
	const tally = new Map<LineEnding, number>();
	for (const { ending } of records) if (ending) tally.set(ending, (tally.get(ending) ?? 0) + 1);
	let best: LineEnding = '\n';
	for (const [ending, n] of tally) if (n > (tally.get(best) ?? 0)) best = ending;
	return best;
}

/** Comment lines blanked as the reader's input blanks them (line breaks kept, so line numbers hold). */
function withoutCommentLines(text: string, dialect: CsvDialect): string {
	if (!dialect.commentPrefix) return text;
	const options = {
		delimiter: dialect.delimiter,
		commentPrefix: dialect.commentPrefix,
		rowWidth: dialect.rowWidth,
		unifyLineEndings: false
	};
	return new TextDecoder().decode(prepareBytes(new TextEncoder().encode(text), options));
}

function withoutBom(text: string): string {
	return text.startsWith('\ufeff') ? text.slice(1) : text;
}

function linesBefore(text: string, index: number): string[] {
	return text
		.slice(0, lineOffset(text, index))
		.split(/\r\n|\r|\n/)
		.slice(0, index);
}

/** Where line `index` starts, counting \r\n, \r and \n each as one line break (as readRecords does). */
function lineOffset(text: string, index: number): number {
	const breaks = /\r\n|\r|\n/g;
	let offset = 0;
	for (let n = 0; n < index; n++) {
		const found = breaks.exec(text);
		if (!found) return text.length;
		offset = found.index + found[0].length;
	}
	return offset;
}
