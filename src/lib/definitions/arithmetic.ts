/**
 * The outcome definitions (immediate and course effect, the responder rule, sessions a month, retention) are
 * each written once, as a function of an `Arithmetic`, and read three ways:
 * - `numbers`: evaluated in the page (the dashboard's typed-array path, a client's summary);
 * - `sql`: a DuckDB expression (the SQL metrics, the console's examples);
 * - `formula`: the rule as people read it (the report's methods, the console's documentation).
 * A definition never looks at its arguments in JavaScript: whatever it does, it does through these operations,
 * so the three readings cannot drift apart. A missing value is NaN as a number and NULL in SQL.
 */
export interface Arithmetic<N, B> {
	number(value: number): N;
	plus(a: N, b: N): N;
	minus(a: N, b: N): N;
	times(a: N, b: N): N;
	over(a: N, b: N): N;
	abs(a: N): N;
	/** The smaller of the two. */
	least(a: N, b: N): N;
	/** `then` where `condition` holds, else `otherwise`. */
	when(condition: B, then: N, otherwise: N): N;
	/** Not missing. */
	known(a: N): B;
	atLeast(a: N, b: N): B;
	above(a: N, b: N): B;
	below(a: N, b: N): B;
	and(a: B, b: B): B;
	or(a: B, b: B): B;
}

export const numbers: Arithmetic<number, boolean> = {
	number: (value) => value,
	plus: (a, b) => a + b,
	minus: (a, b) => a - b,
	times: (a, b) => a * b,
	over: (a, b) => a / b,
	abs: Math.abs,
	least: (a, b) => (a <= b ? a : b),
	when: (condition, then, otherwise) => (condition ? then : otherwise),
	known: (a) => a === a,
	atLeast: (a, b) => a >= b,
	above: (a, b) => a > b,
	below: (a, b) => a < b,
	and: (a, b) => a && b,
	or: (a, b) => a || b
};

/** SQL text: arguments are column names, expressions or `?` (bound by the caller in the order they appear). */
export const sql: Arithmetic<string, string> = {
	number: (value) => (Number.isNaN(value) ? 'NULL::DOUBLE' : Number.isFinite(value) ? `${value}::DOUBLE` : `'${value}'::DOUBLE`),
	plus: (a, b) => `(${a} + ${b})`,
	minus: (a, b) => `(${a} - ${b})`,
	times: (a, b) => `(${a} * ${b})`,
	// DuckDB's / divides as doubles, integers included.
	over: (a, b) => `(${a} / ${b})`,
	abs: (a) => `abs(${a})`,
	least: (a, b) => `least(${a}, ${b})`,
	when: (condition, then, otherwise) => `CASE WHEN ${condition} THEN ${then} ELSE ${otherwise} END`,
	known: (a) => `(${a} IS NOT NULL)`,
	atLeast: (a, b) => `(${a} >= ${b})`,
	above: (a, b) => `(${a} > ${b})`,
	below: (a, b) => `(${a} < ${b})`,
	and: (a, b) => `(${a} AND ${b})`,
	or: (a, b) => `(${a} OR ${b})`
};

/** The rule as a formula to read (the report's methods); arguments are names ("baseline") or numbers. */
export const formula: Arithmetic<string, string> = {
	number: (value) => (Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'missing' : '∞'),
	plus: (a, b) => `(${a} + ${b})`,
	minus: (a, b) => `(${a} − ${b})`,
	times: (a, b) => `${a} × ${b}`,
	over: (a, b) => `${a} ÷ ${b}`,
	abs: (a) => `|${a}|`,
	least: (a, b) => `min(${a}, ${b})`,
	when: (condition, then, otherwise) => `(${then} if ${condition}, else ${otherwise})`,
	known: (a) => `${a} is declared`,
	atLeast: (a, b) => `${a} ≥ ${b}`,
	above: (a, b) => `${a} > ${b}`,
	below: (a, b) => `${a} < ${b}`,
	and: (a, b) => `${a} and ${b}`,
	or: (a, b) => `${a} or ${b}`
};
