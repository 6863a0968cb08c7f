import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadCsv } from '../test/fixtures';
import { measureInfo } from '../metrics/measure-info';
import { findClients } from './find-clients';
import { courseMeasures, loadCourses } from './client-course';
import { loadReferenceBands, shownBand, type BandQuery } from './reference-band';

const loadReferenceBand = async (db: Database, query: Omit<BandQuery, 'measures'> & { measure: string }) =>
	(await loadReferenceBands(db, { ...query, measures: [query.measure] }))[query.measure];
import { summariseAttendance, summariseOutcome } from './client-summary';

// Four clients with lower back pain, one with sciatica. K101 is the client a therapist looks at.
const CSV = `client,date,condition,techniques,pain_before,pain_after,hip flexion before,hip flexion after
K101,2025-01-06,LBP,PNF,6,4,90,95
K101,2025-01-13,low back pain,PNF,5,3,92,97
K101,2025-03-03,Lower back pain,PNF; SCS,3,2,96,99
K102,2025-01-07,LBP,Positional release,8,6,,
K102,2025-01-21,LBP,positional release,7,5,,
K103,2025-01-08,LBP,pnf,4,3,,
K103,2025-01-15,LBP,PNF,4,3,,
K103,2025-01-22,LBP,PNF,2,2,,
101,2025-01-09,LBP,PNF,7,5,,
101,2025-01-30,LBP,PNF,6,4,,
S201,2025-01-10,Sciatica,SCS,9,7,,
S201,2025-01-17,Sciatica,SCS,8,6,,
`;

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadCsv(db, CSV);
});

describe('finding a client', () => {
	it('matches any part of the id, ids starting with the text first, then shorter ids', async () => {
		// "10" starts 101; K101, K102 and K103 contain it; S201 does not.
		expect((await findClients(db, '10')).map((c) => c.clientId)).toEqual(['101', 'K101', 'K102', 'K103']);
		expect((await findClients(db, ' k1 ')).map((c) => c.clientId)).toEqual(['K101', 'K102', 'K103']);
		expect(await findClients(db, 'zz')).toEqual([]);
	});

	it('suggests the longest courses before anything is typed, with what tells clients apart', async () => {
		const all = await findClients(db, '');
		// 3 sessions (K101, K103), then 2 sessions by id.
		expect(all.map((c) => c.clientId)).toEqual(['K101', 'K103', '101', 'K102', 'S201']);
		expect(all[0]).toEqual({
			clientId: 'K101',
			condition: 'Lower back pain',
			sessions: 3,
			firstDate: '2025-01-06',
			lastDate: '2025-03-03',
			datasets: 1
		});
	});

	it('treats typed text as text, never as SQL or a pattern', async () => {
		expect(await findClients(db, "%' OR 1=1 --")).toEqual([]);
		expect(await findClients(db, '_')).toEqual([]);
	});
});

describe('a client course', () => {
	it('numbers sessions by date, counts days from the first visit, and keeps techniques and readings', async () => {
		const [course] = await loadCourses(db, ['K101']);
		expect(course).toMatchObject({ clientId: 'K101', label: 'K101', condition: 'Lower back pain', mainTechnique: 'PNF stretching' });
		expect(
			course.sessions.map((s) => ({ number: s.number, date: s.date, day: s.day, techniques: s.techniques, readings: s.readings }))
		).toEqual([
			{
				number: 1,
				date: '2025-01-06',
				day: 0,
				techniques: ['PNF stretching'],
				readings: { pain_nprs: { before: 6, after: 4 }, hip_flexion: { before: 90, after: 95 } }
			},
			{
				number: 2,
				date: '2025-01-13',
				day: 7,
				techniques: ['PNF stretching'],
				readings: { pain_nprs: { before: 5, after: 3 }, hip_flexion: { before: 92, after: 97 } }
			},
			// 6 January to 3 March: 25 + 28 + 3 = 56 days.
			{
				number: 3,
				date: '2025-03-03',
				day: 56,
				techniques: ['PNF stretching', 'Positional release'],
				readings: { pain_nprs: { before: 3, after: 2 }, hip_flexion: { before: 96, after: 99 } }
			}
		]);
	});

	it('keeps the picked order, and lists the measures pain first', async () => {
		const courses = await loadCourses(db, ['S201', 'K101']);
		expect(courses.map((c) => [c.clientId, c.sessions.length])).toEqual([
			['S201', 2],
			['K101', 3]
		]);
		expect((await courseMeasures(db, courses)).map((m) => m.measure)).toEqual(['pain_nprs', 'hip_flexion']);
		expect(await loadCourses(db, ['nobody'])).toEqual([]);
	});
});

describe('the reference band of similar clients', () => {
	const pain = { measure: 'pain_nprs', condition: 'Lower back pain', technique: null, exclude: ['K101'] } as const;

	it('gives median and IQR of the before value at each session number, over the other clients with the condition', async () => {
		// Session 1: K102 8, K103 4, 101 7 → sorted 4, 7, 8. Median 7.
		//   Q1 at position (3 − 1) × 0.25 = 0.5: 4 + 0.5 × (7 − 4) = 5.5. Q3 at 1.5: 7 + 0.5 × (8 − 7) = 7.5.
		// Session 2: K102 7, K103 4, 101 6 → 4, 6, 7. Median 6; Q1 4 + 0.5 × 2 = 5; Q3 6 + 0.5 × 1 = 6.5.
		// Session 3: only K103 (2). K101 is left out; S201 has sciatica.
		expect(await loadReferenceBand(db, { ...pain, axis: 'session' })).toEqual([
			{ x: 1, clients: 3, q1: 5.5, median: 7, q3: 7.5 },
			{ x: 2, clients: 3, q1: 5, median: 6, q3: 6.5 },
			{ x: 3, clients: 1, q1: 2, median: 2, q3: 2 }
		]);
	});

	it('narrows to the same main technique when asked', async () => {
		// PNF stretching: K103 (4) and 101 (7). Median 5.5; Q1 4 + 0.25 × 3 = 4.75; Q3 4 + 0.75 × 3 = 6.25.
		const band = await loadReferenceBand(db, { ...pain, technique: 'PNF stretching', axis: 'session' });
		expect(band[0]).toEqual({ x: 1, clients: 2, q1: 4.75, median: 5.5, q3: 6.25 });
		expect(band.map((p) => p.clients)).toEqual([2, 2, 1]);
	});

	it('groups days by week since the first visit, plotted mid-week', async () => {
		// Days since first visit: K102 0, 14; K103 0, 7, 14; 101 0, 21.
		// Week 0 (x 3): 8, 4, 7 as session 1. Week 1 (x 10): K103 4. Week 2 (x 17): K102 7, K103 2 →
		//   median 4.5, Q1 2 + 0.25 × 5 = 3.25, Q3 2 + 0.75 × 5 = 5.75. Week 3 (x 24): 101 6.
		expect(await loadReferenceBand(db, { ...pain, axis: 'days' })).toEqual([
			{ x: 3, clients: 3, q1: 5.5, median: 7, q3: 7.5 },
			{ x: 10, clients: 1, q1: 4, median: 4, q3: 4 },
			{ x: 17, clients: 2, q1: 3.25, median: 4.5, q3: 5.75 },
			{ x: 24, clients: 1, q1: 6, median: 6, q3: 6 }
		]);
	});

	it('answers several measures at once, each with its own clients', async () => {
		// Hip flexion: only K101 has it, and K101 is left out.
		const bands = await loadReferenceBands(db, { ...pain, measures: ['pain_nprs', 'hip_flexion'], axis: 'session' });
		expect(Object.keys(bands)).toEqual(['pain_nprs', 'hip_flexion']);
		expect(bands.pain_nprs.map((p) => p.clients)).toEqual([3, 3, 1]);
		expect(bands.hip_flexion).toEqual([]);
		const withK101 = await loadReferenceBands(db, { ...pain, exclude: [], measures: ['hip_flexion'], axis: 'session' });
		expect(withK101.hip_flexion).toEqual([
			{ x: 1, clients: 1, q1: 90, median: 90, q3: 90 },
			{ x: 2, clients: 1, q1: 92, median: 92, q3: 92 },
			{ x: 3, clients: 1, q1: 96, median: 96, q3: 96 }
		]);
	});

	it('hides points with fewer clients than the minimum', async () => {
		const band = await loadReferenceBand(db, { ...pain, axis: 'session' });
		expect(shownBand(band, 3).map((p) => p.x)).toEqual([1, 2]);
		expect(shownBand(band, 5)).toEqual([]);
	});

	it('binds the condition as a value', async () => {
		expect(await loadReferenceBand(db, { ...pain, condition: "x' OR true --", axis: 'session' })).toEqual([]);
	});
});

describe('the client summary', () => {
	it('finds baseline, latest and the session the meaningful change was reached', async () => {
		const [course] = await loadCourses(db, ['K101']);
		// Pain: baseline 6, latest 3. Meaningful: 2 points or 30% of 6 = 1.8, the easier is 1.8.
		// Session 2: 6 − 5 = 1 < 1.8. Session 3: 6 − 3 = 3 ≥ 1.8: reached at session 3, after 2 sessions.
		expect(summariseOutcome(course, await measureInfo(db, 'pain_nprs'))).toEqual({
			measure: 'pain_nprs',
			baseline: 6,
			latest: 3,
			baselineSession: 1,
			latestSession: 3,
			change: -3,
			improvement: 3,
			needed: expect.closeTo(1.8, 12),
			respondedAtSession: 3,
			sessionsToResponse: 2
		});
		// Hip flexion, higher is better, 5°: 92 − 90 = 2, then 96 − 90 = 6 ≥ 5 at session 3.
		expect(summariseOutcome(course, await measureInfo(db, 'hip_flexion'))).toMatchObject({
			baseline: 90,
			latest: 96,
			change: 6,
			improvement: 6,
			needed: 5,
			respondedAtSession: 3,
			sessionsToResponse: 2
		});
	});

	it('says when the change is not meaningful yet, and has nothing for an unmeasured measure', async () => {
		const [k103] = await loadCourses(db, ['K103']);
		// 4 → 4 → 2: 30% of 4 is 1.2, so 2 points of improvement count at session 3; before that, 0.
		expect(summariseOutcome(k103, await measureInfo(db, 'pain_nprs'))).toMatchObject({
			needed: expect.closeTo(1.2, 12),
			respondedAtSession: 3
		});
		const [k102] = await loadCourses(db, ['K102']);
		// 8 → 7: 1 point, short of 2 points or 2.4.
		expect(summariseOutcome(k102, await measureInfo(db, 'pain_nprs'))).toMatchObject({
			improvement: 1,
			needed: 2,
			respondedAtSession: null,
			sessionsToResponse: null
		});
		expect(summariseOutcome(k102, await measureInfo(db, 'hip_flexion'))).toBeNull();
	});

	it('works out attendance: sessions a month, long gaps, techniques', async () => {
		const [course] = await loadCourses(db, ['K101']);
		// (3 − 1) × 30 / 56 days; 13 January to 3 March is 18 + 28 + 3 = 49 days, over 30.
		expect(summariseAttendance(course)).toEqual({
			sessions: 3,
			firstDate: '2025-01-06',
			lastDate: '2025-03-03',
			perMonth: (2 * 30) / 56,
			gaps: [{ from: '2025-01-13', to: '2025-03-03', days: 49 }],
			techniques: [
				{ technique: 'PNF stretching', sessions: 3 },
				{ technique: 'Positional release', sessions: 1 }
			]
		});
	});
});

describe('the same id in two datasets', () => {
	it('gives one course per dataset, labelled with the dataset', async () => {
		const other = await openNodeDatabase();
		await loadCsv(other, CSV, () => {}, 'north.csv');
		await loadCsv(other, 'client,date,condition,pain_before,pain_after\nK101,2025-05-01,Neck pain,5,4\n', () => {}, 'south.csv');
		const courses = await loadCourses(other, ['K101']);
		expect(courses.map((c) => [c.label, c.condition, c.sessions.length])).toEqual([
			['K101 (north.csv)', 'Lower back pain', 3],
			['K101 (south.csv)', 'Neck pain', 1]
		]);
		expect((await findClients(other, 'K101'))[0]).toMatchObject({ sessions: 4, datasets: 2 });
	});
});
