import type { Database } from '../db/database';

/**
 * The secret behind pseudonyms (a keyed SHA-256 of each id). Made once per browser, stored only in this
 * browser's database: the same client gets the same pseudonym in every import, and nobody without the
 * key can recompute the mapping from a list of real ids.
 */
export async function pseudonymKey(db: Database): Promise<string> {
	const [stored] = await db.query<{ value: string }>("SELECT value FROM settings WHERE key = 'pseudonym_key'");
	if (stored) return stored.value;
	const bytes = crypto.getRandomValues(new Uint8Array(32));
	const key = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
	await db.query("INSERT INTO settings VALUES ('pseudonym_key', ?)", [key]);
	return key;
}
