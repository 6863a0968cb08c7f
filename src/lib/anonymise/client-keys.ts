/**
 * What an export derives from each client, from the browser's pseudonym key (ingest/pseudonym-key.ts):
 * a pseudonym and a date shift. Both are SQL over a relation with `dataset_id` and `client_id`, with the
 * key bound as a parameter, never pasted into the text.
 *
 * Built like the importer's pseudonyms (ingest/staged-columns.ts): `sha256(key || ':' || id)`. The key is
 * 64 hex digits and the dataset id is digits, so `key:dataset:client` never reads two ways. DuckDB's core
 * has sha256 but no HMAC; the key-first construction is safe here because only part of each digest is
 * published, and a length-extension attack needs the whole digest.
 *
 * The pseudonym includes the dataset: client "17" of two files are two people. It takes 16 hex digits
 * (64 bits), not the importer's 12, because an export may hold several datasets' clients: for a million
 * clients the chance that two share a pseudonym is about 3 in 100 million.
 */
import type { SqlParam } from '../db/database';

export interface SqlPart {
	sql: string;
	params: SqlParam[];
}

/** A client's dates move together by a whole number of days in −SHIFT_DAYS..+SHIFT_DAYS (half a year). */
export const SHIFT_DAYS = 182;

const clientText = (alias: string) => `CAST(${alias}.dataset_id AS VARCHAR) || ':' || ${alias}.client_id`;

/** 'P-' and 16 hex digits: stable for one key, different for every client, not reversible without the key. */
export function pseudonymSql(alias: string, key: string): SqlPart {
	return { sql: `'P-' || substr(sha256(? || ':' || ${clientText(alias)}), 1, 16)`, params: [key] };
}

/**
 * The client's shift in days. A different label in the hashed text keeps it unrelated to the pseudonym;
 * 60 bits of the digest taken modulo 365 are uniform to within 1 part in 10^15.
 */
export function dateShiftSql(alias: string, key: string): SqlPart {
	const digest = `sha256(? || ':date-shift:' || ${clientText(alias)})`;
	return {
		sql: `(CAST('0x' || substr(${digest}, 1, 15) AS BIGINT) % ${2 * SHIFT_DAYS + 1} - ${SHIFT_DAYS})::INTEGER`,
		params: [key]
	};
}
