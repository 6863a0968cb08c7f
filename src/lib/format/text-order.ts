/** Binary string order, as DuckDB sorts text: the page lists names in the order the SQL gives them. */
export const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
