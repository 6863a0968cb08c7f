/** The datasets stored in this browser: list, include in or leave out of the analysis, delete. */
import type { Database } from '../db/database';
import { loadDemoClinic } from '../demo/load-demo';

export interface StoredDataset {
	datasetId: number;
	name: string;
	sourceFile: string | null;
	importedAt: string;
	isDemo: boolean;
	active: boolean;
	sessions: number;
	clients: number;
	rowsRead: number | null;
	rowsRejected: number | null;
	rowsDuplicate: number | null;
}

export function listDatasets(db: Database): Promise<StoredDataset[]> {
	// Clients from their own table (one row per client of a dataset), not by a distinct count over sessions.
	return db.query<StoredDataset>(`
		SELECT d.dataset_id AS "datasetId", d.name, d.source_file AS "sourceFile", d.imported_at AS "importedAt",
		       d.is_demo AS "isDemo", d.active,
		       coalesce(s.n, 0)::INTEGER AS sessions, coalesce(c.n, 0)::INTEGER AS clients,
		       d.rows_read AS "rowsRead", d.rows_rejected AS "rowsRejected", d.rows_duplicate AS "rowsDuplicate"
		FROM datasets d
		LEFT JOIN (SELECT dataset_id, count(*) AS n FROM sessions GROUP BY dataset_id) s ON s.dataset_id = d.dataset_id
		LEFT JOIN (SELECT dataset_id, count(*) AS n FROM clients GROUP BY dataset_id) c ON c.dataset_id = d.dataset_id
		ORDER BY d.dataset_id`);
}

/** Include a dataset in the analysis or leave it out. The demo is never analysed together with real data. */
export async function setActive(db: Database, datasetId: number, active: boolean): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.query('UPDATE datasets SET active = ? WHERE dataset_id = ?', [active, datasetId]);
		const [{ demo }] = await tx.query<{ demo: boolean }>('SELECT is_demo AS demo FROM datasets WHERE dataset_id = ?', [datasetId]);
		if (active) await tx.query('UPDATE datasets SET active = false WHERE is_demo <> ?', [demo]);
	});
	await db.exec('CHECKPOINT');
}

export async function deleteDataset(db: Database, datasetId: number): Promise<void> {
	await db.transaction(async (tx) => {
		const sessions = 'SELECT session_id FROM sessions WHERE dataset_id = ?';
		await tx.query(`DELETE FROM session_techniques WHERE session_id IN (${sessions})`, [datasetId]);
		await tx.query(`DELETE FROM measurements WHERE session_id IN (${sessions})`, [datasetId]);
		await tx.query(`DELETE FROM session_extras WHERE session_id IN (${sessions})`, [datasetId]);
		await tx.query('DELETE FROM sessions WHERE dataset_id = ?', [datasetId]);
		await tx.query('DELETE FROM row_hashes WHERE dataset_id = ?', [datasetId]);
		await tx.query('DELETE FROM clients WHERE dataset_id = ?', [datasetId]);
		await tx.query('DELETE FROM datasets WHERE dataset_id = ?', [datasetId]);
	});
	await db.exec('CHECKPOINT');
}

/** Brings the demo clinic back, alone: generated again if it was deleted. */
export async function showDemo(db: Database): Promise<void> {
	const [{ demo }] = await db.query<{ demo: number | null }>('SELECT min(dataset_id) AS demo FROM datasets WHERE is_demo');
	if (demo === null) {
		await db.query('UPDATE datasets SET active = false');
		await loadDemoClinic(db);
	} else {
		await setActive(db, demo, true);
	}
	await db.exec('CHECKPOINT');
}
