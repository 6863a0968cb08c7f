import type { Database } from '../db/database';
import { insertSessions, stageCsv } from '../ingest/load-sessions';
import { DEMO_COLUMNS, DEMO_TYPES, demoCsv } from './export-csv';
import { generateDemoSessions, type DemoOptions } from './generate';

export const DEMO_DATASET_NAME = 'Demo clinic (generated, not real clients)';
const FILE = 'demo-clinic.csv';
const STAGING = 'staging_demo';

/** Generates the demo clinic and stores it as a dataset flagged as demo. */
export async function loadDemoClinic(db: Database, options: DemoOptions = {}) {
	await db.registerFile(FILE, demoCsv(generateDemoSessions(options)));
	try {
		await stageCsv(db, FILE, STAGING, DEMO_TYPES);
		return await insertSessions(db, STAGING, DEMO_COLUMNS, {
			name: DEMO_DATASET_NAME,
			sourceFile: null,
			isDemo: true
		});
	} finally {
		await db.exec(`DROP TABLE IF EXISTS ${STAGING}`);
		await db.dropFile(FILE);
	}
}
