import type { Database, SqlParam } from '../db/database';

/**
 * A tiny clinic for the console's tests, small enough to work every answer out by hand.
 *
 * Dataset 1 (active): clients A (sessions 1, 2), B (3, 4) and C (5, no date, no length).
 * Dataset 2 (not active): client D (session 6), so active_sessions leaves it out.
 *
 * | session | client | condition       | techniques                           | pain before → after |
 * |---------|--------|-----------------|--------------------------------------|---------------------|
 * | 1       | A      | Lower back pain | Palpation release                    | 7 → 4               |
 * | 2       | A      | Lower back pain | Palpation release, PNF stretching    | 5 → 3               |
 * | 3       | B      | Neck pain       | PNF stretching                       | 6 → 5               |
 * | 4       | B      | Neck pain       | Positional release                   | 4 → 4               |
 * | 5       | C      | Lower back pain | Palpation release                    | 8 → 5.5             |
 * | 6       | D      | Neck pain       | Palpation release                    | 9 → 1               |
 *
 * Session 3 also has cervical rotation 60 → 70.
 */
const DATASETS: SqlParam[][] = [
	[1, 'Test clinic', 'clinic.csv', '2025-02-01 09:30:00', false, true, 6, 5, 1, 0],
	[2, 'Old export', 'old.csv', '2024-12-01 08:00:00', false, false, 1, 1, 0, 0]
];
const SESSIONS: SqlParam[][] = [
	[1, 1, 'A', '2025-01-06', 1, 'North', 'Kim', 'Lower back pain', 45],
	[2, 1, 'A', '2025-01-13', 2, 'North', 'Kim', 'Lower back pain', 30],
	[3, 1, 'B', '2025-01-08', 1, 'South', 'Lee', 'Neck pain', 60],
	[4, 1, 'B', '2025-01-20', 2, 'South', 'Lee', 'Neck pain', 45],
	[5, 1, 'C', null, 1, 'North', 'Lee', 'Lower back pain', null],
	[6, 2, 'D', '2024-11-04', 1, 'North', 'Kim', 'Neck pain', 30]
];
const TECHNIQUES: SqlParam[][] = [
	[1, 'Palpation release'],
	[2, 'Palpation release'],
	[2, 'PNF stretching'],
	[3, 'PNF stretching'],
	[4, 'Positional release'],
	[5, 'Palpation release'],
	[6, 'Palpation release']
];
const MEASUREMENTS: SqlParam[][] = [
	[1, 'pain_nprs', 7, 4],
	[2, 'pain_nprs', 5, 3],
	[3, 'pain_nprs', 6, 5],
	[3, 'cervical_rotation', 60, 70],
	[4, 'pain_nprs', 4, 4],
	[5, 'pain_nprs', 8, 5.5],
	[6, 'pain_nprs', 9, 1]
];
const CLIENTS: SqlParam[][] = [
	[1, 'A', 'Palpation release'],
	[1, 'B', 'PNF stretching'],
	[1, 'C', 'Palpation release'],
	[2, 'D', 'Palpation release']
];
const EXTRAS: SqlParam[][] = [
	[1, 'age', '42'],
	[3, 'age', '35']
];

async function insert(db: Database, table: string, rows: SqlParam[][]): Promise<void> {
	const tuple = `(${rows[0].map(() => '?').join(', ')})`;
	await db.query(`INSERT INTO ${table} VALUES ${rows.map(() => tuple).join(', ')}`, rows.flat());
}

/** Inserts the clinic above into a database that has the schema (openNodeDatabase() creates it). */
export async function insertTestClinic(db: Database): Promise<void> {
	await insert(db, 'datasets', DATASETS);
	await insert(db, 'sessions', SESSIONS);
	await insert(db, 'session_techniques', TECHNIQUES);
	await insert(db, 'measurements', MEASUREMENTS);
	await insert(db, 'clients', CLIENTS);
	await insert(db, 'session_extras', EXTRAS);
}
