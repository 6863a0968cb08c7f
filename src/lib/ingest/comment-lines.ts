/**
 * Which lines are comments, decided the same way by the sniffer, the preview, what DuckDB's reader is
 * given and the rejected-rows list. A line is a comment when its first character after spaces and tabs is
 * the prefix ('#'), unless the prefix is followed at once by text and the line has as many fields as a data
 * row: "#104,2025-03-04,6,4" is a client "#104", or a row someone commented out. It is read as a row (and
 * rejected with its reason when the file has comment lines), so that it is never dropped without a word.
 * "# clinic: North, Room 2" stays a comment whatever its commas.
 */

import { newBounds, scanRecord, type CodeAt } from './csv-records';

export type { CodeAt };

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** Where the prefix stands on the line starting at `start`, after spaces and tabs; -1 when it does not. */
export function prefixAt(at: CodeAt, start: number, n: number, prefix: number): number {
	if (prefix < 0) return -1;
	let i = start;
	while (i < n && (at(i) === SPACE || at(i) === TAB)) i++;
	return i < n && at(i) === prefix ? i : -1;
}

/**
 * The fields on the line from `start`, quotes honoured within the line only; -1 when a quote is still open
 * at the line's end (a row running over several lines cannot be told from a comment with a stray quote).
 */
export function fieldsOnLine(at: CodeAt, start: number, n: number, delimiter: number): number {
	const line = scanRecord(at, start, n, delimiter, newBounds(), true);
	return line.quoteOpen ? -1 : line.fields;
}

export interface CommentRule {
	/** Character code of the prefix, or -1 when the file has no comment lines. */
	prefix: number;
	delimiter: number;
	/** Fields in a data row. */
	rowWidth: number;
}

export function commentRule(commentPrefix: string | null, delimiter: string, rowWidth: number): CommentRule {
	return { prefix: commentPrefix ? commentPrefix.charCodeAt(0) : -1, delimiter: delimiter.charCodeAt(0), rowWidth };
}

/** Whether the line starting at `start` is a comment under the rule. */
export function isCommentLine(at: CodeAt, start: number, n: number, rule: CommentRule): boolean {
	const prefix = prefixAt(at, start, n, rule.prefix);
	if (prefix < 0) return false;
	const next = at(prefix + 1);
	const text = prefix + 1 < n && next !== SPACE && next !== TAB && next !== LF && next !== CR;
	return !text || fieldsOnLine(at, start, n, rule.delimiter) !== rule.rowWidth;
}
