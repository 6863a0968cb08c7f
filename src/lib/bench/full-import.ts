/**
 * Browser-only: a whole import as the app does it (sample sniffed, plan guessed, every row checked,
 * normalised, stored in the OPFS database, the dashboard's queries run again), timed; then the dataset
 * is deleted so the next run starts from the same state.
 */
import type { Database } from '../db/database';
import { previewFile } from '../ingest/preview-file';
import { runImport } from '../ingest/run-import';
import { deleteDataset, listDatasets } from '../datasets/stored-datasets';
import { storedData } from '../metrics/overview';
import { painByTechniqueAndCondition, romByTechniqueAndMovement } from '../metrics/within-session';
import { frequencyByTechniqueAndCondition } from '../metrics/session-frequency';
import type { ReaderTiming } from './csv-readers';

export interface ImportTiming extends Omit<ReaderTiming, 'reader'> {
	reader: 'full import';
	/** Milliseconds of each part. */
	parts: Record<string, number>;
}

export async function timeFullImport(db: Database, file: File, run: number): Promise<ImportTiming> {
	const parts: Record<string, number> = {};
	let mark = performance.now();
	let current = 'sniff';
	const start = mark;
	// Time since the last mark goes to the step that was running.
	const next = (step: string) => {
		const now = performance.now();
		parts[current] = (parts[current] ?? 0) + now - mark;
		mark = now;
		current = step;
	};
	const { plan } = await previewFile(file);
	const outcome = await runImport(db, file, plan, { secret: 'bench', onStep: next });
	next('charts');
	await Promise.all([
		storedData(db),
		listDatasets(db),
		painByTechniqueAndCondition(db),
		romByTechniqueAndMovement(db),
		frequencyByTechniqueAndCondition(db)
	]);
	next('done');
	const ms = performance.now() - start;
	if (outcome.datasetId !== null) await deleteDataset(db, outcome.datasetId);
	return { reader: 'full import', run, ms, rows: outcome.imported, parts };
}
