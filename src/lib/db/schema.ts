import type { Database, SqlParam } from './database';
import { DEFAULT_MEASURES, type Measure } from '../domain/measures';
import { TECHNIQUE_SYNONYMS } from '../domain/techniques';
import { CONDITION_SYNONYMS } from '../domain/conditions';

/**
 * The canonical model every import lands in. A measure is a row in `measures`, never a column,
 * so any number of outcome measures fit without a schema change.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS datasets (
	dataset_id INTEGER NOT NULL,
	name VARCHAR NOT NULL,
	source_file VARCHAR,
	imported_at TIMESTAMP NOT NULL,
	is_demo BOOLEAN NOT NULL DEFAULT false,
	-- included in the analysis; several active datasets are analysed together
	active BOOLEAN NOT NULL DEFAULT true,
	rows_read INTEGER,
	rows_imported INTEGER,
	rows_rejected INTEGER,
	rows_duplicate INTEGER
);
CREATE TABLE IF NOT EXISTS sessions (
	session_id BIGINT NOT NULL,
	dataset_id INTEGER NOT NULL,
	client_id VARCHAR NOT NULL,
	session_date DATE,
	visit INTEGER NOT NULL,
	clinic VARCHAR,
	therapist VARCHAR,
	condition VARCHAR,
	duration_min DOUBLE
);
CREATE TABLE IF NOT EXISTS session_techniques (
	session_id BIGINT NOT NULL,
	technique VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS measurements (
	session_id BIGINT NOT NULL,
	measure VARCHAR NOT NULL,
	value_before DOUBLE,
	value_after DOUBLE
);
-- One row per client of a dataset, derived when the dataset is stored (metrics/main-technique.ts).
CREATE TABLE IF NOT EXISTS clients (
	dataset_id INTEGER NOT NULL,
	client_id VARCHAR NOT NULL,
	main_technique VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS session_extras (
	session_id BIGINT NOT NULL,
	name VARCHAR NOT NULL,
	value VARCHAR
);
-- A fingerprint of every imported row, so the same row imported again is counted as a duplicate.
CREATE TABLE IF NOT EXISTS row_hashes (
	dataset_id INTEGER NOT NULL,
	row_hash UBIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (key VARCHAR NOT NULL PRIMARY KEY, value VARCHAR NOT NULL);
CREATE OR REPLACE VIEW active_sessions AS
	SELECT s.* FROM sessions s JOIN datasets d ON d.dataset_id = s.dataset_id WHERE d.active;
CREATE TABLE IF NOT EXISTS measures (
	measure VARCHAR NOT NULL PRIMARY KEY,
	label VARCHAR NOT NULL,
	kind VARCHAR NOT NULL CHECK (kind IN ('pain', 'rom', 'function', 'other')),
	unit VARCHAR NOT NULL,
	scale_min DOUBLE,
	scale_max DOUBLE,
	direction VARCHAR NOT NULL CHECK (direction IN ('lower', 'higher')),
	mcid_points DOUBLE,
	mcid_percent DOUBLE,
	mcid_source VARCHAR
);
CREATE TABLE IF NOT EXISTS technique_vocabulary (alias VARCHAR NOT NULL PRIMARY KEY, technique VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS condition_vocabulary (alias VARCHAR NOT NULL PRIMARY KEY, condition VARCHAR NOT NULL);
`;

/** How a label is matched against a vocabulary: trimmed, inner spaces folded, lower case. */
export const MATCH_KEY_SQL = (expression: string) => `lower(regexp_replace(trim(${expression}), '\\s+', ' ', 'g'))`;

export function vocabularyRows(synonyms: Record<string, string[]>): [string, string][] {
	const rows = new Map<string, string>();
	for (const [canonical, aliases] of Object.entries(synonyms)) {
		for (const alias of [canonical, ...aliases]) rows.set(alias.trim().toLowerCase(), canonical);
	}
	return [...rows];
}

/** One INSERT with every row bound as parameters: `table` is ours, the values are bound. */
async function insertRows(db: Database, table: string, rows: SqlParam[][]): Promise<void> {
	if (rows.length === 0) return;
	const tuple = `(${rows[0].map(() => '?').join(', ')})`;
	await db.query(`INSERT OR IGNORE INTO ${table} VALUES ${rows.map(() => tuple).join(', ')}`, rows.flat());
}

/** A measure as a row of the measures table, in column order. */
export function measureRow(m: Measure): SqlParam[] {
	return [m.measure, m.label, m.kind, m.unit, m.scaleMin, m.scaleMax, m.direction, m.mcidPoints, m.mcidPercent, m.mcidSource];
}

/** Declares measures, the user's declaration replacing a stored one. */
export async function saveMeasures(db: Database, measures: Measure[]): Promise<void> {
	for (const m of measures) await db.query('INSERT OR REPLACE INTO measures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', measureRow(m));
}

/**
 * The version of the model above, kept with the stored data. A store from an older version is brought up
 * to date here when the model changes; one from a newer version of the app is not opened, so that an old
 * copy of the app (a cached page) cannot misread or damage it.
 */
export const SCHEMA_VERSION = 1;

export class NewerStoreError extends Error {
	constructor(found: number) {
		super(
			`The data in this browser were stored by a newer version of Massage outcomes (data model ${found}; this page knows up to ${SCHEMA_VERSION}). Reload the page to get the newer version; nothing was changed.`
		);
		this.name = 'NewerStoreError';
	}
}

/**
 * The model and the defaults seeded into it, as one fingerprint (FNV-1a over their text). A store that holds
 * this fingerprint is opened with two reads and no writes: on a later visit the statements below would cost
 * 0.3–0.5 s of a cold engine, for nothing. Any change to the model or to the defaults seeds again.
 */
export const SEEDED = fingerprint(
	JSON.stringify([SCHEMA_SQL, DEFAULT_MEASURES.map(measureRow), vocabularyRows(TECHNIQUE_SYNONYMS), vocabularyRows(CONDITION_SYNONYMS)])
);

function fingerprint(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return `${(hash >>> 0).toString(16)}-${text.length}`;
}

export async function createSchema(db: Database): Promise<void> {
	const [{ stored }] = await db.query<{ stored: number }>(
		"SELECT count(*)::INTEGER AS stored FROM duckdb_tables() WHERE table_name = 'settings'"
	);
	if (stored) {
		const rows = await db.query<{ key: string; value: string }>(
			"SELECT key, value FROM settings WHERE key IN ('schema_version', 'seeded')"
		);
		const setting = (key: string) => rows.find((r) => r.key === key)?.value;
		const version = Number(setting('schema_version'));
		if (version > SCHEMA_VERSION) throw new NewerStoreError(version);
		if (version === SCHEMA_VERSION && setting('seeded') === SEEDED) return;
	}
	await db.exec(SCHEMA_SQL);
	await insertRows(db, 'measures', DEFAULT_MEASURES.map(measureRow));
	await insertRows(db, 'technique_vocabulary', vocabularyRows(TECHNIQUE_SYNONYMS));
	await insertRows(db, 'condition_vocabulary', vocabularyRows(CONDITION_SYNONYMS));
	await db.query("INSERT OR REPLACE INTO settings VALUES ('schema_version', ?), ('seeded', ?)", [String(SCHEMA_VERSION), SEEDED]);
}
