import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadCsv } from '../test/fixtures';
import { DEFAULT_FILTERS } from '../metrics/filters';
import { tableOne, type TableOne } from './table-one';
import { tableOneCsv } from './table-one-columns';

// Two arms of six clients, two visits each, and a third arm (PNF) of two clients, under the minimum of 5.
// How a column is summarised is decided over all 14 clients, PNF's included: age is 12 distinct numbers and one
// "unknown" (12 of 13 values, over 9 in 10), symmetric; prior_visits 13 distinct, skewed; sex coded 1/2/3;
// smoker text, B3 without a value.
// An extra's baseline is its value at the first visit: A1 is 30 (31 at visit 2), A2 has no smoker baseline
// (blank at visit 1, "never" only later), B1 "current" (its visit 2 comes first in the file). A measure's is its
// first value before a session: B6's pain 5 (blank at visit 1).
// Reference figures: tests/reference/table-one.py (numpy, scipy).
const CSV = `client,visit,technique,pain,age,prior_visits,sex,smoker
A1,1,Swedish,6,30,0,1,never
A1,2,Swedish,4,31,0,1,never
A2,1,Swedish,7,34,1,2,
A2,2,Swedish,5,34,1,2,never
A3,1,Swedish,5,41,2,2,former
A3,2,Swedish,3,41,2,2,former
A4,1,Swedish,8,unknown,3,1,current
A4,2,Swedish,5,unknown,3,1,current
A5,1,Swedish,6,52,5,2,never
A5,2,Swedish,4,52,5,2,never
A6,1,Swedish,,58,40,2,never
A6,2,Swedish,,58,40,2,never
B1,2,Sham,6,31,4,2,former
B1,1,Sham,7,31,4,2,current
B2,1,Sham,5,38,6,1,never
B2,2,Sham,5,38,6,1,never
B3,1,Sham,6,44,8,1,
B3,2,Sham,5,44,8,1,
B4,1,Sham,6,47,12,2,current
B4,2,Sham,4,47,12,2,current
B5,1,Sham,8,55,20,1,never
B5,2,Sham,7,55,20,1,never
B6,1,Sham,,60,60,2,former
B6,2,Sham,5,60,60,2,former
C1,1,PNF,9,46,,3,former
C1,2,PNF,8,46,,3,former
C2,1,PNF,9,,100,1,former
C2,2,PNF,8,,100,1,former
`;

let db: Database;
let table: TableOne;
beforeAll(async () => {
	db = await openNodeDatabase();
	await loadCsv(db, CSV);
	table = await tableOne(db, DEFAULT_FILTERS);
}, 30_000);

const row = (t: TableOne, variable: string, label: string) => t.rows.find((r) => r.variable === variable && r.label === label)?.cells;
const W = 'hidden (n<5)';

describe('Table 1: baseline characteristics by arm', () => {
	it('has a column per group, by name, and withholds the arm under the minimum size', () => {
		expect(table.groups).toEqual(['PNF stretching', 'Sham / control', 'Swedish massage']);
		expect(table.hiddenGroups).toEqual(['PNF stretching']);
	});

	it('gives every cell: n, the measure, the extras alphabetically, missing counts where a group has some', () => {
		expect(table.rows.map((r) => [r.kind, r.label, ...r.cells])).toEqual([
			['n', 'Clients, n', W, '6', '6'],
			// Pain at the first visit with a value. Sham 7, 5, 6, 6, 8, 5 (B6 at visit 2): 37/6 = 6.1667, squares about
			// the mean 6.8333 / 5 = 1.3667, SD 1.1690. Swedish 6, 7, 5, 8, 6 (A6 none): 32/5 = 6.4, squares 5.2 / 4 = 1.3,
			// SD 1.1402. Means under 100: two places.
			['measure', 'Pain (NPRS), points, mean (SD)', W, '6.17 (1.17)', '6.40 (1.14)'],
			['missing', 'missing', W, '0', '1'],
			// Skewness 0.022 over the 13 numbers (scipy G1; |g| < 1): mean (SD). Sham 31, 38, 44, 47, 55, 60: 275/6 = 45.8333, SD 10.6849.
			// Swedish 30 (A1's first), 34, 41, 52, 58 and A4 "unknown", missing: 215/5 = 43, squares 169 + 81 + 4 + 81 + 225
			// = 560, / 4 = 140, SD 11.8322.
			['numeric', 'age, mean (SD)', W, '45.83 (10.68)', '43.00 (11.83)'],
			['missing', 'missing', W, '0', '1'],
			// Skewness 2.02: median (IQR) in both arms. Sham 4, 6, 8, 12, 20, 60: median (8 + 12)/2 = 10, Q1 at
			// position 1.25: 6 + 0.25 × 2 = 6.5, Q3 at 3.75: 12 + 0.75 × 8 = 18. Swedish 0, 1, 2, 3, 5, 40: 2.5,
			// 1 + 0.25 × 1 = 1.25, 3 + 0.75 × 2 = 4.5.
			['numeric', 'prior_visits, median (IQR)', W, '10.00 (6.50 to 18.00)', '2.50 (1.25 to 4.50)'],
			// Three distinct values: categories. "2" first: 7 clients over the arms shown, "1" 5.
			['categorical', 'sex, n (%)', '', '', ''],
			['level', '2', W, '3 (50%)', '4 (67%)'],
			['level', '1', W, '3 (50%)', '2 (33%)'],
			// never 5, current 3, former 2 over the arms shown. Sham: 5 with a value (B3 none): 2/5, 2/5, 1/5.
			// Swedish: 5 with a value at visit 1 (A2 none): 3/5 = 60%, 1/5 = 20%, 1/5.
			['categorical', 'smoker, n (%)', '', '', ''],
			['level', 'never', W, '2 (40%)', '3 (60%)'],
			['level', 'current', W, '2 (40%)', '1 (20%)'],
			['level', 'former', W, '1 (20%)', '1 (20%)'],
			['missing', 'missing', W, '1', '1']
		]);
	});

	it('follows the grouping and the filters', async () => {
		// By clinic: none recorded, one group of all 14 clients; the two PNF clients are counted now.
		const byClinic = await tableOne(db, { ...DEFAULT_FILTERS, by: 'clinic' });
		expect(byClinic.groups).toEqual(['Not recorded']);
		expect(row(byClinic, 'n', 'Clients, n')).toEqual(['14']);
		// C1's sex 3 is a level once PNF is in: 1 client of 14 = 7%.
		expect(row(byClinic, 'sex', '3')).toEqual(['1 (7%)']);
		const swedish = await tableOne(db, { ...DEFAULT_FILTERS, techniques: ['Swedish massage'] });
		expect(swedish.groups).toEqual(['Swedish massage']);
		expect(row(swedish, 'pain_nprs', 'Pain (NPRS), points, mean (SD)')).toEqual(['6.40 (1.14)']);
		// Within one arm age has 5 distinct numbers, but a column's form is the column's: still mean (SD).
		expect(row(swedish, 'age', 'age, mean (SD)')).toEqual(['43.00 (11.83)']);
	});
});

describe('groups under the minimum size', () => {
	it('leave no trace: their levels, values and missing counts are not in the table', () => {
		// PNF's C1 has sex 3, no prior_visits, and both are former smokers (former would tie current at 3… and
		// outrank it at 4): none of it shows.
		expect(row(table, 'sex', '3')).toBeUndefined();
		expect(table.rows.filter((r) => r.variable === 'prior_visits').map((r) => r.kind)).toEqual(['numeric']);
		expect(table.rows.filter((r) => r.variable === 'smoker' && r.kind === 'level').map((r) => r.label)).toEqual([
			'never',
			'current',
			'former'
		]);
	});

	it('show once the minimum allows them', async () => {
		const all = await tableOne(db, { ...DEFAULT_FILTERS, minClients: 2 });
		expect(all.hiddenGroups).toEqual([]);
		expect(row(all, 'n', 'Clients, n')).toEqual(['2', '6', '6']);
		// C1 and C2 former smokers: former 4 now outranks current 3.
		expect(all.rows.filter((r) => r.variable === 'smoker' && r.kind === 'level').map((r) => r.label)).toEqual([
			'never',
			'former',
			'current'
		]);
		expect(row(all, 'sex', '3')).toEqual(['1 (50%)', '0 (0%)', '0 (0%)']);
		// C1 has no prior_visits: a missing row appears.
		expect(row(all, 'prior_visits', 'missing')).toEqual(['1', '0', '0']);
	});

	it('are blank in the CSV, which holds the table’s cells and says why', () => {
		const csv = tableOneCsv(table);
		expect(csv.header).toEqual(['Characteristic', 'PNF stretching', 'Sham / control', 'Swedish massage']);
		expect(csv.rows).toEqual([
			...table.rows.map((r) => [r.label, null, ...r.cells.slice(1)]),
			['Note', 'suppressed: fewer than 5 clients', null, null]
		]);
		expect(csv.rows.flat()).not.toContain(W);
	});
});
