import type { CsvDialect } from './sniff';

/** Where each data record of a CSV text starts (1-based line) and its text span, as DuckDB's reader counts records. */
export interface RecordSpans {
	lines: Int32Array;
	starts: Int32Array;
	ends: Int32Array;
	count: number;
}

/**
 * Walks the text once, respecting quotes (a newline inside quotes does not end a record), skipping the
 * lines before and including the header, blank lines and comment lines, as read_csv does with our options.
 */
export function recordSpans(text: string, dialect: Pick<CsvDialect, 'headerLine' | 'commentPrefix'>): RecordSpans {
	let capacity = 1024;
	let lines = new Int32Array(capacity);
	let starts = new Int32Array(capacity);
	let ends = new Int32Array(capacity);
	let count = 0;
	let line = 1;
	let i = 0;
	const n = text.length;
	// Skip the header and anything above it.
	while (line <= dialect.headerLine + 1 && i < n) {
		const c = text.charCodeAt(i++);
		if (c === 10 || (c === 13 && text.charCodeAt(i) !== 10)) line++;
	}
	while (i < n) {
		const start = i;
		const startLine = line;
		let quoted = false;
		let end = n;
		for (; i < n; i++) {
			const c = text.charCodeAt(i);
			if (c === 34) quoted = !quoted;
			else if (!quoted && (c === 10 || c === 13)) {
				end = i;
				if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
				i++;
				line++;
				break;
			} else if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
		}
		const record = text.slice(start, Math.min(end, start + 2));
		if (end === start || (dialect.commentPrefix && record.startsWith(dialect.commentPrefix))) continue;
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
