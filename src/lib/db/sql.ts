/**
 * The only way user text (a CSV header, a measure name) may enter SQL as a name.
 * Values never enter SQL text at all: they are bound as `?` parameters.
 */
export function quoteIdentifier(name: string): string {
	if (name.includes('\0')) throw new Error('A column name cannot contain a NUL character');
	return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal, for the few places DuckDB takes no parameter (read_csv options, file names). */
export function quoteLiteral(text: string): string {
	if (text.includes('\0')) throw new Error('Text for SQL cannot contain a NUL character');
	return `'${text.replaceAll("'", "''")}'`;
}
