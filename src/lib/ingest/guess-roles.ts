/**
 * First guesses at what each column is, from its header and its first values. The user sees and can
 * change every guess in the preview before anything is imported.
 */
import { DEFAULT_MEASURES } from '../domain/measures';
import { detectDateFormat, type DateFormat } from './dates';
import { isMissing, parseNumber } from './sniff';
import { containsPhrase, headerWords, measurePhrase } from './header-words';
import { numberedSeries } from './measure-series';
import type { MeasureDeclaration, Role } from './plan';

export interface ColumnSample {
	header: string;
	values: string[];
}

const ONE_OF = (words: string[], names: string[]) => names.some((n) => containsPhrase(words, n) && words.length <= n.split(' ').length + 2);

const CLIENT = ['client', 'patient', 'participant', 'subject', 'customer', 'id', 'pid', 'record id', 'case'];
const DATE = ['date', 'session date', 'visit date', 'appointment', 'treatment date', 'datum', 'day of visit'];
const VISIT = ['visit', 'session', 'session number', 'visit number', 'session no', 'visit no'];
const TIMEPOINT = ['time', 'timepoint', 'time point', 'occasion', 'wave', 'phase', 'period'];
const CLINIC = ['clinic', 'site', 'location', 'practice', 'centre', 'center', 'branch'];
const THERAPIST = ['therapist', 'practitioner', 'clinician', 'provider', 'masseur', 'masseuse', 'physio', 'staff'];
const TECHNIQUE = ['technique', 'techniques', 'treatment', 'intervention', 'modality', 'therapy', 'method', 'arm', 'group', 'treat'];
const CONDITION = ['condition', 'diagnosis', 'complaint', 'indication', 'problem', 'reason for visit'];
const DURATION = ['duration', 'minutes', 'mins', 'session length', 'length'];
/** Words that make a duration the complaint's (how long the back has hurt), not the session's. */
const COMPLAINT = ['pain', 'backpain', 'symptom', 'symptoms', 'complaint', 'injury', 'onset', 'condition', 'chronicity'];

export function numericShare(values: string[], decimalComma: boolean): number {
	const present = values.filter((v) => !isMissing(v));
	if (present.length === 0) return 0;
	return present.filter((v) => parseNumber(v, decimalComma) !== null).length / present.length;
}

/** Values on a 0–100 scale: some above 20, or a quarter of them above 10. */
function onHundredScale(values: string[], decimalComma: boolean): boolean {
	const numbers = values.map((v) => parseNumber(v, decimalComma)).filter((n): n is number => n !== null);
	const above10 = numbers.filter((n) => n > 10).length;
	return numbers.some((n) => n > 20) || (numbers.length > 0 && above10 / numbers.length >= 0.25);
}

const ROM_MEASURES = DEFAULT_MEASURES.filter((m) => m.kind === 'rom');

/**
 * The measure a header names, if it names one we know (or plainly a range of motion or pain).
 * `hundredScale`: the values run on 0–100 (not one stray 11 on a 0–10 scale, which is an error to report).
 */
export function knownMeasure(words: string[], unit: string | null, hundredScale: boolean): string | null {
	for (const m of ROM_MEASURES) if (containsPhrase(words, m.label.toLowerCase())) return m.measure;
	if (words.includes('vas')) return unit === 'mm' || hundredScale ? 'pain_vas' : 'pain_nprs';
	if (words.some((w) => ['pain', 'nprs', 'nrs'].includes(w))) return hundredScale ? 'pain_vas' : 'pain_nprs';
	if (words.includes('odi') || words.includes('oswestry')) return 'odi';
	if (words.includes('ndi')) return 'ndi';
	if (words.includes('psfs')) return 'psfs';
	if (words.includes('rom') || containsPhrase(words, 'range of motion')) return 'rom';
	return null;
}

/** A measure nobody declared yet: a name from the header, no scale, higher-is-better until the user says. */
export function newMeasure(key: string, label: string, unit: string): MeasureDeclaration {
	const known = DEFAULT_MEASURES.find((m) => m.measure === key);
	if (known) return { ...known };
	if (key === 'rom') {
		return { ...ROM_MEASURES[0], measure: 'rom', label: 'Range of motion', mcidSource: ROM_MEASURES[0].mcidSource };
	}
	return {
		measure: key,
		label,
		kind: 'other',
		unit,
		scaleMin: null,
		scaleMax: null,
		direction: 'higher',
		mcidPoints: null,
		mcidPercent: null,
		mcidSource: 'Declared at import'
	};
}

/** Only 0 and 1: a yes/no flag, never an outcome scale. */
function isBinary(values: string[]): boolean {
	const present = new Set(values.map((v) => v.trim()).filter((v) => !isMissing(v)));
	return present.size > 0 && [...present].every((v) => v === '0' || v === '1');
}

/** Another column names the same measure with the opposite timing. */
function hasPartner(columns: ColumnSample[], i: number): boolean {
	const own = measurePhrase(columns[i].header);
	return columns.some((c, j) => {
		if (j === i) return false;
		const other = measurePhrase(c.header);
		return other.timing !== null && other.timing !== own.timing && other.words.join(' ') === own.words.join(' ');
	});
}

/**
 * The values that decide a measure's scale: a column's own, together with those of the columns naming the
 * same measure at another timing. One pain score of 12 after a session must not make "pain_after" a
 * 0–100 VAS while "pain_before" stays a 0–10 NPRS: the pair would be stored as two measures.
 */
function scaleValues(columns: ColumnSample[], i: number): string[] {
	const own = measurePhrase(columns[i].header);
	if (own.timing === null) return columns[i].values;
	const words = own.words.join(' ');
	return columns.flatMap((c) => {
		const phrase = measurePhrase(c.header);
		return phrase.timing !== null && phrase.words.join(' ') === words ? c.values : [];
	});
}

export const measureKey = (words: string[]) => words.join('_') || 'measure';

export interface Guess {
	roles: Role[];
	measures: MeasureDeclaration[];
	dateFormat: DateFormat | null;
}

/** Columns sharing a measure-like suffix after their last separator, in different prefixes: pacu30min_throatPain, pod1am_throatPain. */
function repeatedTimepoints(columns: ColumnSample[]): Map<number, number> {
	const bySuffix = new Map<string, number[]>();
	columns.forEach((c, i) => {
		const suffix = c.header.split(/[_.]/).at(-1)!.trim();
		if (suffix === c.header.trim()) return;
		bySuffix.set(suffix, [...(bySuffix.get(suffix) ?? []), i]);
	});
	const visits = new Map<number, number>();
	for (const [suffix, indexes] of bySuffix) {
		if (indexes.length < 2 || knownMeasure(headerWords(suffix), null, false) === null) continue;
		// pre_pain / post_pain is a before/after pair, not two visits
		const timings = new Set(indexes.map((i) => measurePhrase(columns[i].header).timing));
		if (indexes.length === 2 && timings.has('before') && timings.has('after')) continue;
		indexes.forEach((i, k) => visits.set(i, k + 1));
	}
	return visits;
}

/** A column of changes computed from a pair (change, pain_diff, delta): kept as an extra, never a measure. */
const CHANGE = ['change', 'changes', 'diff', 'difference', 'delta', 'chg'];
/** The column naming the movement of generic range-of-motion columns (rom_movement = Hip flexion). */
const MOVEMENT = ['movement', 'joint', 'joint movement', 'motion', 'rom measure'];

/**
 * The measure of before/after columns with no name of their own ("Pre", "Post"): called after the file
 * (grip-strength.csv: grip strength), or "Outcome" when the file's name says nothing either.
 */
export function unnamedMeasure(fileName: string): string[] {
	return measurePhrase(fileName.replace(/\.[a-z0-9]{1,4}$/i, '')).words.filter((w) => !/^\d+$/.test(w));
}

export function guessRoles(columns: ColumnSample[], decimalComma: boolean, fileName = ''): Guess {
	const roles: Role[] = columns.map(() => ({ kind: 'extra' }));
	const measures = new Map<string, MeasureDeclaration>();
	const taken = new Set<string>();
	/** measure|timing|visit of the measure columns so far: a second column with the same (a repeated header) stays extra. */
	const measureRoles = new Set<string>();
	let dateFormat: DateFormat | null = null;
	const repeated = repeatedTimepoints(columns);
	const numbers = columns.map((c) => numericShare(c.values, decimalComma) >= 0.9 && !isBinary(c.values));
	const series = numberedSeries(
		columns.map((c) => c.header),
		numbers
	);
	const isChange = (i: number) => headerWords(columns[i].header).some((w) => CHANGE.includes(w));
	/** One measure at two or more timepoints: a numbered series, or a before/after pair (pain_pre, pain_post). */
	const timedColumns = new Set(
		columns.flatMap((c, i) =>
			numbers[i] && !isChange(i) && (series.has(i) || (measurePhrase(c.header).timing !== null && hasPartner(columns, i))) ? [i] : []
		)
	);
	const timed = (i: number) => timedColumns.has(i);

	const claim = (i: number, role: Role) => {
		roles[i] = role;
		taken.add(role.kind);
	};

	columns.forEach((column, i) => {
		const words = headerWords(column.header);
		const numeric = numericShare(column.values, decimalComma) >= 0.9;
		const free = (kind: Role['kind']) => !taken.has(kind);

		if (free('client') && ONE_OF(words, CLIENT) && !words.includes('date')) return claim(i, { kind: 'client' });
		if (free('date') && (ONE_OF(words, DATE) || words.includes('date'))) {
			const format = detectDateFormat(column.values);
			if (format) {
				dateFormat = format;
				return claim(i, { kind: 'date' });
			}
		}
		if (free('visit') && ONE_OF(words, VISIT)) return claim(i, { kind: 'visit' });
		if (free('timepoint') && ONE_OF(words, TIMEPOINT) && new Set(column.values.filter((v) => !isMissing(v))).size <= 12) {
			return claim(i, { kind: 'timepoint' });
		}
		if (free('clinic') && ONE_OF(words, CLINIC)) return claim(i, { kind: 'clinic' });
		if (free('therapist') && ONE_OF(words, THERAPIST)) return claim(i, { kind: 'therapist' });
		if (free('condition') && ONE_OF(words, CONDITION)) return claim(i, { kind: 'condition' });
		if (free('technique') && ONE_OF(words, TECHNIQUE)) return claim(i, { kind: 'technique' });
		// "Technique 2", "secondary technique": a session's techniques spread over several columns.
		if (ONE_OF(words, ['technique', 'techniques']) && !numeric) return claim(i, { kind: 'technique' });
		if (free('duration') && ONE_OF(words, DURATION) && numeric && !words.some((w) => COMPLAINT.includes(w))) {
			return claim(i, { kind: 'duration' });
		}
		if (isChange(i)) return;
		if (!timed(i) && free('measure name') && ONE_OF(words, ['measure', 'outcome', 'variable', 'parameter'])) {
			return claim(i, { kind: 'measure name' });
		}
		if (!timed(i) && free('measure value') && ONE_OF(words, ['value', 'score', 'result']) && numeric) {
			return claim(i, { kind: 'measure value' });
		}

		if (!numeric || isBinary(column.values)) return;
		const phrase = measurePhrase(column.header);
		const numbered = series.get(i);
		// "Pre" and "Post" alone name no measure: the file's name does.
		const named = numbered?.stem ?? (phrase.words.length || !timed(i) ? phrase.words : unnamedMeasure(fileName));
		const values = numbered ? numbered.members.flatMap((j) => columns[j].values) : scaleValues(columns, i);
		const known = knownMeasure(named, phrase.unit, onHundredScale(values, decimalComma));
		// A numeric column stays an extra attribute (age, BMI…) unless it names a measure we know, or it is one
		// of a measure's timepoints (flexibility_pre with flexibility_post; pk1, pk5).
		if (!known && !timed(i)) return;
		const key = known ?? (named.length ? measureKey(named) : 'outcome');
		const visit = numbered?.size === 2 ? undefined : (numbered?.rank ?? repeated.get(i));
		// Two timepoints are a before/after pair, which the plan reads as two visits or as one session.
		const timing = numbered ? (numbered.size === 2 ? (numbered.rank === 1 ? 'before' : 'after') : 'value') : (phrase.timing ?? 'value');
		const role: Role = visit ? { kind: 'measure', measure: key, timing: 'value', visit } : { kind: 'measure', measure: key, timing };
		// Two columns for one measure at one timing would be merged, the second's values used only where the
		// first is empty: the second is kept as an extra attribute instead, for the user to decide.
		const roleKey = `${key}|${role.timing}|${role.visit ?? ''}`;
		if (measureRoles.has(roleKey)) return;
		measureRoles.add(roleKey);
		if (!measures.has(key)) {
			const unit = phrase.unit === 'deg' ? '°' : (phrase.unit ?? '');
			measures.set(key, newMeasure(key, named.join(' ') || 'Outcome', unit));
		}
		roles[i] = role;
	});

	nameOrValueAlone(columns, roles, decimalComma);
	return { roles, measures: [...measures.values()], dateFormat };
}

/**
 * A measure-name column names the measure of a long file's value column, or of generic range-of-motion
 * columns (rom_movement beside rom_pre, rom_post). Without either partner, a name or value column is an
 * extra attribute: a lone "score" is not long format.
 */
function nameOrValueAlone(columns: ColumnSample[], roles: Role[], decimalComma: boolean) {
	const rom = roles.some((r) => r.kind === 'measure' && r.measure === 'rom');
	let name = roles.findIndex((r) => r.kind === 'measure name');
	const value = roles.findIndex((r) => r.kind === 'measure value');
	if (name < 0 && value < 0 && rom) {
		name = columns.findIndex(
			(c, i) => roles[i].kind === 'extra' && ONE_OF(headerWords(c.header), MOVEMENT) && numericShare(c.values, decimalComma) < 0.9
		);
		if (name >= 0) roles[name] = { kind: 'measure name' };
	}
	if (value >= 0 && name < 0) roles[value] = { kind: 'extra' };
	if (name >= 0 && value < 0 && !rom) roles[name] = { kind: 'extra' };
}
