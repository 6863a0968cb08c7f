import type { Database } from '../db/database';
import type { ImportPlan } from './plan';
import type { ReaderReject } from './stage-file';
import { failedRows } from './check-rows';
import { lastLineOf, readerDialect, recordSpans, type RecordSpans } from './record-lines';
import { inFileLines, lineReasons, recordAtLine, recordFields, type RejectedRow } from './rejected-rows';

/** Rejected rows with their lines, reasons and fields as written, from the reader and from the checks. */
export async function collectRejectedRows(
	db: Database,
	plan: ImportPlan,
	text: () => Promise<string>,
	reader: ReaderReject[]
): Promise<RejectedRow[]> {
	const checked = await failedRows(db);
	if (reader.length === 0 && checked.length === 0) return [];
	const header = plan.columns.map((c) => c.header);
	const source = await text();
	const spans: RecordSpans = recordSpans(source, readerDialect(plan));
	const extentOf = (line: number) => {
		const index = recordAtLine(spans, line);
		return index < 0 ? undefined : { lastLine: lastLineOf(source, spans, index), toEnd: spans.ends[index] === source.length };
	};
	const readerLines = lineReasons(inFileLines(reader, spans), header, extentOf);

	const rows: RejectedRow[] = [];
	for (const [line, reason] of readerLines) {
		const index = recordAtLine(spans, line);
		rows.push({ line, reason, fields: index >= 0 ? recordFields(source, spans, index, plan.dialect) : [] });
	}
	// The n-th row the reader kept is the n-th record whose line it did not reject.
	const wanted = new Set(checked.map((c) => c.row));
	const byRow = new Map<number, number>();
	let kept = 0;
	for (let k = 0; k < spans.count && byRow.size < wanted.size; k++) {
		if (readerLines.has(spans.lines[k])) continue;
		kept++;
		if (wanted.has(kept)) byRow.set(kept, k);
	}
	for (const c of checked) {
		const index = byRow.get(c.row);
		rows.push({
			line: index === undefined ? NaN : spans.lines[index],
			reason: c.problems.join('; '),
			fields: index === undefined ? [] : recordFields(source, spans, index, plan.dialect)
		});
	}
	return rows.sort((a, b) => a.line - b.line);
}
