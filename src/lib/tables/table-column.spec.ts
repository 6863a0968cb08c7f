import { describe, expect, it } from 'vitest';
import { tableData, type Column } from './table-column';

interface Row {
	group: string;
	clients: number;
	mean: number;
}
const columns: Column<Row>[] = [
	{ label: 'Group', value: (r) => r.group },
	{ label: 'Clients', value: (r) => r.clients, numeric: true },
	{ label: 'Mean', value: (r) => r.mean, numeric: true }
];
const rows: Row[] = [
	{ group: 'PNF stretching', clients: 12, mean: 1.5 },
	{ group: '=HYPERLINK("x")', clients: 3, mean: 2.25 }
];

describe('a table for a CSV download', () => {
	it('holds what the page shows', () => {
		expect(tableData(columns, rows)).toEqual({
			header: ['Group', 'Clients', 'Mean'],
			rows: [
				['PNF stretching', 12, 1.5],
				['=HYPERLINK("x")', 3, 2.25]
			]
		});
	});

	it('keeps only the labels of groups under the minimum size, and says why', () => {
		expect(tableData(columns, rows, { isSmall: (r) => r.clients < 5, minClients: 5 })).toEqual({
			header: ['Group', 'Clients', 'Mean', 'Note'],
			rows: [
				['PNF stretching', 12, 1.5, null],
				['=HYPERLINK("x")', null, null, 'suppressed: fewer than 5 clients']
			]
		});
	});
});
