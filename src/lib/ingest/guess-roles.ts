/**
 * First guesses at what each column is, from its header and its first values. The user sees and can
 * change every guess in the preview before anything is imported.
 */
import { DEFAULT_MEASURES } from '../domain/measures';
import { detectDateFormat, type DateFormat } from './dates';
import { isMissing, parseNumber } from './sniff';
import { containsPhrase, headerWords, measurePhrase } from './header-words';
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

export function guessRoles(columns: ColumnSample[], decimalComma: boolean): Guess {
	const roles: Role[] = columns.map(() => ({ kind: 'extra' }));
	const measures = new Map<string, MeasureDeclaration>();
	const taken = new Set<string>();
	/** measure|timing|visit of the measure columns so far: a second column with the same (a repeated header) stays extra. */
	const measureRoles = new Set<string>();
	let dateFormat: DateFormat | null = null;
	const repeated = repeatedTimepoints(columns);

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
		if (free('duration') && ONE_OF(words, DURATION) && numeric) return claim(i, { kind: 'duration' });
		if (free('measure name') && ONE_OF(words, ['measure', 'outcome', 'variable', 'parameter'])) {
			return claim(i, { kind: 'measure name' });
		}
		if (free('measure value') && ONE_OF(words, ['value', 'score', 'result']) && numeric) {
			return claim(i, { kind: 'measure value' });
		}

		if (!numeric || isBinary(column.values)) return;
		const phrase = measurePhrase(column.header);
		const known = knownMeasure(phrase.words, phrase.unit, onHundredScale(scaleValues(columns, i), decimalComma));
		// A numeric column stays an extra attribute (age, BMI…) unless it names a measure we know, or it has a
		// before/after partner (flexibility_pre with flexibility_post).
		if (!known && !(phrase.timing && hasPartner(columns, i))) return;
		const key = known ?? measureKey(phrase.words);
		const visit = repeated.get(i);
		const role: Role = visit
			? { kind: 'measure', measure: key, timing: 'value', visit }
			: { kind: 'measure', measure: key, timing: phrase.timing ?? 'value' };
		// Two columns for one measure at one timing would be merged, the second's values used only where the
		// first is empty: the second is kept as an extra attribute instead, for the user to decide.
		const roleKey = `${key}|${role.timing}|${role.visit ?? ''}`;
		if (measureRoles.has(roleKey)) return;
		measureRoles.add(roleKey);
		if (!measures.has(key)) {
			const unit = phrase.unit === 'deg' ? '°' : (phrase.unit ?? '');
			measures.set(key, newMeasure(key, phrase.words.join(' ') || column.header, unit));
		}
		roles[i] = role;
	});

	return { roles, measures: [...measures.values()], dateFormat };
}
