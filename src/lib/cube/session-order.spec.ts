import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { byCodePoint, orderMeasurements, orderSessions } from './session-order';
import { NO_DATE } from './load-cube';

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase({ schema: false });
});

describe('byCodePoint', () => {
	it('orders text as DuckDB does, where UTF-16 order differs (a surrogate pair against U+E000–U+FFFF)', async () => {
		const names = [
			'Zoë',
			'zoe',
			'Émile',
			'émile',
			'\uFF21 full-width A',
			'😀 smile',
			'\uE000 private',
			'Not recorded',
			'a',
			'ä',
			'日本',
			''
		];
		const rows = await db.query<{ v: string }>(`SELECT unnest([${names.map(() => '?').join(', ')}]) AS v ORDER BY v`, names);
		expect([...names].sort(byCodePoint)).toEqual(rows.map((r) => r.v));
		// JavaScript's own order puts the emoji (a surrogate pair) before U+FF21: the case that needs this.
		expect([...names].sort().indexOf('😀 smile')).toBeLessThan([...names].sort().indexOf('\uFF21 full-width A'));
	});
});

describe('orderSessions', () => {
	it('numbers sessions without a visit by date then file order, and orders by date, visit, then file order', () => {
		// Client 0: keys 5 (2 Jan), 3 (undated), 9 (1 Jan), 4 (1 Jan). Client 1: keys 1 (visit 2), 2 (visit 1), same day.
		const client = Int32Array.from([0, 0, 0, 0, 1, 1]);
		const date = Int32Array.from([20090, NO_DATE, 20089, 20089, 20100, 20100]);
		const visit = Float64Array.from([NaN, NaN, NaN, NaN, 2, 1]);
		const key = Int32Array.from([5, 3, 9, 4, 1, 2]);
		const { order, visit: numbered } = orderSessions(client, date, visit, key, 2);
		expect([...order].map((i) => key[i])).toEqual([4, 9, 5, 3, 2, 1]);
		expect([...numbered]).toEqual([3, 4, 2, 1, 2, 1]);
	});
});

describe('orderMeasurements', () => {
	it('orders measurements by session row, then measure', () => {
		const row = Int32Array.from([2, 0, 2, 1, 0]);
		const measure = Int32Array.from([1, 3, 0, 2, 0]);
		expect([...orderMeasurements(row, measure, 3)]).toEqual([4, 1, 3, 2, 0]);
	});
});
