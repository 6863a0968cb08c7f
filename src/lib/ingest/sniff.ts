import Papa from 'papaparse';

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
	/** '#' when comment lines occur in the sample. */
	commentPrefix: '#' | null;
	/** Numbers written 6,5 (typically with a ';' delimiter). */
	decimalComma: boolean;
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
	const records = best.records.length > 0 ? best.records : readRecords(text, ',');
	const lines = records.filter((r) => !r.comment);
	const content = lines.filter((r) => !isBlank(r));
	const looksLikeHeader = (r: CsvRecord) =>
		!isBlank(r) && r.fields.length === best.width && r.fields.filter((f) => f.trim() !== '').length * 2 >= r.fields.length;
	// A title line can have as many fields as the table; the header is the one the data rows follow directly.
	const header =
		lines.find((r, i) => looksLikeHeader(r) && (i + 1 === lines.length || lines[i + 1].fields.length === best.width)) ??
		lines.find(looksLikeHeader) ??
		content[0];
	const headerLine = header?.line ?? 0;

	return {
		delimiter: best.delimiter,
		quote: '"',
		headerLine,
		skippedLines: linesBefore(text, headerLine).filter((line) => line.trim() !== '').length,
		commentPrefix: records.some((r) => r.comment) ? '#' : null,
		decimalComma: best.delimiter !== ',' && usesDecimalComma(content.filter((r) => r.line > headerLine)),
		lineEnding: mostCommonEnding(records)
	};
}

/**
 * The header and the first `limit` data rows as raw strings. Lines before the header, comment lines and
 * blank lines are skipped. With `sampleIsPartial`, a last row that the sample may have cut off is dropped.
 */
export function previewRows(sample: string, dialect: CsvDialect, limit = 20, sampleIsPartial = false): Preview {
	const text = withoutBom(sample);
	const rows: { cells: string[]; quoteError: boolean }[] = [];
	let stoppedEarly = false;
	Papa.parse<string[]>(text.slice(lineOffset(text, dialect.headerLine)), {
		delimiter: dialect.delimiter,
		quoteChar: dialect.quote,
		newline: dialect.lineEnding,
		comments: dialect.commentPrefix ?? false,
		skipEmptyLines: 'greedy',
		step: (result, parser) => {
			rows.push({ cells: result.data, quoteError: result.errors.some((e) => e.type === 'Quotes') });
			// one row beyond what is shown, so a cut-off last row is never among the shown ones
			if (rows.length >= limit + 2) {
				stoppedEarly = true;
				parser.abort();
			}
		}
	});
	const last = rows.at(-1);
	if (sampleIsPartial && !stoppedEarly && last && (last.quoteError || !/[\r\n]$/.test(text))) rows.pop();
	return { header: rows[0]?.cells ?? [], rows: rows.slice(1, limit + 1).map((r) => r.cells) };
}

/** Every spelling of a missing value that DuckDB's `nullstr` needs, since DuckDB matches exactly. */
export const MISSING_TOKENS_EXACT: string[] = [
	'', 'NA', 'N/A', 'n/a', 'na', '-', 'null', 'NULL', 'Null', 'NaN', 'nan', 'NAN', 'None', 'none', '<undefined>'
];

const MISSING = new Set(MISSING_TOKENS_EXACT.map((token) => token.toLowerCase()));

/** True for an empty cell or a missing-value token (NA, n/a, -, null, NaN, none, <undefined>), ignoring case and spaces. */
export function isMissing(value: string): boolean {
	return MISSING.has(value.trim().toLowerCase());
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_BY_DOTS = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d*)?$/;
const GROUPED_BY_COMMAS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const GROUPED_BY_SPACES = /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d*)?$/;

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

function readRecords(text: string, delimiter: Delimiter): CsvRecord[] {
	const records: CsvRecord[] = [];
	let line = 0;
	let i = 0;
	while (i < text.length) {
		const start = line;
		const comment = text[i] === '#';
		const fields: string[] = [];
		let field = '';
		let quoted = false;
		let inQuotes = false;
		let ending: LineEnding | null = null;
		for (; i < text.length; i++) {
			const c = text[i];
			if (inQuotes) {
				if (c === '"' && text[i + 1] === '"') {
					field += '"';
					i++;
				} else if (c === '"') {
					inQuotes = false;
				} else {
					if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
					field += c;
				}
			} else if (c === '"' && field === '' && !quoted && !comment) {
				inQuotes = quoted = true;
			} else if (c === delimiter && !comment) {
				fields.push(field);
				field = '';
				quoted = false;
			} else if (c === '\r' || c === '\n') {
				ending = c === '\r' && text[i + 1] === '\n' ? '\r\n' : c;
				i += ending.length;
				line++;
				break;
			} else {
				field += c;
			}
		}
		fields.push(field);
		records.push({ line: start, fields, comment, complete: ending !== null, ending });
	}
	return records;
}

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

function isBlank(record: CsvRecord): boolean {
	return record.fields.length === 1 && record.fields[0].trim() === '';
}

function usesDecimalComma(rows: CsvRecord[]): boolean {
	let comma = 0;
	let dot = 0;
	for (const field of rows.flatMap((r) => r.fields)) {
		const text = field.trim();
		if (/^-?\d+,\d+$/.test(text) || /^-?\d{1,3}(?:\.\d{3})+,\d+$/.test(text)) comma++;
		else if (/^-?\d+\.\d+$/.test(text)) dot++;
	}
	return comma > dot;
}

function mostCommonEnding(records: CsvRecord[]): LineEnding {
	const tally = new Map<LineEnding, number>();
	for (const { ending } of records) if (ending) tally.set(ending, (tally.get(ending) ?? 0) + 1);
	let best: LineEnding = '\n';
	for (const [ending, n] of tally) if (n > (tally.get(best) ?? 0)) best = ending;
	return best;
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
