import { courseOrder } from '../definitions/effects';
import type { Database } from '../db/database';
import { NOT_RECORDED } from '../domain/not-recorded';

export interface ClientSuggestion {
	clientId: string;
	/** The condition of the client's first visit. */
	condition: string;
	sessions: number;
	firstDate: string | null;
	lastDate: string | null;
	/** More than one active dataset has a client with this id. */
	datasets: number;
}

/**
 * Clients of the analysed datasets whose id contains `text` (any case): ids starting with it first,
 * then shorter ids. With no text, the clients with the longest courses, as a starting point.
 */
export async function findClients(db: Database, text: string, limit = 8): Promise<ClientSuggestion[]> {
	const typed = text.trim().toLowerCase();
	const order = typed ? 'starts_with(lower(client_id), ?) DESC, length(client_id), client_id' : 'sessions DESC, client_id';
	return db.query<ClientSuggestion>(
		`SELECT client_id AS "clientId",
		        coalesce(first(condition ORDER BY ${courseOrder('active_sessions')}), '${NOT_RECORDED}') AS condition,
		        count(*)::INTEGER AS sessions,
		        min(session_date) AS "firstDate", max(session_date) AS "lastDate",
		        count(DISTINCT dataset_id)::INTEGER AS datasets
		 FROM active_sessions
		 WHERE contains(lower(client_id), ?)
		 GROUP BY client_id
		 ORDER BY ${order}
		 LIMIT ?`,
		typed ? [typed, typed, limit] : [typed, limit]
	);
}
