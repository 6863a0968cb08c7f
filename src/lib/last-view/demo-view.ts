/** The demo clinic's dashboard as a first visit opens it, worked out when the site is built (scripts/demo-view.ts). */
import type { Database } from '../db/database';
import { loadDemoClinic } from '../demo/load-demo';
import { loadCube } from '../cube/load-cube';
import { computeDashboard } from '../cube/compute-dashboard';
import { DEFAULT_FILTERS } from '../metrics/filters';
import { withMeasureInData } from '../metrics/overview';
import { readStoredOverview, type ShownView } from './shown-view';

export async function demoView(db: Database): Promise<ShownView> {
	await loadDemoClinic(db);
	const overview = await readStoredOverview(db);
	const filters = withMeasureInData(DEFAULT_FILTERS, overview.choices);
	return { ...overview, filters, data: computeDashboard(await loadCube(db), filters) };
}
