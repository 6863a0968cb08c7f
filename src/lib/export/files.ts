import type { Row } from '../db/database';
import type { ExportTable } from './export-table';
import { resultToCsv } from './result-csv';

/** A file to save: the page turns it into a download. */
export interface FileToSave {
	name: string;
	data: string | Uint8Array;
	type: string;
}

export type FileFormat = 'csv' | 'parquet';

const PARQUET_TYPE = 'application/vnd.apache.parquet';

/** Columns with DuckDB's type names, and rows by the value rule of db/database.ts. */
export async function tableFile(
	columns: { name: string; type: string }[],
	rows: Row[],
	format: FileFormat,
	baseName: string
): Promise<FileToSave> {
	if (format === 'csv') return { name: `${baseName}.csv`, data: resultToCsv(columns, rows), type: 'text/csv;charset=utf-8' };
	// Loaded on first use: most visits never write Parquet.
	const { toParquet } = await import('./parquet');
	return { name: `${baseName}.parquet`, data: toParquet(columns, rows), type: PARQUET_TYPE };
}

const DUCKDB_TYPES = { text: 'VARCHAR', integer: 'INTEGER', number: 'DOUBLE', date: 'DATE' } as const;

/** The session export (anonymise/export-sessions.ts) as a file. */
export async function exportTableFile(table: ExportTable, format: FileFormat, baseName = 'sessions'): Promise<FileToSave> {
	const columns = table.columns.map((c) => ({ name: c.name, type: DUCKDB_TYPES[c.type] }));
	if (format === 'parquet') {
		// Column by column, straight from the cells: a million sessions make no row objects here.
		const { parquetOfColumns } = await import('./parquet');
		const data = columns.map((_, i) => table.rows.map((cells) => cells[i]));
		return { name: `${baseName}.parquet`, data: parquetOfColumns(columns, data), type: PARQUET_TYPE };
	}
	const rows = table.rows.map((cells) => Object.fromEntries(table.columns.map((c, i) => [c.name, cells[i]])));
	return tableFile(columns, rows, format, baseName);
}
