import { describe, expect, it } from 'vitest';
import { spacesMadePlain, splitStatements, tokenise, type Token } from './sql-tokens';

const kinds = (sql: string) => {
	const result = tokenise(sql);
	if ('error' in result) throw new Error(result.error);
	return result.tokens.map((t: Token) => `${t.kind}:${t.value}`);
};

describe('tokenise', () => {
	it('keeps strings, quoted names and comments whole, whatever they hold', () => {
		expect(kinds(`SELECT 'a''; b', E'c\\'; d', $$e; f$$, $x$ g $$ h $x$, "i "" ;" -- j; k\n/* l /* m */ ; */ FROM t`)).toEqual([
			'word:select',
			"string:'a''; b'",
			'symbol:,',
			"string:E'c\\'; d'",
			'symbol:,',
			'string:$$e; f$$',
			'symbol:,',
			'string:$x$ g $$ h $x$',
			'symbol:,',
			'quoted:i " ;',
			'word:from',
			'word:t'
		]);
	});

	it('tells parameters and numbers from dollar quotes', () => {
		expect(kinds("SELECT $1, ?, $name, 1.5e3, price$usd, 1e'\\n'")).toEqual([
			'word:select',
			'parameter:$1',
			'symbol:,',
			'parameter:?',
			'symbol:,',
			'parameter:$name',
			'symbol:,',
			'number:1.5e3',
			'symbol:,',
			'word:price$usd',
			'symbol:,',
			// as DuckDB reads it: the number 1, then an E-string
			'number:1',
			"string:e'\\n'"
		]);
	});

	it('ends a line comment at a carriage return, as DuckDB does', () => {
		expect(kinds('SELECT 1 -- note\r, 2')).toEqual(['word:select', 'number:1', 'symbol:,', 'number:2']);
	});

	it('reads unusual spaces as spaces, and makes them plain between tokens only', () => {
		const sql = "SELECT\u00a0x\u3000e'\u00a0' /*\u2009*/ FROM\ufefft";
		const result = tokenise(sql);
		if ('error' in result) throw new Error(result.error);
		expect(result.tokens.map((t) => t.value)).toEqual(['select', 'x', "e'\u00a0'", 'from', 't']);
		expect(spacesMadePlain(sql, result.tokens)).toBe("SELECT x e'\u00a0' /* */ FROM t");
	});

	it('splits statements at the semicolons outside strings and comments, dropping empty ones', () => {
		const result = tokenise("SELECT ';' ;; -- x\n SELECT 2 ;");
		if ('error' in result) throw new Error(result.error);
		expect(splitStatements(result.tokens).map((s) => s.map((t) => t.value).join(' '))).toEqual(["select ';'", 'select 2']);
	});
});
