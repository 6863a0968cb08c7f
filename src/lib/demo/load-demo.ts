import type { Database } from '../db/database';
import { runImport } from '../ingest/run-import';
import type { ImportPlan, Role } from '../ingest/plan';
import { newMeasure } from '../ingest/guess-roles';
import { DEMO_HEADER, DEMO_MOVEMENTS, demoCsv } from './export-csv';
import { generateDemoSessions, type DemoOptions } from './generate';

export const DEMO_DATASET_NAME = 'Demo clinic (generated, not real clients)';

const FIXED: Record<string, Role> = {
	client_id: { kind: 'client' },
	session_date: { kind: 'date' },
	clinic: { kind: 'clinic' },
	therapist: { kind: 'therapist' },
	condition: { kind: 'condition' },
	techniques: { kind: 'technique' },
	duration_min: { kind: 'duration' },
	pain_before: { kind: 'measure', measure: 'pain_nprs', timing: 'before' },
	pain_after: { kind: 'measure', measure: 'pain_nprs', timing: 'after' },
	age: { kind: 'extra' },
	sex: { kind: 'extra' },
	weeks_since_onset: { kind: 'extra' }
};

function roleOf(header: string): Role {
	if (FIXED[header]) return FIXED[header];
	const movement = DEMO_MOVEMENTS.find((m) => header.startsWith(`${m}_`))!;
	return { kind: 'measure', measure: movement, timing: header.includes('_before_') ? 'before' : 'after' };
}

/** The demo export's plan: known columns, nothing to guess. */
export const DEMO_PLAN: ImportPlan = {
	fileName: 'demo-clinic.csv',
	encoding: 'utf-8',
	dialect: {
		delimiter: ',',
		quote: '"',
		headerLine: 0,
		skippedLines: 0,
		commentPrefix: null,
		rowWidth: DEMO_HEADER.length,
		decimalComma: false,
		lineEnding: '\n'
	},
	dateFormat: { order: 'ymd', separator: '-', hasTime: false, strftime: '%Y-%m-%d', ambiguous: false },
	shape: 'sessions',
	columns: DEMO_HEADER.map((header, index) => ({ index, header, role: roleOf(header), privacy: 'keep', identifier: null, labels: {} })),
	measures: ['pain_nprs', ...DEMO_MOVEMENTS].map((m) => newMeasure(m, m, '')),
	timepoints: {},
	pairsAre: 'session',
	measureNames: {},
	conditionForAll: '',
	pseudonymiseClients: false
};

/** Generates the demo clinic and stores it, through the same importer as any file, as a dataset flagged as demo. */
export async function loadDemoClinic(db: Database, options: DemoOptions = {}) {
	return runImport(db, demoCsv(generateDemoSessions(options)), DEMO_PLAN, {
		secret: 'demo',
		datasetName: DEMO_DATASET_NAME,
		isDemo: true
	});
}
