import type { Token } from './sql-tokens';

/**
 * Reads that reach outside the app's own tables. DuckDB-wasm reads files and http(s) addresses as
 * tables (`read_csv('https://…')`, `FROM 'x.csv'`, even `FROM x.csv`), and the app must never fetch
 * anything nor let a statement send data out, so those are refused too, as are the table functions that
 * run other statements or touch the stored database.
 */

const STAYS_LOCAL = 'the console only reads the tables already stored';

/** Table functions by name pattern: read_csv, read_parquet, read_json*, read_text, parquet_metadata, sqlite_scan, sqlite_attach… */
const FILE_FUNCTION = /^(read_|parquet_|sniff_|iceberg_|delta_|st_read)|_scan$|_attach$/;

const OTHER_FUNCTIONS: Record<string, string> = {
	glob: 'lists files',
	query: 'runs a statement given as text',
	query_table: 'reads a table named in text',
	checkpoint: 'rewrites the stored database',
	force_checkpoint: 'rewrites the stored database',
	enable_logging: 'changes settings',
	disable_logging: 'changes settings',
	truncate_duckdb_logs: 'changes the logs',
	duckdb_secrets: 'lists stored credentials',
	which_secret: 'looks up stored credentials',
	load_aws_credentials: 'reads credentials',
	getenv: 'reads the environment',
	nextval: 'changes a sequence',
	setval: 'changes a sequence'
};

/**
 * Holds the key that pseudonymises client ids: whoever has it can test a guessed id against the data.
 * current_setting() and duckdb_settings() stay allowed: they show DuckDB's own settings, no clinical data.
 */
const PSEUDONYM_KEY_TABLE = 'settings';

/** Table names that DuckDB would read as a file (replacement scans) or that point at another place. */
const FILE_NAME = /[/\\:]|\.(csv|tsv|txt|tbl|dat|parquet|json|jsonl|ndjson|gz|zst|xlsx|arrow|feather|avro|db|duckdb|sqlite)$/i;

/** Keywords after which the next name is a table (DESCRIBE x, FROM x, JOIN x…). */
const TABLE_BEFORE = new Set(['from', 'join', 'table', 'describe', 'summarize', 'show', 'pivot', 'unpivot']);
/** Keywords that end a FROM clause, after which a comma no longer separates tables. */
const FROM_CLAUSE_END = new Set([
	'select',
	'where',
	'group',
	'having',
	'order',
	'limit',
	'offset',
	'qualify',
	'window',
	'union',
	'intersect',
	'except',
	'values',
	'returning'
]);

const isSymbol = (token: Token | undefined, symbol: string) => token?.kind === 'symbol' && token.value === symbol;
const isName = (token: Token | undefined) => token?.kind === 'word' || token?.kind === 'quoted';

function functionProblem(tokens: Token[], i: number): string | null {
	const name = tokens[i].value.toLowerCase();
	if (FILE_FUNCTION.test(name)) return `Not allowed here: ${name}() reads files; ${STAYS_LOCAL}`;
	if (name in OTHER_FUNCTIONS) return `Not allowed here: ${name}() ${OTHER_FUNCTIONS[name]}; ${STAYS_LOCAL}`;
	return null;
}

/** A table reference at `i`: a quoted text or a (dotted) name that DuckDB would open as a file. */
function tableProblem(tokens: Token[], i: number): string | null {
	const token = tokens[i];
	if (token.kind === 'string')
		return `Not allowed here: ${token.value} after ${tokens[i - 1].value.toUpperCase()} would be read as a file; ${STAYS_LOCAL}`;
	if (!isName(token)) return null;
	const parts = [token.value];
	let last = i;
	while (isSymbol(tokens[last + 1], '.') && isName(tokens[last + 2])) {
		last += 2;
		parts.push(tokens[last].value);
	}
	const name = parts.join('.');
	if (isSymbol(tokens[last + 1], '(') || !FILE_NAME.test(name)) return null;
	return `Not allowed here: ${name} would be read as a file; ${STAYS_LOCAL}`;
}

export function outsideAccessProblem(tokens: Token[]): string | null {
	let depth = 0;
	const inFromClause = [false];
	let expectTable = false;
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i];
		if (expectTable && token.value !== 'lateral') {
			expectTable = false;
			const problem = tableProblem(tokens, i);
			if (problem) return problem;
		}
		if (isName(token) && isSymbol(tokens[i + 1], '(')) {
			const problem = functionProblem(tokens, i);
			if (problem) return problem;
		} else if (isName(token) && token.value.toLowerCase() === PSEUDONYM_KEY_TABLE) {
			return 'Not allowed here: the settings table holds the key that pseudonymises client ids';
		}
		if (isSymbol(token, '(')) inFromClause[++depth] = false;
		else if (isSymbol(token, ')')) depth--;
		else if (isSymbol(token, ',') && inFromClause[depth]) expectTable = true;
		else if (token.kind === 'word' && TABLE_BEFORE.has(token.value)) {
			expectTable = true;
			if (token.value === 'from' || token.value === 'join') inFromClause[depth] = true;
		} else if (token.kind === 'word' && FROM_CLAUSE_END.has(token.value)) inFromClause[depth] = false;
	}
	return null;
}
