/**
 * Browser-only: a whole import as the app does it (sample sniffed, plan guessed, every row checked,
 * normalised, stored in the OPFS database, the dashboard's queries run again), timed; then the dataset
 * is deleted so the next run starts from the same state.
 */
import type { Database } from '../db/database';
import { previewFile } from '../ingest/preview-file';
import { runImport } from '../ingest/run-import';
import { deleteDataset, listDatasets } from '../datasets/stored-datasets';
import { filterChoices, storedData } from '../metrics/overview';
import { loadCube, type Cube } from '../cube/load-cube';
import { computeDashboard } from '../cube/compute-dashboard';
import { DEFAULT_FILTERS, type Filters } from '../metrics/filters';
import type { ReaderTiming } from './csv-readers';

export interface ImportTiming extends Omit<ReaderTiming, 'reader'> {
	reader: 'full import';
	/** Milliseconds of each part. */
	parts: Record<string, number>;
	/** Milliseconds to recompute the dashboard after each of a series of filter changes (first run only). */
	filterChanges: number[];
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
	next('overview queries');
	await Promise.all([storedData(db), listDatasets(db), filterChoices(db)]);
	next('cube loaded');
	const cube = await loadCube(db);
	next('dashboard computed');
	computeDashboard(cube, DEFAULT_FILTERS);
	next('done');
	const ms = performance.now() - start;
	const filterChanges = run === 1 ? timeFilterChanges(cube) : [];
	if (outcome.datasetId !== null) await deleteDataset(db, outcome.datasetId);
	return { reader: 'full import', run, ms, rows: outcome.imported, parts, filterChanges };
}

/** A clinic owner's clicks: each filter change recomputes everything the dashboard draws. */
const FILTER_CHANGES: Partial<Filters>[] = [
	{ conditions: ['Lower back pain'] },
	{ conditions: ['Lower back pain'], clinics: ['Harbour Street'] },
	{ from: '2025-03-01', to: '2025-06-30' },
	{ by: 'therapist' },
	{ techniques: ['PNF stretching'] },
	{ measure: 'hip_flexion' },
	{}
];

function timeFilterChanges(cube: Cube): number[] {
	const times: number[] = [];
	for (const change of FILTER_CHANGES) {
		const start = performance.now();
		computeDashboard(cube, { ...DEFAULT_FILTERS, ...change });
		times.push(performance.now() - start);
	}
	return times;
}
