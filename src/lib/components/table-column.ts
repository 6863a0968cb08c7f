export interface Column<T> {
	label: string;
	value: (row: T) => string | number | null;
	numeric?: boolean;
}

/** A table as plain cells, for a CSV download. */
export interface TableData {
	header: string[];
	rows: (string | number | null)[][];
}

/** The same columns as a CSV table: what the page shows is what the file holds. */
export function tableData<T>(columns: Column<T>[], rows: readonly T[]): TableData {
	return { header: columns.map((c) => c.label), rows: rows.map((r) => columns.map((c) => c.value(r))) };
}
