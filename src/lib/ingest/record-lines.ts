import type { CsvDialect } from './sniff';
import type { ImportPlan } from './plan';
import { commentRule, isCommentLine } from './comment-lines';
import { lineEnd, newBounds, scanRecord } from './csv-records';

/** The dialect as the reader applies it: a row is as wide as the plan's columns, whatever the sample showed. */
export const readerDialect = (plan: ImportPlan) => ({ ...plan.dialect, rowWidth: plan.columns.length });

/** Where each data record of a CSV text starts (1-based line) and its text span, as DuckDB's reader counts records. */
export interface RecordSpans {
	/** The file's line the record starts on. */
	lines: Int32Array;
	/**
	 * The line DuckDB's reader gives the record in its rejects: it counts only the line breaks outside quotes,
	 * so after a quoted field holding line breaks it is less than the file's.
	 */
	readerLines: Int32Array;
	starts: Int32Array;
	ends: Int32Array;
	count: number;
}

const LF = 10;
const CR = 13;

/**
 * Walks the text once, splitting it as read_csv does (csv-records.ts). Skips the lines before and
 * including the header, blank lines and comment lines (comment-lines.ts; blanked before the reader sees them).
 */
export function recordSpans(
	text: string,
	dialect: Pick<CsvDialect, 'headerLine' | 'commentPrefix' | 'delimiter' | 'rowWidth'>
): RecordSpans {
	let capacity = 1024;
	let lines = new Int32Array(capacity);
	let readerLines = new Int32Array(capacity);
	let starts = new Int32Array(capacity);
	let ends = new Int32Array(capacity);
	let count = 0;
	let line = 1;
	let i = 0;
	const n = text.length;
	const rule = commentRule(dialect.commentPrefix, dialect.delimiter, dialect.rowWidth);
	const at = (k: number) => text.charCodeAt(k);
	const record = newBounds();
	// Skip the header and anything above it.
	while (line <= dialect.headerLine + 1 && i < n) {
		const c = text.charCodeAt(i++);
		if (c === LF || (c === CR && text.charCodeAt(i) !== LF)) line++;
	}
	let readerLine = line;
	while (i < n) {
		if (rule.prefix >= 0 && isCommentLine(at, i, n, rule)) {
			// Blanked up to its line break, as the reader's input blanks it.
			i = lineEnd(at, i, n);
			continue;
		}
		const start = i;
		const { end, next, lineBreaks } = scanRecord(at, i, n, rule.delimiter, record);
		// With one column the reader reads an empty line as a row (of one empty value); with more it skips it.
		if (end > start || rule.rowWidth === 1) {
			if (count === capacity) {
				capacity *= 2;
				const grow = (a: Int32Array) => {
					const b = new Int32Array(capacity);
					b.set(a);
					return b;
				};
				lines = grow(lines);
				readerLines = grow(readerLines);
				starts = grow(starts);
				ends = grow(ends);
			}
			lines[count] = line;
			readerLines[count] = readerLine;
			starts[count] = start;
			ends[count] = end;
			count++;
		}
		line += lineBreaks;
		readerLine++;
		i = next;
	}
	return { lines, readerLines, starts, ends, count };
}

/** The 1-based line on which the record `index` ends (later than its first line when a quoted field holds line breaks). */
export function lastLineOf(text: string, spans: RecordSpans, index: number): number {
	let line = spans.lines[index];
	let end = spans.ends[index];
	// A record that runs to the end of the file (a quote never closed) holds the file's last line break.
	while (end > spans.starts[index] && (text.charCodeAt(end - 1) === LF || text.charCodeAt(end - 1) === CR)) end--;
	for (let i = spans.starts[index]; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
	}
	return line;
}
