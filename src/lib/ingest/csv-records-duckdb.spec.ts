/**
 * The one splitter (csv-records.ts) against an independent reader, DuckDB's read_csv, given the file and
 * the options an import gives it (readerInput, readCsvOptions; every column read as text). For each file of
 * the broken-CSV corpus and each generated one, the records that recordSpans and recordFields find (the
 * line numbers and the rejected rows) must be the rows DuckDB reads: as many, with the same fields, in order,
 * less the ones DuckDB rejects, each of which must be one of the splitter's records (found by the reader's
 * count of lines, RecordSpans.readerLines). Where DuckDB rejects nothing, the preview shows the same rows.
 *
 * A file whose records end in more than one way is given to the reader with one kind, as the import gives it
 * (on some such files DuckDB reads on without an error and loses rows), and so is one it stops on for a mix.
 * DuckDB's reader also opens a quoted field after one space (` "a,b"`) and leaves out spaces after the closing
 * quote, and so does the splitter; the generated files check both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from '../db/database';
import { openNodeDatabase } from '../db/node';
import { quoteLiteral } from '../db/sql';
import { importData } from './decode';
import { stoppedOnMixedEndings } from './read-file';
import { previewFile } from './preview-file';
import { ImportError } from './run-import';
import type { ImportPlan } from './plan';
import { readerDialect, recordSpans } from './record-lines';
import { recordAtReaderLine, recordFields } from './rejected-rows';
import { endsRecordsInMoreThanOneWay, readerInput } from './reader-input';
import { clearRejects, readCsvOptions, readerRejects } from './stage-file';
import { stagedName } from './staged-columns';
import { MISSING_TOKENS_EXACT, previewRows, type CsvDialect } from './sniff';
import { randomCsv, seededRandom } from '../test/random-csv';

const DIR = new URL('../../../tests/fixtures/broken/', import.meta.url);
const FILE = 'csv-records-reference.csv';
const MISSING = new Set(MISSING_TOKENS_EXACT);
/** As the reader stores a field: the missing-value spellings (and empty fields) as NULL. */
const stored = (fields: string[]) => fields.map((f) => (MISSING.has(f) ? null : f));

/** The reader reads a row with one field more than the columns, empty or missing (a trailing delimiter, "NA"), without it. */
const asReaderReads = (fields: string[], width: number) =>
	fields.length === width + 1 && MISSING.has(fields[width]) ? fields.slice(0, width) : fields;

/** The plan with every column read as text, so that the reader keeps each field as written. */
const asText = (plan: ImportPlan): ImportPlan => ({
	...plan,
	dateFormat: null,
	columns: plan.columns.map((c) => ({ ...c, role: { kind: 'extra' } }))
});

interface Reading {
	rows: (string | null)[][];
	rejectedLines: Set<number>;
	/** The text as the reader read it: with line endings made one kind when it read it again so. */
	text: string;
}

async function readWithDuckDb(db: Database, source: Blob | string, plan: ImportPlan, unifyLineEndings?: boolean): Promise<Reading> {
	unifyLineEndings ??= await endsRecordsInMoreThanOneWay(source, plan.dialect.delimiter);
	await db.registerFile(FILE, await readerInput(source, { ...readerDialect(plan), unifyLineEndings }));
	await clearRejects(db);
	try {
		const columns = plan.columns.map((c) => stagedName(c.index));
		const rows = await db.query<Record<string, string | null>>(
			`SELECT ${columns.join(', ')} FROM read_csv(${quoteLiteral(FILE)}, ${readCsvOptions(plan)})`
		);
		const text = typeof source === 'string' ? source : await source.text();
		return {
			rows: rows.map((row) => columns.map((c) => row[c])),
			rejectedLines: new Set((await readerRejects(db)).map((r) => r.line)),
			text: unifyLineEndings ? text.replace(/\r\n?/g, '\n') : text
		};
	} catch (error) {
		// As the import does (read-file.ts): the reader may stop on a mix the count does not see, past a quoting mistake.
		if (!unifyLineEndings && stoppedOnMixedEndings(error)) return await readWithDuckDb(db, source, plan, true);
		throw error;
	} finally {
		await db.dropFile(FILE).catch(() => undefined);
	}
}

function expectSameRecords(reading: Reading, plan: ImportPlan) {
	const { text } = reading;
	const spans = recordSpans(text, readerDialect(plan));
	const rejected = new Set(
		[...reading.rejectedLines].map((line) => {
			const index = recordAtReaderLine(spans, line);
			expect(index, `the reader's line ${line} starts a record`).toBeGreaterThanOrEqual(0);
			return index;
		})
	);
	const records = Array.from({ length: spans.count }, (_, k) => k)
		.filter((k) => !rejected.has(k))
		.map((k) => asReaderReads(recordFields(text, spans, k, plan.dialect), plan.columns.length));
	expect(records.map(stored)).toEqual(reading.rows);
	if (reading.rejectedLines.size > 0) return;
	const preview = previewRows(text, plan.dialect, Number.MAX_SAFE_INTEGER);
	expect(preview.rows.map((row) => asReaderReads(row, plan.columns.length))).toEqual(
		records.filter((row) => row.some((v) => v.trim() !== ''))
	);
}

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase({ schema: false });
});

describe('csv-records reads what DuckDB’s read_csv reads', () => {
	const corpus = readdirSync(DIR).filter((name) => /\.(csv|tsv|txt)$/.test(name));

	it.each(corpus)('the broken-CSV corpus: %s', async (name) => {
		const file = new File([readFileSync(new URL(name, DIR))], name);
		let plan: ImportPlan;
		try {
			({ plan } = await previewFile(file));
		} catch (error) {
			// Refused at the preview (empty, binary, no rows): the reader never sees it.
			expect(error).toBeInstanceOf(ImportError);
			return;
		}
		const textPlan = asText(plan);
		expectSameRecords(await readWithDuckDb(db, await importData(file, plan.encoding), textPlan), textPlan);
	});

	// Clean files, files with ragged rows (rejected, the rest read) and files with quoting mistakes: after a
	// quote error DuckDB's recovery (and its line count) is its own, so those are compared when it accepts them.
	it.each([
		['clean', { ragged: false, badQuotes: false }],
		['with ragged rows', { ragged: true, badQuotes: false }],
		['with quoting mistakes', { ragged: false, badQuotes: true }],
		['with lines ending in more than one way', { ragged: false, badQuotes: false, mixedEndings: true }],
		['with a space before quoted fields and spaces after them', { ragged: false, badQuotes: false, spacedQuotes: true }]
	])('generated files, %s: quotes, delimiters and line breaks in fields, CRLF, LF and CR lines, titles, comments', async (_, options) => {
		const random = seededRandom(15);
		let compared = 0;
		// File 592 with quoting mistakes is one the reader stops on past a quoting mistake, its records ending one way.
		for (let n = 0; n < 600; n++) {
			const csv = randomCsv(random, options);
			const dialect: CsvDialect = {
				delimiter: csv.delimiter,
				quote: '"',
				headerLine: csv.headerLine,
				skippedLines: csv.headerLine,
				commentPrefix: csv.commentPrefix,
				rowWidth: csv.width,
				decimalComma: false,
				lineEnding: '\n'
			};
			const plan = asText(planOf(dialect, csv.width));
			const reading = await readWithDuckDb(db, csv.text, plan);
			if (options.badQuotes && reading.rejectedLines.size > 0) continue;
			try {
				expectSameRecords(reading, plan);
			} catch (error) {
				(error as Error).message = `file ${n}: ${JSON.stringify(csv)}\n${(error as Error).message}`;
				throw error;
			}
			compared++;
		}
		expect(compared).toBeGreaterThan(200);
	});
});

function planOf(dialect: CsvDialect, width: number): ImportPlan {
	return {
		fileName: FILE,
		encoding: 'utf-8',
		dialect,
		dateFormat: null,
		shape: 'sessions',
		columns: Array.from({ length: width }, (_, index) => ({
			index,
			header: `h${index}`,
			role: { kind: 'extra' },
			privacy: 'keep',
			identifier: null,
			labels: {}
		})),
		measures: [],
		timepoints: {},
		pairsAre: 'visits',
		measureNames: {},
		conditionForAll: '',
		pseudonymiseClients: false
	};
}
