import type { Database } from '../db/database';
import { quoteIdentifier as q, quoteLiteral } from '../db/sql';
import { MATCH_KEY_SQL } from '../db/schema';
import type { SessionColumns } from './session-columns';

/** Splits a techniques cell: "PNF; positional release", "SCS + TrP", "PNF and SCS". */
export const TECHNIQUE_SEPARATOR = String.raw`(?i)\s*(?:;|\||\+)\s*|\s+and\s+`;

/** A staged column, always qualified: the staging table is aliased `f` (for file) in every statement. */
const col = (column: string) => `f.${q(column)}`;
const text = (column: string | undefined) =>
	column ? `NULLIF(trim(CAST(${col(column)} AS VARCHAR)), '')` : 'NULL';

/**
 * Reads a registered CSV file into a staging table, numbering its data rows from 1 in file order.
 * With `types` (header → DuckDB type) nothing is sniffed, which is much faster.
 */
export async function stageCsv(
	db: Database,
	fileName: string,
	staging: string,
	types?: Record<string, 'VARCHAR' | 'DATE' | 'DOUBLE'>
): Promise<number> {
	const columns = types
		? `, auto_detect = false, delim = ',', quote = '"', dateformat = '%Y-%m-%d', columns = {${Object.entries(types)
				.map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`)
				.join(', ')}}`
		: '';
	await db.exec(
		`CREATE OR REPLACE TEMP TABLE ${q(staging)} AS
		 SELECT row_number() OVER () AS source_row, * FROM read_csv(${quoteLiteral(fileName)}, header = true${columns})`
	);
	const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${q(staging)}`);
	return n;
}

export interface DatasetInfo {
	name: string;
	sourceFile: string | null;
	isDemo: boolean;
}

/**
 * Moves a staged file into the canonical tables as a new dataset, in one transaction:
 * techniques and conditions normalised through the vocabularies, unknown labels kept as written.
 */
export async function insertSessions(
	database: Database,
	staging: string,
	columns: SessionColumns,
	dataset: DatasetInfo
): Promise<{ datasetId: number; sessions: number }> {
	return database.transaction(async (db) => {
		const [{ datasetId, base }] = await db.query<{ datasetId: number; base: number }>(
			`SELECT (SELECT coalesce(max(dataset_id), 0) + 1 FROM datasets)::INTEGER AS "datasetId",
			        (SELECT coalesce(max(session_id), 0) FROM sessions)::BIGINT AS base`
		);
		await db.query(`INSERT INTO datasets VALUES (?, ?, ?, now()::TIMESTAMP, ?)`, [
			datasetId,
			dataset.name,
			dataset.sourceFile,
			dataset.isDemo
		]);

		const client = text(columns.client);
		const date = columns.date ? `TRY_CAST(${col(columns.date)} AS DATE)` : 'NULL';
		const visit = columns.visit
			? `TRY_CAST(${col(columns.visit)} AS INTEGER)`
			: `row_number() OVER (PARTITION BY ${client} ORDER BY ${date} NULLS LAST, f.source_row)`;
		const condition = text(columns.condition);
		await db.query(
			`INSERT INTO sessions
			 SELECT ?::BIGINT + f.source_row, ?::INTEGER, ${client}, ${date}, ${visit},
			        ${text(columns.clinic)}, ${text(columns.therapist)},
			        coalesce(cv.condition, ${condition}),
			        ${columns.duration ? `TRY_CAST(${col(columns.duration)} AS DOUBLE)` : 'NULL'}
			 FROM ${q(staging)} f LEFT JOIN condition_vocabulary cv ON cv.alias = ${MATCH_KEY_SQL(condition)}`,
			[base, datasetId]
		);

		if (columns.techniques) {
			await db.query(
				`INSERT INTO session_techniques
				 SELECT DISTINCT session_id, coalesce(tv.technique, part)
				 FROM (SELECT ?::BIGINT + f.source_row AS session_id,
				              trim(unnest(string_split_regex(${text(columns.techniques)}, ?))) AS part
				       FROM ${q(staging)} f) p
				 LEFT JOIN technique_vocabulary tv ON tv.alias = ${MATCH_KEY_SQL('part')}
				 WHERE part <> ''`,
				[base, TECHNIQUE_SEPARATOR]
			);
		}

		for (const m of columns.measures) {
			const before = m.before ? `TRY_CAST(${col(m.before)} AS DOUBLE)` : 'NULL::DOUBLE';
			const after = m.after ? `TRY_CAST(${col(m.after)} AS DOUBLE)` : 'NULL::DOUBLE';
			await db.query(
				`INSERT INTO measurements
				 SELECT ?::BIGINT + f.source_row, ?, ${before}, ${after} FROM ${q(staging)} f
				 WHERE ${before} IS NOT NULL OR ${after} IS NOT NULL`,
				[base, m.measure]
			);
		}

		const [{ sessions }] = await db.query<{ sessions: number }>(
			'SELECT count(*)::INTEGER AS sessions FROM sessions WHERE dataset_id = ?',
			[datasetId]
		);
		return { datasetId, sessions };
	});
}
