import type { Database } from '../db/database';
import { quoteLiteral } from '../db/sql';
import { MISSING_TOKENS_EXACT, NUMBER_PATTERNS } from './sniff';
import type { ColumnPlan, ImportPlan } from './plan';
import { stagedName } from './staged-columns';

export const READER_REJECTS = 'import_rejects';
const READER_SCANS = 'import_scans';

/** The reader's tables, once the import is saved or discarded. */
export const dropReaderTables = (db: Database) => db.exec(`DROP TABLE IF EXISTS ${READER_REJECTS}; DROP TABLE IF EXISTS ${READER_SCANS};`);

type StagedType = 'VARCHAR' | 'DOUBLE' | 'DATE' | 'TIMESTAMP';

const isNumeric = (c: ColumnPlan) => c.role.kind === 'measure' || c.role.kind === 'measure value' || c.role.kind === 'duration';

export function stagedType(c: ColumnPlan, plan: ImportPlan): StagedType {
	if (c.role.kind === 'date') return plan.dateFormat?.hasTime ? 'TIMESTAMP' : 'DATE';
	// The reader's DOUBLE takes 1234.5 but not 1.234,5 or 1,234.5: such columns are read as text and parsed below.
	if (isNumeric(c)) return plan.dialect.groupedThousands ? 'VARCHAR' : 'DOUBLE';
	return 'VARCHAR';
}

/** Numeric columns read as text, because the file groups thousands: each keeps its text as `c<i>_text` for messages. */
export function textNumberColumns(plan: ImportPlan): ColumnPlan[] {
	return plan.dialect.groupedThousands ? plan.columns.filter(isNumeric) : [];
}

/** An RE2 pattern from one of ours (\uXXXX becomes \x{XXXX}), as an SQL literal. */
const pattern = (re: RegExp) => quoteLiteral(re.source.replace(/\\u([0-9a-f]{4})/g, '\\x{$1}'));

/** parseNumber (sniff.ts) in SQL: "1.234,5" with a decimal comma, "1,234.5" or "1 234" → a DOUBLE; NULL when not a number. */
export function numberSql(text: string, decimalComma: boolean): string {
	const p = NUMBER_PATTERNS;
	const trimmed = `trim(${text})`;
	const spaces = `CASE WHEN regexp_full_match(${trimmed}, ${pattern(p.groupedBySpaces)}) THEN regexp_replace(${trimmed}, '[ \u00a0\u202f]', '', 'g') ELSE ${trimmed} END`;
	const plain = decimalComma
		? `regexp_replace(CASE WHEN regexp_full_match(${spaces}, ${pattern(p.groupedByDots)}) THEN replace(${spaces}, '.', '') ELSE ${spaces} END, ',', '.')`
		: `CASE WHEN regexp_full_match(${spaces}, ${pattern(p.groupedByCommas)}) THEN replace(${spaces}, ',', '') ELSE ${spaces} END`;
	return `CASE WHEN regexp_full_match(${plain}, ${pattern(p.plain)}, 'i') THEN CAST(${plain} AS DOUBLE) END`;
}

/** read_csv options for the plan: every value here is ours or a quoted literal, never raw user text. */
export function readCsvOptions(plan: ImportPlan): string {
	const { dialect, dateFormat } = plan;
	const columns = plan.columns.map((c) => `${quoteLiteral(stagedName(c.index))}: '${stagedType(c, plan)}'`).join(', ');
	const options = [
		'header = false',
		`skip = ${dialect.headerLine + 1}`,
		'auto_detect = false',
		`delim = ${quoteLiteral(dialect.delimiter)}`,
		`quote = '"'`,
		`escape = '"'`,
		`columns = {${columns}}`,
		`nullstr = [${MISSING_TOKENS_EXACT.map(quoteLiteral).join(', ')}]`,
		'store_rejects = true',
		`rejects_table = '${READER_REJECTS}'`,
		`rejects_scan = '${READER_SCANS}'`
	];
	if (dialect.decimalComma) options.push(`decimal_separator = ','`);
	if (dateFormat) options.push(`${dateFormat.hasTime ? 'timestampformat' : 'dateformat'} = ${quoteLiteral(dateFormat.strftime)}`);
	return options.join(', ');
}

/**
 * The registered file as a table expression aliased `f`: one typed column per file column (c0, c1, …),
 * rows numbered in file order. Lines DuckDB cannot read (wrong number of fields, a value that is not a
 * number or a date) land in the rejects table with their line number and reason.
 */
export function stagedFile(fileName: string, plan: ImportPlan): string {
	const numbers = textNumberColumns(plan);
	const parsed = numbers.map((c) => `${numberSql(stagedName(c.index), plan.dialect.decimalComma)} AS ${stagedName(c.index)}`);
	const texts = numbers.map((c) => `, ${stagedName(c.index)} AS ${stagedName(c.index)}_text`).join('');
	const columns = parsed.length ? `* REPLACE (${parsed.join(', ')})${texts}` : '*';
	return `(SELECT row_number() OVER () AS source_row, ${columns} FROM read_csv(${quoteLiteral(fileName)}, ${readCsvOptions(plan)})) f`;
}

export async function clearRejects(db: Database): Promise<void> {
	await db.exec(`DROP TABLE IF EXISTS ${READER_REJECTS}; DROP TABLE IF EXISTS ${READER_SCANS};`);
}

/** Distinct values of one column, read straight from the file (for timepoints and measure names beyond the preview). */
export async function distinctInFile(db: Database, fileName: string, plan: ImportPlan, index: number): Promise<string[]> {
	const options = readCsvOptions(plan).replace(/store_rejects = true, rejects_table = '\w+', rejects_scan = '\w+'/, 'ignore_errors = true');
	const rows = await db.query<{ v: string }>(
		`SELECT DISTINCT trim(c${index}) AS v FROM read_csv(${quoteLiteral(fileName)}, ${options}) WHERE c${index} IS NOT NULL ORDER BY 1 LIMIT 10000`
	);
	return rows.map((r) => r.v);
}

export interface ReaderReject {
	line: number;
	column: number | null;
	errorType: string;
	message: string;
}

export async function readerRejects(db: Database): Promise<ReaderReject[]> {
	const exists = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = '${READER_REJECTS}'`);
	if (exists[0].n === 0) return [];
	return db.query<ReaderReject>(
		`SELECT line::INTEGER AS line, column_idx::INTEGER AS "column", error_type::VARCHAR AS "errorType",
		        error_message AS message
		 FROM ${READER_REJECTS} ORDER BY line, column_idx`
	);
}
