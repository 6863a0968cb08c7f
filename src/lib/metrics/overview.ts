import type { Database } from '../db/database';

export interface StoredData {
	datasets: number;
	clients: number;
	sessions: number;
	/** Every stored dataset is the generated demo clinic. */
	demoOnly: boolean;
	firstDate: string | null;
	lastDate: string | null;
}

export async function storedData(db: Database): Promise<StoredData> {
	const [row] = await db.query<StoredData>(`
		SELECT (SELECT count(*) FROM datasets)::INTEGER AS datasets,
		       (SELECT count(*) FROM (SELECT DISTINCT dataset_id, client_id FROM sessions))::INTEGER AS clients,
		       (SELECT count(*) FROM sessions)::INTEGER AS sessions,
		       coalesce((SELECT bool_and(is_demo) FROM datasets), false) AS "demoOnly",
		       (SELECT min(session_date) FROM sessions) AS "firstDate",
		       (SELECT max(session_date) FROM sessions) AS "lastDate"`);
	return row;
}
