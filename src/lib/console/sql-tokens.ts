/**
 * A tokeniser for DuckDB's SQL, just enough to tell statements apart and see their keywords: comments
 * are skipped, and strings ('…' with '' escapes, E'…' with backslash escapes, $tag$…$tag$) and "quoted"
 * identifiers are single tokens, so nothing inside them is ever read as a keyword or a `;`.
 */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'parameter' | 'symbol';

export interface Token {
	kind: TokenKind;
	/** Lower case for a word, the unescaped name for a quoted identifier, the raw text otherwise. */
	value: string;
	start: number;
	end: number;
}

export type Tokenised = { tokens: Token[] } | { error: string };

/**
 * DuckDB turns these into plain spaces before parsing, but only where its own quick scan thinks they are
 * outside quotes, and that scan knows no E'…' strings nor /* comments. So they are spaces here, and
 * `spacesMadePlain` replaces them between tokens: DuckDB then gets none to decide about.
 */
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;
const UNICODE_SPACES = new RegExp(UNICODE_SPACE.source, 'g');
const SPACE = /[ \t\n\r\f\v]/;
const isSpace = (c: string) => SPACE.test(c) || UNICODE_SPACE.test(c);
const isWordStart = (c: string) => /[A-Za-z_\u0080-\uFFFF]/.test(c) && !UNICODE_SPACE.test(c);
const isWordPart = (c: string) => /[A-Za-z0-9_$\u0080-\uFFFF]/.test(c) && !UNICODE_SPACE.test(c);
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_\u0080-\uFFFF]*)?\$/y;
/** 1, 1.5, 1_000, 1.5e-3: an `e` not followed by digits starts the next token (e'…' is a string). */
const NUMBER = /[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][+-]?[0-9]+)?/y;

/** Where a quoted run ends (just past its closing quote), or -1 if it is not closed. */
function endOfQuoted(sql: string, from: number, quote: string, backslashEscapes: boolean): number {
	for (let i = from; i < sql.length; i++) {
		if (backslashEscapes && sql[i] === '\\') i++;
		else if (sql[i] === quote) {
			if (sql[i + 1] !== quote) return i + 1;
			i++;
		}
	}
	return -1;
}

/** Block comments nest in DuckDB, as in PostgreSQL. */
function endOfBlockComment(sql: string, from: number): number {
	let depth = 0;
	for (let i = from; i < sql.length - 1; i++) {
		if (sql[i] === '/' && sql[i + 1] === '*') {
			depth++;
			i++;
		} else if (sql[i] === '*' && sql[i + 1] === '/') {
			depth--;
			i++;
			if (depth === 0) return i + 1;
		}
	}
	return -1;
}

function readWhile(sql: string, from: number, accept: (c: string) => boolean): number {
	let i = from;
	while (i < sql.length && accept(sql[i])) i++;
	return i;
}

export function tokenise(sql: string): Tokenised {
	const tokens: Token[] = [];
	let i = 0;
	const push = (kind: TokenKind, end: number, value = sql.slice(i, end)) => {
		tokens.push({ kind, value, start: i, end });
		i = end;
	};
	while (i < sql.length) {
		const c = sql[i];
		const next = sql[i + 1];
		if (isSpace(c)) {
			i++;
		} else if (c === '-' && next === '-') {
			// a line comment ends at \n or \r, as in DuckDB: `--x\r; DROP …` is two statements
			i = readWhile(sql, i, (x) => x !== '\n' && x !== '\r');
		} else if (c === '/' && next === '*') {
			const end = endOfBlockComment(sql, i);
			if (end === -1) return { error: 'A /* comment is not closed with */' };
			i = end;
		} else if (c === "'" || ((c === 'e' || c === 'E') && next === "'")) {
			const end = endOfQuoted(sql, c === "'" ? i + 1 : i + 2, "'", c !== "'");
			if (end === -1) return { error: "A quoted text is not closed: a closing ' is missing" };
			push('string', end);
		} else if (c === '"') {
			const end = endOfQuoted(sql, i + 1, '"', false);
			if (end === -1) return { error: 'A quoted name is not closed: a closing " is missing' };
			push('quoted', end, sql.slice(i + 1, end - 1).replaceAll('""', '"'));
		} else if (c === '$') {
			DOLLAR_TAG.lastIndex = i;
			const tag = DOLLAR_TAG.exec(sql)?.[0];
			if (tag) {
				const close = sql.indexOf(tag, i + tag.length);
				if (close === -1) return { error: `A ${tag}-quoted text is not closed with ${tag}` };
				push('string', close + tag.length);
			} else {
				push('parameter', readWhile(sql, i + 1, isWordPart));
			}
		} else if (isWordStart(c)) {
			const end = readWhile(sql, i + 1, isWordPart);
			push('word', end, sql.slice(i, end).toLowerCase());
		} else if (/[0-9]/.test(c)) {
			NUMBER.lastIndex = i;
			push('number', i + (NUMBER.exec(sql)?.[0].length ?? 1));
		} else if (c === '?') {
			push('parameter', i + 1);
		} else {
			push('symbol', i + 1);
		}
	}
	return { tokens };
}

/** The statements between `;`s; empty ones (a trailing `;`, a lone comment) are left out. */
export function splitStatements(tokens: Token[]): Token[][] {
	const statements: Token[][] = [[]];
	for (const token of tokens) {
		if (token.kind === 'symbol' && token.value === ';') statements.push([]);
		else statements[statements.length - 1].push(token);
	}
	return statements.filter((statement) => statement.length > 0);
}

/** The text from the first token to the last, with unusual spaces between tokens made plain. */
export function spacesMadePlain(sql: string, tokens: Token[]): string {
	let text = '';
	tokens.forEach((token, i) => {
		if (i > 0) text += sql.slice(tokens[i - 1].end, token.start).replace(UNICODE_SPACES, ' ');
		text += sql.slice(token.start, token.end);
	});
	return text;
}
