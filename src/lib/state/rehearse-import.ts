/**
 * A page's first import runs on code the browser has not yet compiled, in the page and in DuckDB's worker.
 * Measured in headless Chromium on the 2-core bench machine: a 1,600-session file took 1.1–1.2 s from
 * confirm to charts as the page's first import, and 0.6–0.75 s after another import. A 20-row first import
 * took as long as the 1,600-row one: the cost is per statement, not per row, and loading the demo clinic
 * does not pay it. So a few made-up sessions go the way of a dropped file (previewed, read and checked, made
 * into a cube and its figures), then are dropped, before the user drops one. Nothing is stored but the
 * pseudonym key the first import would make.
 */
import type { Database } from '../db/database';
import { importData } from '../ingest/decode';
import { previewFile } from '../ingest/preview-file';
import { pseudonymKey } from '../ingest/pseudonym-key';
import { stageImport } from '../ingest/run-import';
import { loadWithImport } from '../cube/staged-cube';
import { computeDashboard } from '../cube/compute-dashboard';
import { DEFAULT_FILTERS } from '../metrics/filters';
import { demoCsv } from '../demo/export-csv';
import { generateDemoSessions } from '../demo/generate';

/** Stops at the next step once `signal` is aborted (the user's own import is waiting), as it would stop on a bad file. */
export async function rehearseImport(db: Database, signal?: AbortSignal): Promise<void> {
	const stopIfAsked = () => signal?.throwIfAborted();
	const secret = await pseudonymKey(db);
	const file = new File([demoCsv(generateDemoSessions({ clients: 3 }))], 'rehearsal.csv', { type: 'text/csv' });
	const { plan } = await previewFile(file);
	stopIfAsked();
	// Demo and real data are never analysed together, and only one kind is in view: staged as the other
	// kind, the rehearsal's cube holds its own sessions only, however many are stored.
	const [{ real }] = await db.query<{ real: number }>('SELECT count(*)::INTEGER AS real FROM datasets WHERE active AND NOT is_demo');
	const data = await importData(file, plan.encoding);
	const staged = await stageImport(db, data, plan, { secret, isDemo: real > 0, onStep: stopIfAsked });
	try {
		stopIfAsked();
		const { cube } = await loadWithImport(db, staged);
		computeDashboard(cube, DEFAULT_FILTERS);
	} finally {
		await staged.discard();
	}
}
