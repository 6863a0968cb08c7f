import type { Database } from '../db/database';
import { insertSessions, stageCsv } from '../ingest/load-sessions';
import type { SessionColumns } from '../ingest/session-columns';

/** Loads an inline CSV (test fixture) as a dataset through the same path real files take. */
export async function loadCsv(db: Database, csv: string, columns: SessionColumns, name = 'fixture') {
	const file = `${name}.csv`;
	await db.registerFile(file, csv);
	await stageCsv(db, file, 'staging_fixture');
	return insertSessions(db, 'staging_fixture', columns, { name, sourceFile: file, isDemo: false });
}

/** Columns of the fixtures below: one row per session, pain and hip flexion before/after. */
export const FIXTURE_COLUMNS: SessionColumns = {
	client: 'client',
	date: 'date',
	condition: 'condition',
	techniques: 'techniques',
	measures: [
		{ measure: 'pain_nprs', before: 'pain_before', after: 'pain_after' },
		{ measure: 'hip_flexion', before: 'hip_before', after: 'hip_after' }
	]
};
