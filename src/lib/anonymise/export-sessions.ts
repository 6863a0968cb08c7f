/**
 * The analysed sessions as a tidy table for a researcher: one row per session × measure, under the
 * dashboard's filters. A session with no measurement is kept as one row with an empty measure, so the
 * attendance behind the frequency figures survives the export.
 *
 * Pseudonyms and date shifts are worked out by DuckDB in the same query (client-keys.ts): once per
 * client, vectorised, before any row reaches JavaScript. Hashing in JavaScript would mean one awaited
 * WebCrypto digest per client (100k promises) after the rows arrived; and sha256 in SQL is exactly the
 * function the importer uses.
 */
import type { Database, SqlParam } from '../db/database';
import { type Filters } from '../metrics/filters';
import { filteredSessions } from '../metrics/filter-sql';
import { pseudonymKey } from '../ingest/pseudonym-key';
import { dateShiftSql, pseudonymSql, type SqlPart } from './client-keys';
import { quoteIdentifier } from '../db/sql';
import { neutralisedSql } from '../export/csv-sql';
import type { Cell, ExportTable, TableColumn } from '../export/export-table';

export interface ExportOptions {
	/** Replace each client id with a keyed pseudonym. */
	pseudonymise: boolean;
	/** Move each client's dates by their own shift (SHIFT_DAYS), keeping every interval. */
	shiftDates: boolean;
	/** Session extras to add as columns, by name (extraNames lists them). */
	extras?: readonly string[];
}

const FIXED: TableColumn[] = [
	{ name: 'client', type: 'text' },
	{ name: 'session_number', type: 'integer' },
	{ name: 'date', type: 'date' },
	{ name: 'dataset', type: 'text' },
	{ name: 'clinic', type: 'text' },
	{ name: 'therapist', type: 'text' },
	{ name: 'condition', type: 'text' },
	{ name: 'techniques', type: 'text' },
	{ name: 'measure', type: 'text' },
	{ name: 'value_before', type: 'number' },
	{ name: 'value_after', type: 'number' }
];

/** An extra named like a fixed column (or another extra) gets " (extra)", then a number, appended. */
export function exportColumns(extras: readonly string[]): TableColumn[] {
	const taken = new Set(FIXED.map((c) => c.name));
	const columns = [...FIXED];
	for (const name of extras) {
		let unique = name;
		for (let n = 1; taken.has(unique); n++) unique = n === 1 ? `${name} (extra)` : `${name} (extra ${n})`;
		taken.add(unique);
		columns.push({ name: unique, type: 'text' });
	}
	return columns;
}

/**
 * The export as one statement. Its columns are c0, c1… in the order of `exportColumns(extras)`, so an
 * extra's name (user text) is only ever a bound value. `key` is needed only to pseudonymise or shift.
 */
export function exportSessionsSql(filters: Filters, options: ExportOptions, key: string, as: 'rows' | 'csv' = 'rows'): SqlPart {
	const from = filteredSessions(filters);
	const extras = options.extras ?? [];
	const columns = exportColumns(extras);
	const client = options.pseudonymise ? pseudonymSql('p', key) : { sql: 'p.client_id', params: [] };
	const shift = options.shiftDates ? dateShiftSql('p', key) : { sql: '0', params: [] };
	const extraColumns = extras.map((_, i) => `max(x.value) FILTER (WHERE x.name = ?) AS e${i}`);
	const extrasCte = extras.length
		? `, extras AS (SELECT x.session_id, ${extraColumns.join(', ')} FROM session_extras x
		             WHERE x.session_id IN (SELECT session_id FROM f) GROUP BY x.session_id)`
		: '';
	const selected = [
		'k.client',
		's.visit',
		's.session_date + k.shift',
		'd.name',
		's.clinic',
		's.therapist',
		's.condition',
		't.techniques',
		'm.measure',
		'm.value_before',
		'm.value_after',
		...extras.map((_, i) => `e.e${i}`)
	];
	// Rows follow the exported client, never the raw id: raw ids in order (C0001, C0002…) would let
	// anyone with the clinic's list match pseudonyms back to people by position.
	const sql = `
		WITH f AS (SELECT * FROM ${from.sql}),
		keyed AS (SELECT p.dataset_id, p.client_id, ${client.sql} AS client, ${shift.sql} AS shift
		          FROM (SELECT DISTINCT dataset_id, client_id FROM f) p),
		-- sorting the list, then joining it: about ten times faster than string_agg(… ORDER BY …)
		techniques AS (SELECT t.session_id, array_to_string(list_sort(list(t.technique)), '; ') AS techniques
		               FROM session_techniques t WHERE t.session_id IN (SELECT session_id FROM f) GROUP BY t.session_id)
		${extrasCte}
		SELECT ${selected.map((expression, i) => (as === 'rows' ? `${expression} AS c${i}` : csvColumn(expression, columns[i]))).join(', ')}
		FROM f s
		JOIN keyed k ON k.dataset_id = s.dataset_id AND k.client_id = s.client_id
		JOIN datasets d ON d.dataset_id = s.dataset_id
		LEFT JOIN techniques t ON t.session_id = s.session_id
		LEFT JOIN measurements m ON m.session_id = s.session_id
		${extras.length ? 'LEFT JOIN extras e ON e.session_id = s.session_id' : ''}
		ORDER BY d.name, s.dataset_id, k.client, s.visit, s.session_date, m.measure NULLS FIRST`;
	const params: SqlParam[] = [...from.params, ...client.params, ...shift.params, ...extras];
	return { sql, params };
}

/**
 * A column of the CSV file DuckDB writes: named for the reader (names are quoted, never pasted), and a
 * text cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe, as
 * export/csv.ts does for files written in JavaScript.
 */
function csvColumn(expression: string, column: TableColumn): string {
	return `${column.type === 'text' ? neutralisedSql(expression) : expression} AS ${quoteIdentifier(column.name)}`;
}

/** The export as a CSV file written by DuckDB: fast and small in memory however many sessions there are. */
export async function exportSessionsCsv(db: Database, filters: Filters, options: ExportOptions, key?: string): Promise<Uint8Array> {
	const secret = key ?? (options.pseudonymise || options.shiftDates ? await pseudonymKey(db) : '');
	const { sql, params } = exportSessionsSql(filters, options, secret, 'csv');
	return db.csvOf(sql, params);
}

/** The filtered sessions as an export table; pseudonyms and shifts come from this browser's key. */
export async function exportSessions(db: Database, filters: Filters, options: ExportOptions): Promise<ExportTable> {
	const key = options.pseudonymise || options.shiftDates ? await pseudonymKey(db) : '';
	return exportSessionsWithKey(db, filters, options, key);
}

/** As exportSessions, with the key given: for tests, which need to know it. */
export async function exportSessionsWithKey(db: Database, filters: Filters, options: ExportOptions, key: string): Promise<ExportTable> {
	const columns = exportColumns(options.extras ?? []);
	const { sql, params } = exportSessionsSql(filters, options, key);
	const rows = await db.query<Record<string, Cell>>(sql, params);
	return { columns, rows: rows.map((row) => columns.map((_, i) => row[`c${i}`])) };
}
