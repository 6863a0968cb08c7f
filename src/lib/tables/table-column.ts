import { suppressionNote } from '../anonymise/suppress-small-groups';

export interface Column<T> {
	label: string;
	value: (row: T) => string | number | null;
	/** A figure (right-aligned; blanked in exports for groups under the minimum size); otherwise a label. */
	numeric?: boolean;
}

/** A table as plain cells, for a CSV download. */
export interface TableData {
	header: string[];
	rows: (string | number | null)[][];
}

/** Which rows are groups under the minimum size: exports blank their figures, counts included. */
export interface SmallGroups<T> {
	isSmall: (row: T) => boolean;
	minClients: number;
}

/**
 * The same columns as a CSV table: what the page shows is what the file holds, except that a file
 * leaves the browser, so a group under the minimum size keeps only its labels (docs/domain.md: small cells
 * re-identify people) and says why in a last column.
 */
export function tableData<T>(columns: Column<T>[], rows: readonly T[], small?: SmallGroups<T>): TableData {
	const header = columns.map((c) => c.label);
	if (!small) return { header, rows: rows.map((r) => columns.map((c) => c.value(r))) };
	const note = suppressionNote(small.minClients);
	return {
		header: [...header, 'Note'],
		rows: rows.map((r) => {
			const blank = small.isSmall(r);
			return [...columns.map((c) => (blank && c.numeric ? null : c.value(r))), blank ? note : null];
		})
	};
}
