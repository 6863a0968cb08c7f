import type { CsvDialect } from './sniff';
import type { ImportPlan } from './plan';
import { commentRule, isCommentLine } from './comment-lines';

/** The dialect as the reader applies it: a row is as wide as the plan's columns, whatever the sample showed. */
export const readerDialect = (plan: ImportPlan) => ({ ...plan.dialect, rowWidth: plan.columns.length });

/** Where each data record of a CSV text starts (1-based line) and its text span, as DuckDB's reader counts records. */
export interface RecordSpans {
	lines: Int32Array;
	starts: Int32Array;
	ends: Int32Array;
	count: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Walks the text once, as read_csv does with our options: a quote opens a quoted field only at the start
 * of a field (`scar 5" long` is plain text), a doubled quote inside a quoted field is one quote, and a line
 * break inside quotes does not end a record. Skips the lines before and including the header, blank lines
 * and comment lines (comment-lines.ts; blanked before the reader sees them).
 */
export function recordSpans(
	text: string,
	dialect: Pick<CsvDialect, 'headerLine' | 'commentPrefix' | 'delimiter' | 'rowWidth'>
): RecordSpans {
	let capacity = 1024;
	let lines = new Int32Array(capacity);
	let starts = new Int32Array(capacity);
	let ends = new Int32Array(capacity);
	let count = 0;
	let line = 1;
	let i = 0;
	const n = text.length;
	const rule = commentRule(dialect.commentPrefix, dialect.delimiter, dialect.rowWidth);
	const delimiter = rule.delimiter;
	const at = (k: number) => text.charCodeAt(k);
	// Skip the header and anything above it.
	while (line <= dialect.headerLine + 1 && i < n) {
		const c = text.charCodeAt(i++);
		if (c === LF || (c === CR && text.charCodeAt(i) !== LF)) line++;
	}
	while (i < n) {
		const start = i;
		const startLine = line;
		let fieldStart = true;
		let quoted = false;
		let end = n;
		for (; i < n; i++) {
			const c = text.charCodeAt(i);
			if (quoted) {
				if (c === QUOTE) {
					if (text.charCodeAt(i + 1) === QUOTE) i++;
					else quoted = false;
				} else if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
			} else if (c === LF || c === CR) {
				end = i;
				if (c === CR && text.charCodeAt(i + 1) === LF) i++;
				i++;
				line++;
				break;
			} else if (c === QUOTE && fieldStart) {
				quoted = true;
				fieldStart = false;
			} else {
				fieldStart = c === delimiter;
			}
		}
		if (end === start || (rule.prefix >= 0 && isCommentLine(at, start, end, rule))) continue;
		if (count === capacity) {
			capacity *= 2;
			const grow = (a: Int32Array) => {
				const b = new Int32Array(capacity);
				b.set(a);
				return b;
			};
			lines = grow(lines);
			starts = grow(starts);
			ends = grow(ends);
		}
		lines[count] = startLine;
		starts[count] = start;
		ends[count] = end;
		count++;
	}
	return { lines, starts, ends, count };
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
