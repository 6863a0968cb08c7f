/**
 * The tables the console can query, for its documentation panel. A test holds this equal to the
 * schema (db/schema.ts). Left out on purpose: `settings` (holds the pseudonym key; the console refuses
 * it) and `row_hashes` (fingerprints for counting duplicate imports: bookkeeping, nothing to analyse).
 */
export interface DataModelColumn {
	name: string;
	/** DuckDB's type. */
	type: string;
	meaning: string;
}
export interface DataModelTable {
	name: string;
	kind: 'table' | 'view';
	oneRowPer: string;
	columns: DataModelColumn[];
}

const col = (name: string, type: string, meaning: string): DataModelColumn => ({ name, type, meaning });

const SESSION_COLUMNS = [
	col('session_id', 'BIGINT', 'The session, unique across datasets'),
	col('dataset_id', 'INTEGER', 'The dataset it was imported in'),
	col('client_id', 'VARCHAR', 'The client, within the dataset (pseudonymised if chosen at import)'),
	col('session_date', 'DATE', 'The day of the session; empty when the data have visit numbers only'),
	col('visit', 'INTEGER', "The session's number in the client's course: 1, 2, 3…"),
	col('clinic', 'VARCHAR', 'Where the session took place'),
	col('therapist', 'VARCHAR', 'Who gave it'),
	col('condition', 'VARCHAR', 'What the client came for, with its spelling normalised'),
	col('duration_min', 'DOUBLE', 'Length of the session in minutes')
];

export const DATA_MODEL: DataModelTable[] = [
	{
		name: 'active_sessions',
		kind: 'view',
		oneRowPer: 'session of the datasets ticked for analysis (what the dashboard reads)',
		columns: SESSION_COLUMNS
	},
	{ name: 'sessions', kind: 'table', oneRowPer: 'session, of every stored dataset', columns: SESSION_COLUMNS },
	{
		name: 'session_techniques',
		kind: 'table',
		oneRowPer: 'technique used in a session (a session may have several)',
		columns: [col('session_id', 'BIGINT', 'The session'), col('technique', 'VARCHAR', 'The technique, with its spelling normalised')]
	},
	{
		name: 'measurements',
		kind: 'table',
		oneRowPer: 'outcome measure taken in a session',
		columns: [
			col('session_id', 'BIGINT', 'The session'),
			col('measure', 'VARCHAR', "The measure's id, as in measures.measure (pain_nprs, hip_flexion…)"),
			col('value_before', 'DOUBLE', 'Value before treatment; a value taken once at a visit is stored here'),
			col('value_after', 'DOUBLE', 'Value after treatment, in the same session')
		]
	},
	{
		name: 'measures',
		kind: 'table',
		oneRowPer: 'outcome measure',
		columns: [
			col('measure', 'VARCHAR', 'Its id (pain_nprs, pain_vas, hip_flexion, odi…)'),
			col('label', 'VARCHAR', 'Its name as shown'),
			col('kind', 'VARCHAR', 'pain, rom (range of motion), function or other'),
			col('unit', 'VARCHAR', 'points, mm, °, %…'),
			col('scale_min', 'DOUBLE', 'Lowest possible value, if the scale has one'),
			col('scale_max', 'DOUBLE', 'Highest possible value, if the scale has one'),
			col('direction', 'VARCHAR', 'Which way is better: lower or higher'),
			col('mcid_points', 'DOUBLE', 'Smallest change that matters, in the unit'),
			col('mcid_percent', 'DOUBLE', 'Or as a share of the first value (0.3 = 30%)'),
			col('mcid_source', 'VARCHAR', 'Where that threshold comes from')
		]
	},
	{
		name: 'clients',
		kind: 'table',
		oneRowPer: 'client of a dataset',
		columns: [
			col('dataset_id', 'INTEGER', 'The dataset'),
			col('client_id', 'VARCHAR', 'The client, within the dataset'),
			col('main_technique', 'VARCHAR', "The technique in most of the client's sessions")
		]
	},
	{
		name: 'session_extras',
		kind: 'table',
		oneRowPer: 'extra attribute of a session kept at import (age, sex…)',
		columns: [
			col('session_id', 'BIGINT', 'The session'),
			col('name', 'VARCHAR', "The attribute's name, from the file's header"),
			col('value', 'VARCHAR', 'Its value, as text')
		]
	},
	{
		name: 'datasets',
		kind: 'table',
		oneRowPer: 'imported file, or the demo clinic',
		columns: [
			col('dataset_id', 'INTEGER', 'The dataset'),
			col('name', 'VARCHAR', 'Its name as shown'),
			col('source_file', 'VARCHAR', 'The file it was imported from'),
			col('imported_at', 'TIMESTAMP', 'When it was imported (UTC)'),
			col('is_demo', 'BOOLEAN', 'Whether it is the generated demo clinic'),
			col('active', 'BOOLEAN', 'Whether it is ticked for analysis (its sessions are in active_sessions)'),
			col('rows_read', 'INTEGER', 'Rows read from the file'),
			col('rows_imported', 'INTEGER', 'Rows stored'),
			col('rows_rejected', 'INTEGER', 'Rows refused by the checks'),
			col('rows_duplicate', 'INTEGER', 'Rows already stored by an earlier import')
		]
	},
	{
		name: 'technique_vocabulary',
		kind: 'table',
		oneRowPer: 'known spelling of a technique',
		columns: [
			col('alias', 'VARCHAR', 'A spelling, in lower case (p.n.f., contract-relax…)'),
			col('technique', 'VARCHAR', 'The technique it stands for')
		]
	},
	{
		name: 'condition_vocabulary',
		kind: 'table',
		oneRowPer: 'known spelling of a condition',
		columns: [col('alias', 'VARCHAR', 'A spelling, in lower case (lbp…)'), col('condition', 'VARCHAR', 'The condition it stands for')]
	}
];
