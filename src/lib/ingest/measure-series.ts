/**
 * One measure at numbered timepoints, one column each: score_t0, score_t1, score_t2; vas1, vas2, vas3;
 * pk1, pk2, pk5. Columns whose headers share a stem and differ only in a trailing number (after an
 * optional "t") are one series when two or more of them are numeric. Visits follow the numbers' order,
 * whatever they start at: t0, t1, t2 are visits 1, 2, 3; pk1, pk5 are visits 1 and 2.
 */
import { headerWords } from './header-words';

export interface NumberedHeader {
	/** The words naming the measure: ['score'] for score_t0, ['vas'] for VAS1. */
	stem: string[];
	number: number;
}

/**
 * Stems of numbered columns that are not timepoints: questionnaire items (q1…q20, item1…), and one-letter
 * names such as R's X1, X2 or V1, V2 for unnamed columns.
 */
const NOT_TIMEPOINTS = new Set(['item', 'items', 'question', 'qu', 'var', 'col', 'column']);

/** The stem and number of a numbered header, or null when the header ends in no number. */
export function numberedHeader(header: string): NumberedHeader | null {
	const words = headerWords(header);
	const last = words.at(-1) ?? '';
	let stem: string[] | null = null;
	let number = NaN;
	const t = last.match(/^t(\d+)$/);
	const glued = last.match(/^([a-z]+)(\d+)$/);
	if (t && words.length > 1) [stem, number] = [words.slice(0, -1), Number(t[1])];
	else if (glued) [stem, number] = [[...words.slice(0, -1), glued[1]], Number(glued[2])];
	else if (/^\d+$/.test(last) && words.length > 1) [stem, number] = [words.slice(0, -1), Number(last)];
	else {
		// T1_pain: the timepoint first
		const first = words[0]?.match(/^t(\d+)$/);
		if (first && words.length > 1) [stem, number] = [words.slice(1), Number(first[1])];
	}
	if (!stem || !stem.some((w) => /[a-z]/.test(w))) return null;
	const name = stem.join(' ');
	if (name.length < 2 || NOT_TIMEPOINTS.has(name)) return null;
	return { stem, number };
}

export interface SeriesColumn {
	stem: string[];
	/** 1-based position in the series, in the numbers' order. */
	rank: number;
	/** How many columns the series has. */
	size: number;
	/** Every column of the series (0-based positions in the file). */
	members: number[];
}

/** The columns that belong to a numbered series, by position in the file. `numeric` says which columns hold numbers. */
export function numberedSeries(headers: readonly string[], numeric: readonly boolean[]): Map<number, SeriesColumn> {
	const byStem = new Map<string, { index: number; header: NumberedHeader }[]>();
	headers.forEach((h, index) => {
		const header = numeric[index] ? numberedHeader(h) : null;
		if (!header) return;
		const key = header.stem.join(' ');
		byStem.set(key, [...(byStem.get(key) ?? []), { index, header }]);
	});
	const series = new Map<number, SeriesColumn>();
	for (const columns of byStem.values()) {
		const numbers = new Set(columns.map((c) => c.header.number));
		// pain_1 twice is a repeated header, not two timepoints
		if (columns.length < 2 || numbers.size !== columns.length) continue;
		const ordered = [...columns].sort((a, b) => a.header.number - b.header.number);
		const members = ordered.map((c) => c.index);
		ordered.forEach((c, k) => series.set(c.index, { stem: c.header.stem, rank: k + 1, size: ordered.length, members }));
	}
	return series;
}
