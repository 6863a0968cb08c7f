/**
 * `trimmed` skips DuckDB's trim() where it would change nothing. Its results must be trim()'s exactly: the
 * stored fingerprints of earlier imports were made with trim(), and a re-imported row must hash the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadCsv } from '../test/fixtures';
import { trimmed } from './staged-columns';

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
});

const VALUES = [
	'Harbour Street',
	' Harbour Street',
	'Harbour Street ',
	'  ',
	'',
	'\tTab\t',
	'\u00a0no-break space\u00a0',
	'\u3000ideographic\u3000',
	'\u2009thin\u2009space',
	'Zoë',
	' Zoë ',
	'Zoë\u00a0',
	'émile',
	'日本語',
	'x',
	' ',
	'a\u00a0b'
];

describe('trimmed', () => {
	it('gives what trim() gives, for ASCII and Unicode spaces at either end, inside, and none', async () => {
		const rows = await db.query<{ v: string | null; fast: string | null; slow: string | null }>(
			`SELECT v, ${trimmed('v')} AS fast, trim(v) AS slow FROM (SELECT unnest([${VALUES.map(() => '?').join(', ')}, NULL]) AS v)`,
			VALUES
		);
		expect(rows).toHaveLength(VALUES.length + 1);
		for (const r of rows) expect(r.fast, JSON.stringify(r.v)).toBe(r.slow);
		// trim() takes Unicode spaces, not tabs: the reference is DuckDB's, whatever JavaScript's trim() does.
		expect(rows.find((r) => r.v === '\u3000ideographic\u3000')?.slow).toBe('ideographic');
		expect(rows.find((r) => r.v === '\tTab\t')?.slow).toBe('\tTab\t');
	});

	it('leaves the fingerprints of imported rows as trim() made them', async () => {
		const csv =
			'client,date,clinic,therapist,technique,condition,duration,pain_before,pain_after,sex\n C1 ,2025-01-02,Harbour Street , Zoë,PNF,\u00a0LBP,45,6,4,F\nC2,2025-01-03,\u3000Riverside,Émile,SCS + TrP,Neck pain,60,5,3, M\n';
		await loadCsv(db, csv, () => {}, 'spaces.csv');
		// The fingerprint as it was made before: trim() on every text field, in the order of fingerprintExpression.
		await db.registerFile('spaces-again.csv', csv);
		const expected = await db.query<{ h: string }>(
			`SELECT hash(NULLIF(trim(CAST(client AS VARCHAR)), ''), NULLIF(trim(CAST(date AS VARCHAR)), ''), NULL, NULL,
			             NULLIF(trim(CAST(clinic AS VARCHAR)), ''), NULLIF(trim(CAST(therapist AS VARCHAR)), ''),
			             NULLIF(trim(CAST(technique AS VARCHAR)), ''), NULLIF(trim(CAST(condition AS VARCHAR)), ''),
			             NULLIF(trim(CAST(duration AS VARCHAR)), ''), '1 pain_nprs|after|', pain_after, '1 pain_nprs|before|', pain_before,
			             '2 sex', sex)::VARCHAR AS h
			 FROM read_csv('spaces-again.csv', header = true, columns = {'client': 'VARCHAR', 'date': 'DATE', 'clinic': 'VARCHAR',
			      'therapist': 'VARCHAR', 'technique': 'VARCHAR', 'condition': 'VARCHAR', 'duration': 'DOUBLE', 'pain_before': 'DOUBLE',
			      'pain_after': 'DOUBLE', 'sex': 'VARCHAR'})
			 ORDER BY 1`
		);
		const stored = await db.query<{ h: string }>('SELECT row_hash::VARCHAR AS h FROM row_hashes ORDER BY 1');
		expect(expected).toHaveLength(2);
		expect(stored).toEqual(expected);
	});
});
