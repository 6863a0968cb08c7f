/**
 * The dashboard's metrics, run through the real engine on a large demo clinic, find the effects the
 * generator built in (effects.ts). 3,000 clients so that the cells compared hold dozens of clients.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadDemoClinic } from './load-demo';
import { painByTechniqueAndCondition, romByTechniqueAndMovement, type WithinSessionRow } from '../metrics/within-session';
import { frequencyByTechniqueAndCondition } from '../metrics/session-frequency';
import { COURSE_FACTOR_BY_BAND, PAIN_RELIEF, ROM_GAIN, painRelief } from './effects';
import { courseEffectByBand } from '../metrics/frequency-bands';
import { DEFAULT_FILTERS } from '../metrics/filters';
import { caseMixOf } from '../metrics/case-mix-data';
import { CHRONIC_SHARE_BY_THERAPIST, THERAPIST_COURSE_FACTOR } from './effects';

let db: Database;
let pain: WithinSessionRow[];
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadDemoClinic(db, { clients: 3000 });
	pain = (await painByTechniqueAndCondition(db)).rows;
}, 120_000);

const cell = (rows: WithinSessionRow[], technique: string, group: string) =>
	rows.find((r) => r.technique === technique && r.group === group)!;

/** Client-weighted mean of a technique's cells. */
function techniqueMean(rows: WithinSessionRow[], technique: string): number {
	const own = rows.filter((r) => r.technique === technique);
	return own.reduce((s, r) => s + r.meanChange * r.clients, 0) / own.reduce((s, r) => s + r.clients, 0);
}

describe('the dashboard recovers the demo clinic’s built-in effects', () => {
	it('finds each well-filled technique × condition cell near its built-in pain relief', () => {
		const big = pain.filter((r) => r.clients >= 40 && r.technique in PAIN_RELIEF);
		expect(big.length).toBeGreaterThan(20);
		for (const r of big) {
			const expected = painRelief(r.technique as keyof typeof PAIN_RELIEF, r.group as Parameters<typeof painRelief>[1]);
			// Sessions with a second technique and the floor at 0 blur a cell by a few tenths.
			expect(Math.abs(r.meanChange - expected), `${r.technique} × ${r.group}`).toBeLessThan(0.45);
		}
	});

	it('ranks the techniques by pain relief as built in', () => {
		const order = Object.entries(PAIN_RELIEF)
			.sort((a, b) => b[1] - a[1])
			.map(([t]) => t);
		const found = [...order].sort((a, b) => techniqueMean(pain, b) - techniqueMean(pain, a));
		expect(found).toEqual(order);
	});

	it('finds the technique × condition interactions: palpation release for headaches, positional release for sciatica', () => {
		expect(cell(pain, 'Palpation release', 'Headaches').meanChange).toBeGreaterThan(
			cell(pain, 'Swedish massage', 'Headaches').meanChange + 1.2
		);
		expect(cell(pain, 'Positional release', 'Sciatica').meanChange).toBeGreaterThan(
			cell(pain, 'PNF stretching', 'Sciatica').meanChange + 0.8
		);
	});

	it('finds PNF stretching the best for range of motion, and its extra gain at the hip', async () => {
		const { rows } = await romByTechniqueAndMovement(db);
		const order = Object.entries(ROM_GAIN)
			.sort((a, b) => b[1] - a[1])
			.map(([t]) => t);
		expect(techniqueMean(rows, order[0])).toBeGreaterThan(techniqueMean(rows, order[1]) + 1);
		// PNF at the hip: 7 + 3 = 10° built in (hip pain clients); 7° elsewhere at full scale.
		expect(cell(rows, 'PNF stretching', 'Hip flexion').meanChange).toBeGreaterThan(8);
	});

	it('finds most multi-visit clients in the 2–4-a-month band', async () => {
		const rows = await frequencyByTechniqueAndCondition(db);
		const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
		const inBand = sum((r) => r.inBand) / sum((r) => r.clients);
		expect(inBand).toBeGreaterThan(0.5);
		expect(inBand).toBeLessThan(0.75);
	});

	it('finds a better course effect for clients who come 2–4 times a month', async () => {
		const bands = await courseEffectByBand(db, DEFAULT_FILTERS);
		const band = (name: string) => bands.find((b) => b.group === name)!;
		expect(bands.map((b) => b.group)).toEqual(['under 2', '2–4', 'over 4']);
		expect(COURSE_FACTOR_BY_BAND['2–4']).toBeGreaterThan(COURSE_FACTOR_BY_BAND['under 2']);
		expect(band('2–4').mean).toBeGreaterThan(band('under 2').mean + 0.7);
		expect(band('2–4').mean).toBeGreaterThan(band('over 4').mean);
		expect(band('2–4').responderRate).toBeGreaterThan(band('under 2').responderRate!);
	});

	it('sees through case mix: the chronic-referral therapists are as expected, the better one beyond the funnel', async () => {
		const result = (await caseMixOf(db, { ...DEFAULT_FILTERS, by: 'therapist' }))!;
		expect(result.terms.every((t) => t.used)).toBe(true);
		const chronic = result.coefficients.find((c) => c.name === 'chronicity (weeks_since_onset): chronic (over 12 weeks)')!;
		expect(chronic.ci.high).toBeLessThan(-0.5);
		const [better] = Object.keys(THERAPIST_COURSE_FACTOR);
		const referrals = Object.keys(CHRONIC_SHARE_BY_THERAPIST);
		const byRawCourse = [...result.providers].sort((a, b) => a.observed - b.observed).map((p) => p.group);
		expect(byRawCourse.slice(0, 2).sort()).toEqual([...referrals].sort());
		for (const p of result.providers) {
			// 99.8% limits: 3.09 standard errors.
			if (p.group === better) expect(p.z).toBeGreaterThan(3.09);
			else expect(Math.abs(p.z), p.group).toBeLessThan(1.96);
		}
	});
});
