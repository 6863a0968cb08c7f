import { spacesMadePlain, splitStatements, tokenise, type Token } from './sql-tokens';
import { outsideAccessProblem } from './outside-access';

/**
 * The researcher's console runs one statement that only reads. This check is the first guard; the
 * second is that the statement runs in a transaction that is always rolled back (run-console.ts).
 */
export type ReadOnlyCheck =
	/** `sql`: the statement alone, without its `;` and the comments around it; unusual spaces made plain. */
	{ ok: true; sql: string } | { ok: false; reason: string };

const READ_LIST = 'SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SUMMARIZE, SHOW, EXPLAIN, PIVOT';

/** First words of the statements that only read. */
const READ_STARTS = new Set(['select', 'with', 'from', 'values', 'table', 'describe', 'summarize', 'show', 'explain', 'pivot', 'unpivot']);
/** The ones that are queries, so may stand in brackets and be used as a subquery. */
export const QUERY_STARTS = new Set(['select', 'with', 'from', 'values', 'table', 'describe', 'summarize', 'show', 'pivot', 'unpivot']);

const CHANGES_DATA = 'changes the data';
const TRANSACTIONS = 'controls transactions (each statement here runs in its own, always undone)';

/** What each statement that is not a read would do, in the researcher's words. */
const NOT_READS: Record<string, string> = {
	insert: CHANGES_DATA,
	update: CHANGES_DATA,
	delete: CHANGES_DATA,
	merge: CHANGES_DATA,
	truncate: CHANGES_DATA,
	create: CHANGES_DATA,
	drop: CHANGES_DATA,
	alter: CHANGES_DATA,
	comment: CHANGES_DATA,
	copy: 'reads or writes files',
	export: 'writes files',
	import: 'reads files',
	attach: 'opens another database',
	detach: 'closes a database',
	use: 'switches to another database',
	install: 'installs an extension',
	load: 'loads an extension',
	force: 'installs an extension or rewrites the stored database',
	pragma: 'can change settings (to look at a table, use DESCRIBE)',
	set: 'changes a setting',
	reset: 'changes a setting',
	call: 'runs a procedure',
	checkpoint: 'rewrites the stored database',
	vacuum: 'rewrites the stored database',
	analyze: 'updates the stored statistics',
	begin: TRANSACTIONS,
	start: TRANSACTIONS,
	commit: TRANSACTIONS,
	end: TRANSACTIONS,
	rollback: TRANSACTIONS,
	abort: TRANSACTIONS,
	prepare: 'prepares a statement to run later',
	execute: 'runs a prepared statement',
	deallocate: 'removes a prepared statement'
};

/** Writes that could hide inside a read (`WITH x AS (…) INSERT …`); words that cannot nest are left out. */
const HIDDEN_WRITES = new Set(['insert', 'update', 'delete', 'merge', 'truncate', 'create', 'drop', 'alter', 'copy', 'attach', 'detach']);

const isSymbol = (token: Token | undefined, symbol: string) => token?.kind === 'symbol' && token.value === symbol;

function bracketProblem(tokens: Token[]): string | null {
	let depth = 0;
	for (const token of tokens) {
		if (isSymbol(token, '(')) depth++;
		else if (isSymbol(token, ')') && --depth < 0) return 'The brackets do not match: a ) has no ( before it';
	}
	return depth > 0 ? `The brackets do not match: ${depth === 1 ? 'a ( is' : `${depth} ( are`} not closed` : null;
}

/** Past the `(` at `open`, to just after its matching `)`. */
function skipBrackets(tokens: Token[], open: number): number {
	let depth = 0;
	for (let i = open; i < tokens.length; i++) {
		if (isSymbol(tokens[i], '(')) depth++;
		else if (isSymbol(tokens[i], ')') && --depth === 0) return i + 1;
	}
	return tokens.length;
}

/** The statement's first keyword, past any opening brackets: 'select', 'explain'… */
export function leadingKeyword(tokens: Token[], from = 0): string | undefined {
	let i = from;
	while (isSymbol(tokens[i], '(')) i++;
	return tokens[i]?.kind === 'word' ? tokens[i].value : undefined;
}

function kindProblem(tokens: Token[], from = 0): string | null {
	let i = from;
	while (isSymbol(tokens[i], '(')) i++;
	const first = tokens[i];
	if (!first) return 'EXPLAIN needs a statement to explain';
	if (first.kind !== 'word') return `A statement starts with a keyword such as SELECT, not with ${first.value}`;
	const word = first.value;
	const shown = word.toUpperCase();
	if (word === 'explain' && i === from) {
		let next = i + 1;
		if (tokens[next]?.value === 'analyze' || tokens[next]?.value === 'analyse') next++;
		// EXPLAIN (FORMAT json) SELECT …: options in brackets, not a bracketed query
		if (isSymbol(tokens[next], '(') && !QUERY_STARTS.has(tokens[next + 1]?.value ?? '')) next = skipBrackets(tokens, next);
		return kindProblem(tokens, next);
	}
	if (i > from && !QUERY_STARTS.has(word)) return `Only a query can stand in brackets, not ${shown}`;
	if (READ_STARTS.has(word)) return null;
	if (word in NOT_READS) return `Only read statements run here: ${shown} ${NOT_READS[word]}`;
	return `Only read statements run here (${READ_LIST}): ${shown} is not one of them`;
}

function hiddenWriteProblem(tokens: Token[]): string | null {
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i];
		// after a dot it is a column or table name (t.update)
		if (token.kind !== 'word' || !HIDDEN_WRITES.has(token.value) || isSymbol(tokens[i - 1], '.')) continue;
		const shown = token.value.toUpperCase();
		return `Only read statements run here: ${shown} ${CHANGES_DATA} (if ${shown} is a column name, put it in double quotes)`;
	}
	return null;
}

export function checkReadOnly(sql: string): ReadOnlyCheck {
	const tokenised = tokenise(sql);
	if ('error' in tokenised) return { ok: false, reason: tokenised.error };
	const statements = splitStatements(tokenised.tokens);
	if (statements.length === 0) return { ok: false, reason: 'There is no statement to run' };
	if (statements.length > 1) return { ok: false, reason: `One statement at a time: found ${statements.length} statements` };
	const [tokens] = statements;
	const reason = bracketProblem(tokens) ?? kindProblem(tokens) ?? hiddenWriteProblem(tokens) ?? outsideAccessProblem(tokens);
	if (reason) return { ok: false, reason };
	return { ok: true, sql: spacesMadePlain(sql, tokens) };
}
