import { describe, expect, it } from 'vitest';
import { commentRule, fieldsOnLine, isCommentLine } from './comment-lines';

const at = (text: string) => (i: number) => text.charCodeAt(i);

describe('comment lines', () => {
	it.each<[string, number]>([
		['a,b,c', 3],
		['a,"b,c",d', 3],
		['a,"say ""x, y""",d', 3],
		// A quote inside a field is text, so the comma after it counts.
		['a,5" long, x', 3],
		['a,"b\nc"', -1],
		['a,b\nc,d,e', 2]
	])('fieldsOnLine(%j) = %i', (line, fields) => {
		expect(fieldsOnLine(at(line), 0, line.length, ','.charCodeAt(0))).toBe(fields);
	});

	it.each<[string, boolean]>([
		['# exported by PracticeSoft', true],
		['  \t# indented', true],
		['# clinic: North, Room 2', true],
		['#moved', true],
		['#104,2025-03-04', false],
		['  #104,"6"', false],
		['C1,#2', false],
		['', false]
	])('with rows two fields wide, %j is a comment: %s', (line, comment) => {
		expect(isCommentLine(at(line), 0, line.length, commentRule('#', ',', 2))).toBe(comment);
	});

	it('takes no line as a comment in a file without comment lines', () => {
		expect(isCommentLine(at('# title'), 0, 7, commentRule(null, ',', 2))).toBe(false);
	});
});
