import { describe, expect, it } from 'vitest';
import { lastLineOf, recordSpans } from './record-lines';
import type { CsvDialect } from './sniff';

type Options = Pick<CsvDialect, 'headerLine' | 'commentPrefix' | 'delimiter' | 'rowWidth'>;
const dialect: Options = { headerLine: 0, commentPrefix: null, delimiter: ',', rowWidth: 2 };
/** Each record as [first line, last line, text]. */
function records(text: string, options: Partial<Options> = {}) {
	const spans = recordSpans(text, { ...dialect, ...options });
	return Array.from({ length: spans.count }, (_, i) => [
		spans.lines[i],
		lastLineOf(text, spans, i),
		text.slice(spans.starts[i], spans.ends[i])
	]);
}

describe('recordSpans: records as DuckDB’s reader counts them', () => {
	it.each<[string, string, (string | number)[][]]>([
		[
			'plain lines after the header',
			'a,b\n1,2\n3,4\n',
			[
				[2, 2, '1,2'],
				[3, 3, '3,4']
			]
		],
		[
			'a quoted line break joins two lines',
			'a,b\n1,"x\ny"\n3,4\n',
			[
				[2, 3, '1,"x\ny"'],
				[4, 4, '3,4']
			]
		],
		[
			'a doubled quote stays inside the field',
			'a,b\n1,"say ""hi""\nthere"\n3,4',
			[
				[2, 3, '1,"say ""hi""\nthere"'],
				[4, 4, '3,4']
			]
		],
		// A quote in the middle of an unquoted field is text: it must not swallow the next lines.
		[
			'a quote inside an unquoted field',
			'a,b\n1,scar 5" long\n3,4\n5,6\n',
			[
				[2, 2, '1,scar 5" long'],
				[3, 3, '3,4'],
				[4, 4, '5,6']
			]
		],
		[
			'text after a closing quote ends at the line break',
			'a,b\n1,"x" y\n3,4\n',
			[
				[2, 2, '1,"x" y'],
				[3, 3, '3,4']
			]
		],
		['a quote never closed runs to the end of the file', 'a,b\n1,"open\n3,4\n5,6\n', [[2, 4, '1,"open\n3,4\n5,6\n']]],
		[
			'blank lines are skipped',
			'a,b\n\n1,2\r\n\r\n3,4',
			[
				[3, 3, '1,2'],
				[5, 5, '3,4']
			]
		],
		[
			'CR-only and mixed line endings',
			'a,b\r1,2\n3,4\r\n5,6\r',
			[
				[2, 2, '1,2'],
				[3, 3, '3,4'],
				[4, 4, '5,6']
			]
		]
	])('%s', (_, text, expected) => {
		expect(records(text)).toEqual(expected);
	});

	it('skips comment lines, indented ones too, but not a quoted field’s line starting with #', () => {
		const text = '# title\nclient,note\nC1,room #2\n  # changed\nC2,"#1\n# 2"\n';
		expect(records(text, { headerLine: 1, commentPrefix: '#' })).toEqual([
			[3, 3, 'C1,room #2'],
			[5, 6, 'C2,"#1\n# 2"']
		]);
	});

	it('counts a # line with a row’s fields as a record, as the reader’s input keeps it', () => {
		const text = 'client,note\n#C1,x\n# moved, see notes, March\nC2,y\n';
		expect(records(text, { commentPrefix: '#' })).toEqual([
			[2, 2, '#C1,x'],
			[4, 4, 'C2,y']
		]);
	});

	it('takes the delimiter into account for where a field starts', () => {
		expect(records('a;b\n1;"x\ny"\n', { delimiter: ';' })).toEqual([[2, 3, '1;"x\ny"']]);
		// With a comma delimiter, the quote after ';' is inside a field: plain text.
		expect(records('a;b\n1;"x\ny"\n')).toEqual([
			[2, 2, '1;"x'],
			[3, 3, 'y"']
		]);
	});
});

describe('recordSpans: what only DuckDB’s reader does', () => {
	it('numbers records as the reader does in its rejects: line breaks inside quotes not counted', () => {
		const spans = recordSpans('a,b\n1,"x\ny"\n\n3,4\n', dialect);
		expect([...spans.lines.slice(0, spans.count)]).toEqual([2, 5]);
		expect([...spans.readerLines.slice(0, spans.count)]).toEqual([2, 4]);
	});

	it('counts an empty line of a one-column file as a record, as the reader reads it as a row', () => {
		expect(records('client\nC1\n\nC2\n', { rowWidth: 1 })).toEqual([
			[2, 2, 'C1'],
			[3, 3, ''],
			[4, 4, 'C2']
		]);
	});

	it('blanks a # line whose quote runs past its end up to its line break, as the reader’s input does', () => {
		expect(records('a,b\n#C2,"x\ny"\n3,4\n', { commentPrefix: '#' })).toEqual([
			[3, 3, 'y"'],
			[4, 4, '3,4']
		]);
	});
});
