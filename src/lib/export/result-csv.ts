import type { Row } from '../db/database';
import { toCsv } from './csv';

/** A query result (the console's columns and rows) as CSV, through toCsv and its formula neutralising. */
export function resultToCsv(columns: { name: string }[], rows: Row[]): string {
	const cell = (value: unknown): string | number | null => {
		if (value === null || value === undefined || typeof value === 'number' || typeof value === 'string') return value ?? null;
		return typeof value === 'boolean' ? String(value) : JSON.stringify(value);
	};
	return toCsv(
		columns.map((c) => c.name),
		rows.map((row) => columns.map((c) => cell(row[c.name])))
	);
}
