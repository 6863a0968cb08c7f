/**
 * The rule of csv.ts (neutraliseFormula) in SQL, for CSV files DuckDB writes itself: a text cell a
 * spreadsheet would run as a formula (= + - @, or a leading tab or carriage return) gets a leading apostrophe.
 */
export function neutralisedSql(expression: string): string {
	return `CASE WHEN left(${expression}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${expression} ELSE ${expression} END`;
}
