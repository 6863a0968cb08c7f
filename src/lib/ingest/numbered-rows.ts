/**
 * Rows numbered as participants (a file without an id column, trial-reading.ts) take their number in the
 * file: 1 for the first data row. The reader numbers only the rows it kept, so when it rejected some, the
 * rows after them are numbered again here: participant 7 is the file's seventh data row whether or not
 * row 3 could be read.
 */
import type { Database } from '../db/database';
import type { ImportPlan } from './plan';
import { ROWS } from './check-rows';
import { clientExpression } from './staged-columns';
import { readerDialect, recordSpans } from './record-lines';
import { recordAtReaderLine } from './rejected-rows';
import type { ReaderReject } from './stage-file';

/** `source`: the file's text; `reader`: the lines the reader rejected. */
export async function numberRowsAsInFile(
	db: Database,
	plan: ImportPlan,
	secret: string,
	source: string,
	reader: ReaderReject[]
): Promise<void> {
	const spans = recordSpans(source, readerDialect(plan));
	const records = spans.count;
	const rejected = [...new Set(reader.map((r) => recordAtReaderLine(spans, r.line)).filter((k) => k >= 0))].map((k) => k + 1);
	if (rejected.length === 0) return;
	const client = clientExpression(plan, secret, 'm.data_row');
	try {
		await db.query(
			`CREATE OR REPLACE TEMP TABLE ${NUMBERS} AS
			 SELECT row_number() OVER (ORDER BY k) AS source_row, k AS data_row
			 FROM range(1, ?::BIGINT + 1) t(k) WHERE k NOT IN (${rejected.map(() => '?::BIGINT').join(', ')})`,
			[records, ...rejected]
		);
		await db.query(`UPDATE ${ROWS} SET client = ${client.sql} FROM ${NUMBERS} m WHERE ${ROWS}.source_row = m.source_row`, client.params);
	} finally {
		await db.exec(`DROP TABLE IF EXISTS ${NUMBERS}`);
	}
}

const NUMBERS = 'import_row_numbers';
