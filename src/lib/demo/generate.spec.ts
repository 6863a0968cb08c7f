import { describe, expect, it } from 'vitest';
import { generateDemoSessions, CLINICS, THERAPISTS } from './generate';
import { demoCsv, DEMO_HEADER } from './export-csv';
import { MOVEMENT_FOR_CONDITION } from './effects';

const sessions = [...generateDemoSessions()];
const byClient = new Map<string, typeof sessions>();
for (const s of sessions) byClient.set(s.clientId, [...(byClient.get(s.clientId) ?? []), s]);

describe('demo clinic generator', () => {
	it('is deterministic for a seed, and a different seed gives a different clinic', () => {
		expect(demoCsv(generateDemoSessions())).toBe(demoCsv(sessions));
		expect(demoCsv(generateDemoSessions({ seed: 7 }))).not.toBe(demoCsv(sessions));
	});

	it('makes one year of a multi-site practice: 300 clients, 3 clinics, 8 therapists', () => {
		expect(byClient.size).toBe(300);
		expect(new Set(sessions.map((s) => s.clinic))).toEqual(new Set(CLINICS));
		expect(new Set(sessions.map((s) => s.therapist)).size).toBe(8);
		for (const s of sessions) {
			expect(s.date >= '2025-01-01' && s.date <= '2025-12-31').toBe(true);
			expect(THERAPISTS.find(([name]) => name === s.therapist)?.[1]).toBe(CLINICS.indexOf(s.clinic));
		}
		expect(sessions.length).toBeGreaterThan(1200);
		expect(sessions.length).toBeLessThan(2500);
	});

	it('records pain in half points on 0–10 and ROM only for the movement of the condition', () => {
		for (const s of sessions) {
			for (const pain of [s.painBefore, s.painAfter]) {
				if (pain === null) continue;
				expect(pain).toBeGreaterThanOrEqual(0);
				expect(pain).toBeLessThanOrEqual(10);
				expect(Number.isInteger(pain * 2)).toBe(true);
			}
		}
		const measured = sessions.filter((s) => s.romBefore !== null);
		expect(measured.length / sessions.length).toBeGreaterThan(0.6);
		expect(measured.length / sessions.length).toBeLessThan(0.8);
		const line = demoCsv([sessions[0]]).split('\n')[1].split(',');
		expect(line).toHaveLength(DEMO_HEADER.length);
		expect(Object.values(MOVEMENT_FOR_CONDITION)).toContain(sessions[0].movement);
	});

	it('attends as clinics do: most multi-visit clients 2–4 a month, some weekly, some once', () => {
		let once = 0;
		const perMonth: number[] = [];
		for (const course of byClient.values()) {
			const dates = course.map((s) => Date.parse(s.date));
			expect(dates).toEqual([...dates].sort((a, b) => a - b));
			if (course.length === 1) once++;
			else perMonth.push(((course.length - 1) * 30) / ((dates.at(-1)! - dates[0]) / 86_400_000));
		}
		const share = (f: (x: number) => boolean) => perMonth.filter(f).length / perMonth.length;
		expect(share((x) => x >= 2 && x <= 4)).toBeGreaterThan(0.5);
		expect(share((x) => x > 4)).toBeGreaterThan(0.08);
		expect(share((x) => x < 2)).toBeGreaterThan(0.1);
		expect(once / byClient.size).toBeGreaterThan(0.05);
		// Dropouts: some clients stop after two sessions.
		expect([...byClient.values()].filter((c) => c.length === 2).length).toBeGreaterThan(15);
	});

	it('writes labels the way therapists type them, now and then', () => {
		const conditions = new Set(sessions.map((s) => s.condition));
		expect(conditions).toContain('LBP');
		expect(sessions.some((s) => /\b(PNF|TrP|NMT|SCS)\b/.test(s.techniques))).toBe(true);
		expect(sessions.some((s) => s.techniques.includes('; '))).toBe(true);
	});

	it('stops at exactly the number of rows asked for', () => {
		expect([...generateDemoSessions({ rows: 1234 })]).toHaveLength(1234);
	});
});
