import type { Database } from '../db/database';

/** The names of the session extras (age band, sex…) in the datasets analysed, in alphabetical order. */
export async function extraNames(db: Database): Promise<string[]> {
	const rows = await db.query<{ name: string }>(
		`SELECT DISTINCT x.name FROM session_extras x JOIN active_sessions s ON s.session_id = x.session_id ORDER BY x.name`
	);
	return rows.map((r) => r.name);
}
