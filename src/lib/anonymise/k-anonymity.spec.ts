import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { DEFAULT_FILTERS } from '../metrics/filters';
import { loadCsv } from '../test/fixtures';
import { kAnonymity } from './k-anonymity';
import { quasiIdentifierChoices, type QuasiIdentifier } from './quasi-identifiers';

// Eight clients, 13 sessions. E's first session has no sex, the second says M; F has no extras at all;
// H went to North, then South.
const CSV = `client,date,clinic,therapist,condition,techniques,pain_before,pain_after,age band,sex
A,2025-01-06,North,Kim,LBP,PNF,6,4,30-39,F
A,2025-01-20,North,Kim,LBP,PNF,5,4,30-39,F
B,2025-01-10,North,Kim,LBP,PNF,7,5,30-39,F
C,2025-01-15,North,Kim,LBP,PNF,6,5,30-39,F
C,2025-02-01,North,Kim,LBP,PNF,5,3,30-39,F
C,2025-02-15,North,Kim,LBP,PNF,4,3,30-39,F
D,2025-01-25,North,Lee,LBP,SCS,8,6,40-49,M
E,2025-02-03,South,Lee,Sciatica,SCS,7,6,40-49,
E,2025-02-17,South,Lee,Sciatica,SCS,6,5,40-49,M
F,2025-02-05,South,Lee,Sciatica,SCS,5,4,,
G,2025-03-02,South,Lee,Sciatica,SCS,6,4,40-49,M
H,2025-03-10,North,Kim,LBP,PNF,6,5,30-39,F
H,2025-03-24,South,Kim,LBP,PNF,5,4,30-39,F
`;
const CLINIC: QuasiIdentifier = { kind: 'clinic' };
const MONTH: QuasiIdentifier = { kind: 'first visit month' };
const SEX: QuasiIdentifier = { kind: 'extra', name: 'sex' };
const AGE: QuasiIdentifier = { kind: 'extra', name: 'age band' };

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadCsv(db, CSV);
});

describe('quasi-identifier choices', () => {
	it('lists the fixed ones, then the extras found', async () => {
		expect(await quasiIdentifierChoices(db)).toEqual([
			{ identifier: { kind: 'clinic' }, label: 'Clinic' },
			{ identifier: { kind: 'therapist' }, label: 'Therapist' },
			{ identifier: { kind: 'condition' }, label: 'Condition' },
			{ identifier: { kind: 'first visit month' }, label: 'First-visit month' },
			{ identifier: { kind: 'first visit year' }, label: 'First-visit year' },
			{ identifier: { kind: 'dataset' }, label: 'Dataset' },
			{ identifier: { kind: 'extra', name: 'age band' }, label: 'age band' },
			{ identifier: { kind: 'extra', name: 'sex' }, label: 'sex' }
		]);
	});
});

describe('k-anonymity', () => {
	it('groups clients by every clinic they went to', async () => {
		// North only: A, B, C, D = 4 clients, 2 + 1 + 3 + 1 = 7 sessions; South only: E, F, G = 3 clients,
		// 2 + 1 + 1 = 4 sessions; North and South: H = 1 client, 2 sessions. Under 4: H's group and South:
		// 1 + 3 = 4 clients, 2 + 4 = 6 sessions at risk.
		expect(await kAnonymity(db, DEFAULT_FILTERS, [CLINIC], 4)).toEqual({
			k: 1,
			groups: 3,
			clients: 8,
			sessions: 13,
			threshold: 4,
			smallGroups: [
				{ values: ['North + South'], clients: 1, sessions: 2 },
				{ values: ['South'], clients: 3, sessions: 4 }
			],
			clientsAtRisk: 4,
			sessionsAtRisk: 6
		});
	});

	it("takes an extra from the client's first session that records it, and missing as a value", async () => {
		// F, 30-39: A, B, C, H = 4 clients, 2 + 1 + 3 + 2 = 8 sessions (not under 4).
		// M, 40-49: D, G and E, whose sex is missing at the first session and M at the second: 3 clients,
		// 1 + 1 + 2 = 4 sessions. (missing), (missing): F = 1 client, 1 session.
		// At risk under 4: 3 + 1 = 4 clients, 4 + 1 = 5 sessions.
		expect(await kAnonymity(db, DEFAULT_FILTERS, [SEX, AGE], 4)).toEqual({
			k: 1,
			groups: 3,
			clients: 8,
			sessions: 13,
			threshold: 4,
			smallGroups: [
				{ values: ['(missing)', '(missing)'], clients: 1, sessions: 1 },
				{ values: ['M', '40-49'], clients: 3, sessions: 4 }
			],
			clientsAtRisk: 4,
			sessionsAtRisk: 5
		});
	});

	it('uses the minimum size of the filters as the threshold unless told', async () => {
		// 2025-01, LBP: A, B, C, D (4 clients, 7 sessions); 2025-02, Sciatica: E, F (2, 3);
		// 2025-03, LBP: H (1, 2); 2025-03, Sciatica: G (1, 1). All under 5: 8 clients, 13 sessions at risk.
		const result = await kAnonymity(db, DEFAULT_FILTERS, [MONTH, { kind: 'condition' }]);
		expect(result.threshold).toBe(5);
		expect(result.smallGroups).toEqual([
			{ values: ['2025-03', 'Lower back pain'], clients: 1, sessions: 2 },
			{ values: ['2025-03', 'Sciatica'], clients: 1, sessions: 1 },
			{ values: ['2025-02', 'Sciatica'], clients: 2, sessions: 3 },
			{ values: ['2025-01', 'Lower back pain'], clients: 4, sessions: 7 }
		]);
		expect([result.k, result.groups, result.clientsAtRisk, result.sessionsAtRisk]).toEqual([1, 4, 8, 13]);
	});

	it('counts only the filtered sessions: first visit and clinics within the date range', async () => {
		// From 1 February: C (1 and 15 Feb, North), E (3 and 17 Feb, South), F (5 Feb, South),
		// G (2 Mar, South), H (10 Mar North, 24 Mar South): 5 clients, 2 + 2 + 1 + 1 + 2 = 8 sessions.
		const result = await kAnonymity(db, { ...DEFAULT_FILTERS, from: '2025-02-01' }, [CLINIC, MONTH]);
		expect(result).toEqual({
			k: 1,
			groups: 4,
			clients: 5,
			sessions: 8,
			threshold: 5,
			smallGroups: [
				{ values: ['North', '2025-02'], clients: 1, sessions: 2 },
				{ values: ['North + South', '2025-03'], clients: 1, sessions: 2 },
				{ values: ['South', '2025-03'], clients: 1, sessions: 1 },
				{ values: ['South', '2025-02'], clients: 2, sessions: 3 }
			],
			clientsAtRisk: 5,
			sessionsAtRisk: 8
		});
		// Kim's clients A, B, C, H are all F, 30-39: one group of 4 (2 + 1 + 3 + 2 = 8 sessions), k = 4.
		const kim = await kAnonymity(db, { ...DEFAULT_FILTERS, therapists: ['Kim'] }, [SEX, AGE]);
		expect([kim.k, kim.groups, kim.clientsAtRisk, kim.sessionsAtRisk]).toEqual([4, 1, 4, 8]);
		expect((await kAnonymity(db, { ...DEFAULT_FILTERS, therapists: ['Kim'] }, [SEX, AGE], 4)).smallGroups).toEqual([]);
	});

	it('puts every client in one group when nothing sets them apart', async () => {
		const none = await kAnonymity(db, DEFAULT_FILTERS, []);
		expect([none.k, none.groups, none.clients, none.sessions, none.clientsAtRisk]).toEqual([8, 1, 8, 13, 0]);
		const yearAndDataset = await kAnonymity(db, DEFAULT_FILTERS, [{ kind: 'first visit year' }, { kind: 'dataset' }], 9);
		expect(yearAndDataset.smallGroups).toEqual([{ values: ['2025', 'fixture.csv'], clients: 8, sessions: 13 }]);
		expect(yearAndDataset.k).toBe(8);
	});

	it('has no k when the filters leave no client', async () => {
		const nobody = await kAnonymity(db, { ...DEFAULT_FILTERS, clinics: ['Nowhere'] }, []);
		expect(nobody).toEqual({
			k: null,
			groups: 0,
			clients: 0,
			sessions: 0,
			threshold: 5,
			smallGroups: [],
			clientsAtRisk: 0,
			sessionsAtRisk: 0
		});
	});

	it('binds an extra named like SQL, and takes a client without dates as a missing month', async () => {
		const hostile = `sex') OR 1=1; DROP TABLE sessions; --`;
		const local = await openNodeDatabase();
		await loadCsv(local, `client,visit,pain_before,pain_after,"${hostile}"\nZ,1,5,3,F\nZ,2,4,3,F\nY,1,6,2,M\n`);
		expect((await quasiIdentifierChoices(local)).at(-1)).toEqual({ identifier: { kind: 'extra', name: hostile }, label: hostile });
		const result = await kAnonymity(local, DEFAULT_FILTERS, [MONTH, { kind: 'extra', name: hostile }]);
		expect(result.smallGroups).toEqual([
			{ values: ['(missing)', 'F'], clients: 1, sessions: 2 },
			{ values: ['(missing)', 'M'], clients: 1, sessions: 1 }
		]);
	});
});
