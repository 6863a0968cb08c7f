import { describe, expect, it } from 'vitest';
import { toCsv } from '../export/csv';
import { tableOneCaption, tableOneColumns, tableOneCsv } from './table-one-columns';
import type { TableOne } from './table-one';

const table: TableOne = {
	groups: ['Massage', 'Usual care'],
	hiddenGroups: [],
	minClients: 5,
	rows: [
		{ variable: 'n', label: 'Clients, n', kind: 'n', cells: ['12', '1,040'] },
		{ variable: 'smoker', label: 'smoker, n (%)', kind: 'categorical', cells: ['', ''] },
		{ variable: 'smoker', label: '=HYPERLINK("x")', kind: 'level', cells: ['3 (25%)', '0 (0%)'] },
		{ variable: 'smoker', label: 'missing', kind: 'missing', cells: ['0', '2'] }
	]
};

describe('Table 1 as a table and a CSV', () => {
	it('indents levels and missing counts on the page, under a characteristic column and one per group', () => {
		const columns = tableOneColumns(table);
		expect(columns.map((c) => [c.label, c.numeric ?? false])).toEqual([
			['Characteristic', false],
			['Massage', true],
			['Usual care', true]
		]);
		expect(table.rows.map((r) => columns[0].value(r))).toEqual(['Clients, n', 'smoker, n (%)', '\u2003=HYPERLINK("x")', '\u2003missing']);
		expect(columns[2].value(table.rows[0])).toBe('1,040');
		// A therapist called "Characteristic" would key two columns alike.
		expect(tableOneColumns({ ...table, groups: ['Characteristic', 'Usual care'] })[0].label).toBe('Characteristic (row)');
	});

	it('holds the same cells in the CSV, data text neutralised for spreadsheets, and no note when no group is withheld', () => {
		const { header, rows } = tableOneCsv(table);
		expect(rows).toEqual(table.rows.map((r) => [r.label, ...r.cells]));
		expect(toCsv(header, rows).split('\r\n')[3]).toBe(`"'=HYPERLINK(""x"")",3 (25%),0 (0%)`);
	});

	it('says in its caption how a column is summarised, and that there are no tests', () => {
		const caption = tableOneCaption('main technique');
		expect(caption).toContain('by main technique');
		expect(caption).toContain(
			'over all the analysed clients, at least 9 in 10 of its values are numbers and it has more than 10 distinct values'
		);
		expect(caption).toContain('median (IQR) when skewed (|skewness| ≥ 1)');
		expect(caption).toContain('No significance tests');
	});
});
