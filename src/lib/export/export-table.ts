/** A table on its way to a file: columns with their kinds, rows of plain values. */
export type ColumnType = 'text' | 'integer' | 'number' | 'date';

export type Cell = string | number | null;

export interface TableColumn {
	name: string;
	type: ColumnType;
}

export interface ExportTable {
	columns: TableColumn[];
	/** In the order of `columns`; a date is 'YYYY-MM-DD'. */
	rows: Cell[][];
}
