import type { Database } from '../db/database';
import { runImport } from '../ingest/run-import';
import { guessPlan } from '../ingest/guess-plan';
import { sniffDialect, previewRows } from '../ingest/sniff';
import type { ImportPlan } from '../ingest/plan';

/** The plan the importer would guess for an inline CSV, as the preview shows it before any change. */
export function planFor(csv: string, fileName = 'fixture.csv'): ImportPlan {
	const dialect = sniffDialect(csv);
	return guessPlan({ fileName, encoding: 'utf-8', dialect, preview: previewRows(csv, dialect, 50) });
}

/** Imports an inline CSV (test fixture) through the same path real files take. */
export async function loadCsv(db: Database, csv: string, change: (plan: ImportPlan) => void = () => {}, fileName = 'fixture.csv') {
	const plan = planFor(csv, fileName);
	change(plan);
	return runImport(db, csv, plan, { secret: 'test-secret' });
}
