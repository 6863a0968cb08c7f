/**
 * Browser-only: a whole import as the app does it (sample sniffed, plan guessed, every row checked and
 * normalised, the charts' data worked out from memory, then stored in the OPFS database), timed; then the
 * dataset is deleted so the next run starts from the same state. `ms` runs to the charts' data, as the page
 * draws before it stores; `savedMs` to the data stored.
 */
import type { Database } from '../db/database';
import { previewFile } from '../ingest/preview-file';
import { stageImport } from '../ingest/run-import';
import { deleteDataset } from '../datasets/stored-datasets';
import { loadWithImport } from '../cube/staged-cube';
import type { Cube } from '../cube/load-cube';
import { computeDashboard } from '../cube/compute-dashboard';
import { DEFAULT_FILTERS, type Filters } from '../metrics/filters';
import type { ReaderTiming } from './csv-readers';

export interface ImportTiming extends Omit<ReaderTiming, 'reader'> {
	reader: 'full import';
	/** Milliseconds of each part; the last ones (stored…) come after the charts. */
	parts: Record<string, number>;
	/** Milliseconds from the file to its data stored (after the charts). */
	savedMs: number;
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
	const staged = await stageImport(db, file, plan, { secret: 'bench', onStep: next });
	next('cube loaded (from memory)');
	const { cube } = await loadWithImport(db, staged);
	next('dashboard computed');
	computeDashboard(cube, DEFAULT_FILTERS);
	const ms = performance.now() - start;
	// The save names its own step (Storing sessions).
	const outcome = await staged.save();
	next('done');
	const savedMs = performance.now() - start;
	const filterChanges = run === 1 ? timeFilterChanges(cube) : [];
	if (outcome.datasetId !== null) await deleteDataset(db, outcome.datasetId);
	return { reader: 'full import', run, ms, savedMs, rows: outcome.imported, parts, filterChanges };
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
