import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openNodeDatabase } from '../db/node';
import { checkReadOnly } from './read-only-sql';
import { runConsole } from './run-console';
import { insertTestClinic } from './test-clinic';
import { EXAMPLE_QUERIES } from './example-queries';

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
	await insertTestClinic(db);
});

const example = (title: string) => EXAMPLE_QUERIES.find((e) => e.title === title)!.sql;

describe('example queries', () => {
	it.each(EXAMPLE_QUERIES.map((e) => [e.title, e.sql]))('%s: passes the check and returns rows', async (_, sql) => {
		expect(checkReadOnly(sql).ok).toBe(true);
		const result = await runConsole(db, sql);
		expect(result).toMatchObject({ total: expect.any(Number) });
		expect((result as { total: number }).total).toBeGreaterThan(0);
	});

	it('pain relief per technique: before − after, active datasets only', async () => {
		const result = await runConsole(db, example('Pain relief within a session, per technique'));
		// Palpation release: sessions 1 (7 − 4 = 3), 2 (5 − 3 = 2), 5 (8 − 5.5 = 2.5): 7.5 / 3 = 2.5, clients A and C
		//   (session 6, 9 − 1 = 8, is in the inactive dataset and left out)
		// PNF stretching: sessions 2 (2) and 3 (6 − 5 = 1): 3 / 2 = 1.5, clients A and B
		// Positional release: session 4 (4 − 4 = 0), client B
		expect(result).toMatchObject({
			rows: [
				{ technique: 'Palpation release', sessions: 3, clients: 2, mean_pain_relief: 2.5 },
				{ technique: 'PNF stretching', sessions: 2, clients: 2, mean_pain_relief: 1.5 },
				{ technique: 'Positional release', sessions: 1, clients: 1, mean_pain_relief: 0 }
			]
		});
	});

	it('sessions per client and clients per condition', async () => {
		expect(await runConsole(db, example('Sessions per client'))).toMatchObject({
			rows: [
				{ dataset_id: 1, client_id: 'A', sessions: 2, first_session: '2025-01-06', last_session: '2025-01-13' },
				{ dataset_id: 1, client_id: 'B', sessions: 2, first_session: '2025-01-08', last_session: '2025-01-20' },
				{ dataset_id: 1, client_id: 'C', sessions: 1, first_session: null, last_session: null }
			]
		});
		// Lower back pain: A (2 sessions) and C (1); Neck pain: B (2); D's neck pain is not active
		expect(await runConsole(db, example('Clients per condition'))).toMatchObject({
			rows: [
				{ condition: 'Lower back pain', clients: 2, sessions: 3 },
				{ condition: 'Neck pain', clients: 1, sessions: 2 }
			]
		});
	});
});
