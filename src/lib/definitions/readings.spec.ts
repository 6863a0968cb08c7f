/**
 * Each definition read as numbers gives what was worked out by hand, and read as SQL gives in DuckDB what it
 * gives as numbers, case by case (missing values included).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { numbers, sql } from './arithmetic';
import { courseEffect, immediateEffect } from './effects';
import { responds } from './responder';
import { frequencyBand, followable, sessionsAMonth, stillAttending } from './attendance';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase();
});

describe('as numbers, by hand', () => {
	it('signs changes so that better is positive', () => {
		expect(immediateEffect(numbers, 7, 4, true)).toBe(3); // pain 7 → 4: 3 better
		expect(immediateEffect(numbers, 40, 55, false)).toBe(15); // hip flexion 40° → 55°: 15 better
		expect(courseEffect(numbers, 6, 8, true)).toBe(-2);
	});

	it('responds at the points or the percent of the baseline, whichever is less, rounding allowed for', () => {
		const pain = { points: 2, percent: 0.3 };
		expect(responds(numbers, 6.3 - 4.41, 6.3, pain)).toBe(true); // 1.8899999999999997 reaches 30% of 6.3
		expect(responds(numbers, 1.8, 6.3, pain)).toBe(false);
		expect(responds(numbers, 2, 9, pain)).toBe(true); // 2 points, though under 30% of 9 (2.7)
		expect(responds(numbers, 1, 0, pain)).toBe(false); // a baseline of 0 has no percent
		expect(responds(numbers, 5, 8, { points: NaN, percent: NaN })).toBe(false); // no threshold declared
		expect(responds(numbers, 3, 10, { points: NaN, percent: 0.3 })).toBe(true);
	});

	it('counts sessions a month, bands them, and follows clients for 4 weeks', () => {
		expect(sessionsAMonth(numbers, 5, 0, 28)).toBeCloseTo((4 * 30) / 28, 12); // weekly: 4.29
		expect(sessionsAMonth(numbers, 3, 10, 10)).toBeNaN(); // all on one day
		expect([1.99, 2, 4, 4.01, NaN].map((x) => frequencyBand(numbers, x))).toEqual([0, 1, 1, 2, NaN]);
		expect(followable(numbers, 100, 128, 4)).toBe(true);
		expect(followable(numbers, 100, 127, 4)).toBe(false);
		expect(stillAttending(numbers, 100, 128, 4)).toBe(true);
		expect(stillAttending(numbers, 100, 127, 4)).toBe(false);
	});
});

describe('as SQL, the same as numbers', () => {
	const missing = NaN;
	const cases = [
		[1.89, 6.3, 2, 0.3],
		[6.3 - 4.41, 6.3, 2, 0.3],
		[2, 9, 2, 0.3],
		[1, 0, 2, 0.3],
		[5, 8, missing, missing],
		[3, 10, missing, 0.3],
		[-1, 4, 2, missing],
		[missing, 4, 2, 0.3],
		[12, -40, 10, 0.25]
	];
	const nullable = (x: number) => (Number.isNaN(x) ? null : x);

	it('the responder rule', async () => {
		const rows = await db.query<{ r: boolean | null }>(
			`SELECT ${responds(sql, 'e', 'b', { points: 'p', percent: 'q' })} AS r
			 FROM (VALUES ${cases.map(() => '(?::DOUBLE, ?::DOUBLE, ?::DOUBLE, ?::DOUBLE, ?::INTEGER)').join(', ')}) v(e, b, p, q, i) ORDER BY i`,
			cases.flatMap((c, i) => [...c.map(nullable), i])
		);
		// SQL's NULL (unknown) is not a responder, as NaN comparisons are false.
		expect(rows.map((r) => r.r === true)).toEqual(cases.map(([e, b, p, q]) => responds(numbers, e, b, { points: p, percent: q })));
	});

	it('sessions a month, its band, retention', async () => {
		const visits = [
			[5, 0, 28],
			[3, 10, 10],
			[2, 0, 30],
			[9, 3, 60]
		];
		const rows = await db.query<{ m: number | null; band: number | null; f: boolean; s: boolean }>(
			`SELECT ${sessionsAMonth(sql, 'n', 'a', 'z')} AS m, ${frequencyBand(sql, sessionsAMonth(sql, 'n', 'a', 'z'))} AS band,
			        ${followable(sql, 'a', '40', 4)} AS f, ${stillAttending(sql, 'a', 'z', 4)} AS s
			 FROM (VALUES ${visits.map(() => '(?::INTEGER, ?::INTEGER, ?::INTEGER, ?::INTEGER)').join(', ')}) v(n, a, z, i) ORDER BY i`,
			visits.flatMap((c, i) => [...c, i])
		);
		const asNumber = (x: number | null) => (x === null ? NaN : Number(x));
		expect(rows.map((r) => [asNumber(r.m), asNumber(r.band), r.f, r.s])).toEqual(
			visits.map(([n, a, z]) => [
				sessionsAMonth(numbers, n, a, z),
				frequencyBand(numbers, sessionsAMonth(numbers, n, a, z)),
				followable(numbers, a, 40, 4),
				stillAttending(numbers, a, z, 4)
			])
		);
	});
});
