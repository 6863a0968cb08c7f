import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadCsv } from '../test/fixtures';
import { painByTechniqueAndCondition, romByTechniqueAndMovement } from './within-session';
import { frequencyByTechniqueAndCondition } from './session-frequency';

// Three clients, written the way clinics write: synonyms, stray spaces, NA, a missing ROM.
const CSV = `client,date,condition,techniques,pain_before,pain_after,hip flexion before,hip flexion after
A,2025-01-06,LBP,PNF,6,4,90,98
A,2025-01-20,low back pain,PNF,5,4,92,96
B,2025-01-07,Lower back pain ,p.n.f.; SCS,8,5,,
C,2025-01-08,Sciatica,Strain-counterstrain,7,6.5,100,103
C,2025-02-07,sciatica,strain counterstrain,6,NA,101,104
`;

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadCsv(db, CSV);
});

describe('loading sessions', () => {
	it('normalises conditions and techniques, numbers visits by date', async () => {
		const rows = await db.query(
			`SELECT client_id, visit, condition, list(technique ORDER BY technique) AS techniques
			 FROM sessions JOIN session_techniques USING (session_id) GROUP BY ALL ORDER BY client_id, visit`
		);
		expect(rows).toEqual([
			{ client_id: 'A', visit: 1, condition: 'Lower back pain', techniques: ['PNF stretching'] },
			{ client_id: 'A', visit: 2, condition: 'Lower back pain', techniques: ['PNF stretching'] },
			{ client_id: 'B', visit: 1, condition: 'Lower back pain', techniques: ['PNF stretching', 'Positional release'] },
			{ client_id: 'C', visit: 1, condition: 'Sciatica', techniques: ['Positional release'] },
			{ client_id: 'C', visit: 2, condition: 'Sciatica', techniques: ['Positional release'] }
		]);
	});

	it('keeps every measurement that has a before or an after value', async () => {
		const [row] = await db.query(
			`SELECT count(*) FILTER (WHERE measure = 'pain_nprs')::INTEGER AS pain,
			        count(*) FILTER (WHERE measure = 'hip_flexion')::INTEGER AS hip,
			        count(*) FILTER (WHERE value_after IS NULL)::INTEGER AS no_after
			 FROM measurements`
		);
		expect(row).toEqual({ pain: 5, hip: 4, no_after: 1 });
	});
});

describe('immediate (within-session) change', () => {
	it('averages within each client first, then over the clients of each main technique', async () => {
		const { rows, totals } = await painByTechniqueAndCondition(db);
		expect(totals).toEqual({ clients: 3, sessions: 4 });
		expect(rows).toEqual([
			// A: (6−4 + 5−4)/2 = 1.5; B: 8−5 = 3; mean over clients (1.5 + 3)/2 = 2.25.
			// B's one session had PNF and SCS: a 1–1 tie, so B's main technique is the alphabetical first, PNF.
			{ technique: 'PNF stretching', group: 'Lower back pain', unit: 'points', meanChange: 2.25, clients: 2, sessions: 3 },
			// C: 7 − 6.5 = 0.5; the session without an after value does not count
			{ technique: 'Positional release', group: 'Sciatica', unit: 'points', meanChange: 0.5, clients: 1, sessions: 1 }
		]);
	});

	it('signs range of motion so that a gain is positive, grouped by movement', async () => {
		const { rows } = await romByTechniqueAndMovement(db);
		expect(rows).toEqual([
			// A: (98−90 + 96−92)/2 = 6
			{ technique: 'PNF stretching', group: 'Hip flexion', unit: '°', meanChange: 6, clients: 1, sessions: 2 },
			// C: (103−100 + 104−101)/2 = 3
			{ technique: 'Positional release', group: 'Hip flexion', unit: '°', meanChange: 3, clients: 1, sessions: 2 }
		]);
	});
});

describe('session frequency', () => {
	it('gives sessions per 30 days per client and counts single-visit clients apart', async () => {
		const rows = await frequencyByTechniqueAndCondition(db);
		expect(rows).toHaveLength(2);
		// A: 2 sessions 14 days apart: (2 − 1) × 30 / 14 = 2.142857…; B: one visit, no frequency.
		// B's techniques tie 1–1, so the alphabetical first, PNF stretching, is B's main technique.
		expect(rows[0]).toMatchObject({
			technique: 'PNF stretching',
			condition: 'Lower back pain',
			clients: 1,
			allClients: 2,
			sessions: 3,
			underBand: 0,
			inBand: 1,
			overBand: 0
		});
		expect(rows[0].medianPerMonth).toBeCloseTo(30 / 14, 10);
		// C: 2 sessions 30 days apart: 1 a month, under the 2–4 band.
		expect(rows[1]).toEqual({
			technique: 'Positional release',
			condition: 'Sciatica',
			medianPerMonth: 1,
			clients: 1,
			allClients: 1,
			sessions: 2,
			underBand: 1,
			inBand: 0,
			overBand: 0
		});
	});
});
