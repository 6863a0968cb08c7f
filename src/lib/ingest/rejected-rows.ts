import type { CsvDialect } from './sniff';
import type { RecordSpans } from './record-lines';
import type { ReaderReject } from './stage-file';
import { columnLabel } from './staged-columns';
import { splitRecord } from './csv-records';

export interface RejectedRow {
	/** Line in the file (the header is line 1 when it is the first line). */
	line: number;
	reason: string;
	/** The row's fields as the file wrote them. */
	fields: string[];
}

/** Where a record the reader rejected ends, when a quote left open ran it to the end of the file. */
export interface RecordExtent {
	/** The record's last line: later than its first when quoted line breaks (or a quote never closed) join lines. */
	lastLine: number;
	/** The record runs to the end of the file. */
	toEnd: boolean;
}

const count = (n: string) => Number(n).toLocaleString('en');

/** What DuckDB's reader said, in the user's words, naming the column by its header (and position, when needed). */
export function readerReason(reject: ReaderReject, header: string[], extent?: RecordExtent): string {
	const name =
		reject.column !== null && reject.column >= 1 && reject.column <= header.length ? columnLabel(header, reject.column - 1) : undefined;
	const value = reject.message.match(/Could not convert string "(.*)" to '?(\w+)'?/);
	switch (reject.errorType) {
		case 'CAST':
			if (value) {
				const what =
					value[2] === 'DOUBLE'
						? 'is not a number'
						: value[2].startsWith('DATE') || value[2].startsWith('TIMESTAMP')
							? 'is not a valid date in the file’s date format'
							: `is not a ${value[2].toLowerCase()}`;
				return `${name ?? 'a column'}: "${value[1]}" ${what}`;
			}
			return `${name ?? 'a column'}: ${reject.message}`;
		case 'MISSING COLUMNS':
		case 'TOO MANY COLUMNS': {
			const counts = reject.message.match(/Expected Number of Columns: (\d+) Found: (\d+)/);
			if (!counts) return 'wrong number of fields';
			const [expected, found] = [Number(counts[1]), Number(counts[2])];
			const missing = found < expected ? header.slice(found, expected).map((_, i) => columnLabel(header, found + i)) : [];
			const list = missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more` : missing.join(', ');
			return `wrong number of fields: expected ${expected}, found ${found}${missing.length ? ` (no value for ${list})` : ''}`;
		}
		case 'UNQUOTED VALUE':
			if (extent?.toEnd && extent.lastLine > reject.line) {
				return `${name ?? 'a field'}: its opening quote is never closed, so lines ${reject.line}–${extent.lastLine} (the rest of the file) were read as this one field`;
			}
			return `${name ?? 'a field'}: text follows the closing quote; quote the whole field and double the quotes inside it`;
		case 'LINE SIZE OVER MAXIMUM': {
			const sizes = reject.message.match(/Maximum line size of (\d+) bytes exceeded\. Actual Size:\s*(\d+)/);
			return sizes
				? `the line is ${count(sizes[2])} bytes long, more than the ${count(sizes[1])} bytes a line may have`
				: 'the line is too long';
		}
		case 'INVALID UNICODE':
		case 'INVALID ENCODING':
			return `${name ?? 'a field'}: not valid UTF-8 text (a damaged byte)`;
		default:
			return reject.message;
	}
}

/**
 * One reason a line: the reader reports a row with too many fields once for each extra field
 * ("found 7", "found 8"); the last says how many there are.
 */
export function lineReasons(
	rejects: ReaderReject[],
	header: string[],
	extentOf: (line: number) => RecordExtent | undefined
): Map<number, string> {
	const byLine = new Map<number, ReaderReject[]>();
	for (const r of rejects) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r]);
	const reasons = new Map<number, string>();
	for (const [line, list] of byLine) {
		const tooMany = list.filter((r) => r.errorType === 'TOO MANY COLUMNS');
		const kept = list.filter((r) => r.errorType !== 'TOO MANY COLUMNS' || r === tooMany.at(-1));
		const texts = kept.map((r) => readerReason(r, header, r.errorType === 'UNQUOTED VALUE' ? extentOf(line) : undefined));
		reasons.set(line, [...new Set(texts)].join('; '));
	}
	return reasons;
}

/** A record's fields as written (csv-records.ts: text after a closing quote is kept, quotes and all). */
export function recordFields(text: string, spans: RecordSpans, index: number, dialect: Pick<CsvDialect, 'delimiter'>): string[] {
	let raw = text.slice(spans.starts[index], spans.ends[index]);
	// A record that runs to the end of the file (a quote never closed) holds the file's last line break.
	if (spans.ends[index] === text.length) raw = raw.replace(/\r?\n$|\r$/, '');
	return splitRecord(raw, dialect.delimiter);
}

/** The record index (into spans) of the record starting on the file's `line`, by binary search. */
export function recordAtLine(spans: RecordSpans, line: number, lines = spans.lines): number {
	let lo = 0;
	let hi = spans.count - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (lines[mid] < line) lo = mid + 1;
		else if (lines[mid] > line) hi = mid - 1;
		else return mid;
	}
	return -1;
}

/** The record index of the record the reader rejected on its `line` (RecordSpans.readerLines). */
export const recordAtReaderLine = (spans: RecordSpans, line: number) => recordAtLine(spans, line, spans.readerLines);

/** The reader's rejects with the file's line numbers, which the user sees and the checks' rejects use. */
export function inFileLines(rejects: ReaderReject[], spans: RecordSpans): ReaderReject[] {
	return rejects.map((r) => {
		const index = recordAtReaderLine(spans, r.line);
		return index < 0 ? r : { ...r, line: spans.lines[index] };
	});
}
