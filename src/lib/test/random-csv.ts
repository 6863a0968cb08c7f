/**
 * Random clinic-like CSV files for property tests: fields with quotes, delimiters, line breaks of every kind
 * and '#', quoted where they must be (and sometimes where they need not be), CRLF, LF or CR lines (one kind a
 * file; quoted line breaks of any kind), title and comment lines, ragged rows and a few quoting mistakes.
 */
import type { Delimiter } from '../ingest/sniff';

export interface RandomCsv {
	text: string;
	delimiter: Delimiter;
	/** Fields in a row: the header's. */
	width: number;
	/** Lines before the header (titles). */
	headerLine: number;
	commentPrefix: '#' | null;
}

/** mulberry32: the same seed gives the same files. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const DELIMITERS: Delimiter[] = [',', ';', '\t', '|'];
const ENDINGS = ['\n', '\r\n', '\r'];

/**
 * `ragged`: now and then a row with a field too few or too many; `badQuotes`: text after a closing quote, a quote
 * never closed; `mixedEndings`: each line ends in a way of its own (CRLF, LF or CR) instead of one for the file;
 * `spacedQuotes`: now and then a space before a quoted field and spaces after it (` "a,b"  `).
 */
export function randomCsv(
	random: () => number,
	options: { ragged: boolean; badQuotes: boolean; mixedEndings?: boolean; spacedQuotes?: boolean }
): RandomCsv {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const chance = (p: number) => random() < p;
	const delimiter = pick(DELIMITERS);
	const width = 1 + Math.floor(random() * 5);
	const ending = pick(ENDINGS);
	const commentPrefix = chance(0.25) ? '#' : null;
	const pieces = [
		'C01',
		'Swedish massage',
		'6',
		'6,5',
		' ',
		'"',
		'""',
		'#',
		'# ',
		'room #2',
		'é',
		'NA',
		'scar 5" long',
		delimiter,
		pick(DELIMITERS),
		'\n',
		'\r\n',
		'\r'
	];
	const value = () => Array.from({ length: Math.floor(random() * 4) }, () => pick(pieces)).join('');
	const field = (text: string) => {
		// A value starting with a quote, after spaces or not, is quoted, as a writer quotes it.
		const mustQuote = /^ *"/.test(text) || text.includes(delimiter) || /[\r\n]/.test(text);
		if (!mustQuote && !text.includes('"') && chance(0.2)) return `"${text}"`;
		if (!mustQuote) return text;
		if (options.badQuotes && chance(0.05)) return `"${text}" x`;
		if (options.badQuotes && chance(0.03)) return `"${text}`;
		const quoted = `"${text.replaceAll('"', '""')}"`;
		return options.spacedQuotes && chance(0.4) ? `${chance(0.5) ? ' ' : ''}${quoted}${' '.repeat(Math.floor(random() * 3))}` : quoted;
	};
	// With comment lines, a row starts with its client id: one starting "# " would be a comment.
	const row = (n: number) =>
		Array.from({ length: n }, (_, i) => (i === 0 && commentPrefix ? `C${value()}` : value()))
			.map(field)
			.join(delimiter);
	const titles = chance(0.2) ? Array.from({ length: 1 + Math.floor(random() * 2) }, (_, i) => `Clinic export ${i + 1}`) : [];
	const lines = [...titles, Array.from({ length: width }, (_, i) => `h${i}`).join(delimiter)];
	const rows = Math.floor(random() * 8);
	for (let r = 0; r < rows; r++) {
		if (commentPrefix && chance(0.15)) lines.push('# note: seen by the clinic');
		if (chance(0.05)) lines.push('');
		const ragged = options.ragged && chance(0.1) ? (chance(0.5) ? -1 : 1) : 0;
		lines.push(row(Math.max(1, width + ragged)));
	}
	const end = () => (options.mixedEndings ? pick(ENDINGS) : ending);
	const text = lines.map((line, i) => (i < lines.length - 1 || chance(0.7) ? line + end() : line)).join('');
	return { text, delimiter, width, headerLine: titles.length, commentPrefix };
}
