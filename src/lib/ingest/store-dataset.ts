/** The store step: the staged sessions written as one dataset, in one transaction. */
import type { Database } from '../db/database';
import type { ImportPlan } from './plan';
import { saveMeasures } from '../db/schema';
import { storeSessions, type SessionSource } from './store-sessions';
import type { ImportCounts, ImportOptions } from './import-outcome';

/** Where the staged dataset goes: its id and the session id its keys are added to. */
export interface Slot {
	datasetId: number;
	base: number;
}

/** The next dataset id and the last session id: nothing else writes datasets or sessions until the save. */
export async function nextSlot(db: Database): Promise<Slot> {
	const [slot] = await db.query<Slot>(
		`SELECT (SELECT coalesce(max(dataset_id), 0) + 1 FROM datasets)::INTEGER AS "datasetId",
		        (SELECT coalesce(max(session_id), 0) FROM sessions)::BIGINT AS base`
	);
	return slot;
}

export async function storeDataset(db: Database, plan: ImportPlan, counts: ImportCounts, options: ImportOptions, source: SessionSource) {
	const isDemo = options.isDemo ?? false;
	return db.transaction(async (tx) => {
		const { datasetId: id, base } = await nextSlot(tx);
		// Real data is never shown mixed with the demo clinic.
		await tx.query('UPDATE datasets SET active = false WHERE is_demo <> ?', [isDemo]);
		await tx.query(`INSERT INTO datasets VALUES (?, ?, ?, now()::TIMESTAMP, ?, true, ?, ?, ?, ?)`, [
			id,
			options.datasetName ?? plan.fileName,
			isDemo ? null : plan.fileName,
			isDemo,
			counts.read,
			counts.imported,
			counts.rejected,
			counts.duplicates
		]);
		await saveMeasures(tx, plan.measures);
		await storeSessions(tx, plan, source, id, base, options.secret);
		const [{ sessions }] = await tx.query<{ sessions: number }>('SELECT count(*)::INTEGER AS sessions FROM sessions WHERE dataset_id = ?', [
			id
		]);
		return { id, sessions };
	});
}
