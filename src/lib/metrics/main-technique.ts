import type { Database } from '../db/database';
import { NOT_RECORDED } from '../domain/not-recorded';

/**
 * Each client's main technique: the one in most of their sessions (ties alphabetical). Techniques are
 * compared between clients grouped this way, so a client who once had a second technique as an add-on
 * does not count as a client of that technique too. Worked out once per dataset, when it is stored.
 */
export async function summariseClients(db: Database, datasetId: number): Promise<void> {
	await db.query(
		`INSERT INTO clients
		 SELECT c.dataset_id, c.client_id, coalesce(u.technique, '${NOT_RECORDED}')
		 FROM (SELECT DISTINCT dataset_id, client_id FROM sessions WHERE dataset_id = ?) c
		 LEFT JOIN (
			SELECT dataset_id, client_id, first(technique ORDER BY n DESC, technique) AS technique
			FROM (
				SELECT s.dataset_id, s.client_id, t.technique, count(*) AS n
				FROM sessions s JOIN session_techniques t ON t.session_id = s.session_id
				WHERE s.dataset_id = ?
				GROUP BY ALL
			)
			GROUP BY dataset_id, client_id
		 ) u USING (dataset_id, client_id)`,
		[datasetId, datasetId]
	);
}
