import Papa from 'papaparse';

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) gets a
 * leading apostrophe, so opening an exported file never executes anything.
 */
export function neutraliseFormula(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV text for a header and rows; every text cell neutralised (numbers we computed are left as numbers). */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
	const cell = (v: string | number | null | undefined) =>
		v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : neutraliseFormula(v);
	return Papa.unparse({ fields: header.map(cell), data: rows.map((r) => r.map(cell)) }, { newline: '\r\n' });
}
