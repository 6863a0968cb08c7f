import Papa from 'papaparse';
import type { CsvDialect } from './sniff';
import type { RecordSpans } from './record-lines';
import type { ReaderReject } from './stage-file';

export interface RejectedRow {
	/** Line in the file (the header is line 1 when it is the first line). */
	line: number;
	reason: string;
	/** The row's fields as the file wrote them. */
	fields: string[];
}

/** What DuckDB's reader said, in the user's words, naming the column by its header. */
export function readerReason(reject: ReaderReject, header: string[]): string {
	const name = reject.column !== null && reject.column >= 1 ? header[reject.column - 1] : undefined;
	const value = reject.message.match(/Could not convert string "(.*)" to '?(\w+)'?/);
	switch (reject.errorType) {
		case 'CAST':
			if (value) {
				const what = value[2] === 'DOUBLE' ? 'is not a number' : value[2].startsWith('DATE') || value[2].startsWith('TIMESTAMP') ? 'is not a valid date in the file’s date format' : `is not a ${value[2].toLowerCase()}`;
				return `${name ?? 'a column'}: "${value[1]}" ${what}`;
			}
			return `${name ?? 'a column'}: ${reject.message}`;
		case 'MISSING COLUMNS':
		case 'TOO MANY COLUMNS': {
			const counts = reject.message.match(/Expected Number of Columns: (\d+) Found: (\d+)/);
			return counts
				? `wrong number of fields: expected ${counts[1]}, found ${counts[2]}`
				: 'wrong number of fields';
		}
		case 'UNQUOTED VALUE':
			return 'a quote is not closed, or a field has a stray quote';
		case 'LINE SIZE OVER MAXIMUM':
			return 'the line is too long';
		case 'INVALID UNICODE':
		case 'INVALID ENCODING':
			return 'the line is not valid text in the file’s encoding';
		default:
			return reject.message;
	}
}

/** A record's fields exactly as written in the file. */
export function recordFields(text: string, spans: RecordSpans, index: number, dialect: CsvDialect): string[] {
	const raw = text.slice(spans.starts[index], spans.ends[index]);
	const parsed = Papa.parse<string[]>(raw, { delimiter: dialect.delimiter, quoteChar: '"' });
	return parsed.data[0] ?? [raw];
}

/** The record index (into spans) of the record starting on `line`, by binary search. */
export function recordAtLine(spans: RecordSpans, line: number): number {
	let lo = 0;
	let hi = spans.count - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (spans.lines[mid] < line) lo = mid + 1;
		else if (spans.lines[mid] > line) hi = mid - 1;
		else return mid;
	}
	return -1;
}
