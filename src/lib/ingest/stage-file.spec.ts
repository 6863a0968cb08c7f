import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openNodeDatabase } from '../db/node';
import { parseNumber } from './sniff';
import { numberSql } from './stage-file';

let db: Database;
beforeAll(async () => {
	db = await openNodeDatabase({ schema: false });
});

// numberSql must read a number exactly as parseNumber (which the preview and the role guesses use) reads it.
const CASES: [string, boolean][] = [
	['6', false],
	[' 7 ', false],
	['-3', false],
	['+2', false],
	['6.5', false],
	['.5', false],
	['5.', false],
	['1e3', false],
	['1,234.5', false],
	['1,410', false],
	['12,34', false],
	['6,5', false],
	['1 234', false],
	['1\u00a0234.5', false],
	['6,5', true],
	['-0,25', true],
	['1.234,5', true],
	['1.410', true],
	['1.234', true],
	['6.5', true],
	['12.34', true],
	['1 234,5', true],
	['1\u202f234,5', true],
	['6,5,4', true],
	['1.23.4', true],
	['abc', false],
	['30%', false],
	['12:30', false],
	['2025-03-04', false],
	['Infinity', false],
	['0x10', false],
	['1_000', false]
];

describe('numberSql', () => {
	it.each(CASES)('%j (decimal comma: %s) reads as parseNumber does', async (text, decimalComma) => {
		const [{ n }] = await db.query<{ n: number | null }>(`SELECT ${numberSql('t', decimalComma)} AS n FROM (SELECT ?::VARCHAR AS t)`, [
			text
		]);
		expect(n).toBe(parseNumber(text, decimalComma));
	});

	it('is NULL for NULL', async () => {
		expect(await db.query(`SELECT ${numberSql('NULL::VARCHAR', true)} AS n`)).toEqual([{ n: null }]);
	});
});
