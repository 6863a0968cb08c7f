/**
 * Table 1 as columns for DataTable.svelte and for its CSV: a characteristic, then one column per group.
 * Groups are columns here, so a group under the minimum size is a blank column in the CSV (with a last
 * row saying why), where the other tables blank a row.
 */
import { suppressionNote } from '../anonymise/suppress-small-groups';
import { tableData, type Column, type TableData } from '../tables/table-column';
import type { TableOne, TableOneRow } from './table-one';
import { MORE_DISTINCT_THAN, SKEWED_FROM } from './extra-summary';

export const CHARACTERISTIC = 'Characteristic';

/** An em space: HTML keeps it at the start of a cell, where it would collapse an ordinary one. */
const INDENT = '\u2003';

/**
 * The page indents levels and missing counts under their variable; the CSV does not, so that a
 * spreadsheet's formula check (toCsv) still sees a level's first character.
 */
function label(row: TableOneRow, indent: boolean): string {
	return indent && (row.kind === 'level' || row.kind === 'missing') ? INDENT + row.label : row.label;
}

function columns(table: TableOne, forCsv: boolean): Column<TableOneRow>[] {
	// Column labels key the page's columns: a group cannot share the first one's.
	const first = table.groups.includes(CHARACTERISTIC) ? `${CHARACTERISTIC} (row)` : CHARACTERISTIC;
	return [
		{ label: first, value: (r) => label(r, !forCsv) },
		...table.groups.map((group, i) => ({
			label: group,
			value: (r: TableOneRow) => (forCsv && table.hiddenGroups.includes(group) ? null : r.cells[i]),
			numeric: true
		}))
	];
}

export const tableOneColumns = (table: TableOne): Column<TableOneRow>[] => columns(table, false);

/** The CSV: the page's cells, a group under the minimum size blanked, and a last row saying why. */
export function tableOneCsv(table: TableOne): TableData {
	const data = tableData(columns(table, true), table.rows);
	if (table.hiddenGroups.length === 0) return data;
	const note = suppressionNote(table.minClients);
	return { ...data, rows: [...data.rows, ['Note', ...table.groups.map((g) => (table.hiddenGroups.includes(g) ? note : null))]] };
}

/** The table's caption: what a cell is, and the rule that makes a column numbers or categories. */
export function tableOneCaption(groupWord: string): string {
	return (
		`Baseline characteristics by ${groupWord}: each client’s value at their first session (a measure’s: its first value before a session), measures as mean (SD). ` +
		`An extra column is numeric when, over all the analysed clients, at least 9 in 10 of its values are numbers ` +
		`and it has more than ${MORE_DISTINCT_THAN} distinct values: mean (SD), or median (IQR) when skewed ` +
		`(|skewness| ≥ ${SKEWED_FROM}); otherwise its values are categories (codes such as 1/2 included): ` +
		`count (%) of the clients with a value. No significance tests (CONSORT 2010).`
	);
}
