import type { Database } from '../db/database';

/** What the analysis covers: the datasets included in it. */
export interface StoredData {
	datasets: number;
	clients: number;
	sessions: number;
	/** The analysis shows only the generated demo clinic. */
	demoOnly: boolean;
	firstDate: string | null;
	lastDate: string | null;
}

export async function storedData(db: Database): Promise<StoredData> {
	const [row] = await db.query<StoredData>(`
		SELECT (SELECT count(*) FROM datasets WHERE active)::INTEGER AS datasets,
		       (SELECT count(*) FROM (SELECT DISTINCT dataset_id, client_id FROM active_sessions))::INTEGER AS clients,
		       (SELECT count(*) FROM active_sessions)::INTEGER AS sessions,
		       coalesce((SELECT bool_and(is_demo) FROM datasets WHERE active), false) AS "demoOnly",
		       (SELECT min(session_date) FROM active_sessions) AS "firstDate",
		       (SELECT max(session_date) FROM active_sessions) AS "lastDate"`);
	return row;
}

export async function hasAnyDataset(db: Database): Promise<boolean> {
	const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM datasets');
	return n > 0;
}
