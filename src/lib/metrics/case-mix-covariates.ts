/**
 * What the data hold of a client's case mix at their first visit, from the extra columns a file brought:
 * age, sex, and how long the complaint has lasted (chronicity). Recognised by the column's name; a value is
 * the one at the client's first session, so nothing after baseline enters an expected outcome.
 */
import { courseOrder } from '../definitions/effects';
import type { Database } from '../db/database';
import { headerWords } from '../ingest/header-words';

export type CovariateKind = 'chronicity' | 'age' | 'sex';

/** Their order is the order terms enter a case-mix model after baseline and condition. */
export const COVARIATE_ORDER: CovariateKind[] = ['chronicity', 'age', 'sex'];

const SPAN = ['duration', 'length', 'weeks', 'months', 'years', 'days', 'since'];
const COMPLAINT = ['pain', 'backpain', 'complaint', 'symptom', 'symptoms', 'condition', 'problem', 'injury'];

/** The case-mix meaning of an extra column's name, if it has one. */
export function covariateKind(name: string): CovariateKind | null {
	const words = headerWords(name);
	if (words.includes('sex') || words.includes('gender')) return 'sex';
	if (words.includes('chronicity') || words.includes('chronic') || words.includes('onset')) return 'chronicity';
	if (words.some((w) => SPAN.includes(w)) && words.some((w) => COMPLAINT.includes(w))) return 'chronicity';
	if (words.includes('age')) return 'age';
	return null;
}

export interface Covariate {
	/** The extra column's name, as stored. */
	name: string;
	kind: CovariateKind;
	/** Numbers (age, weeks) or categories (sex, "acute"/"chronic"). */
	numeric: boolean;
	/** The unit of a duration, when its name says it ("weeks_since_onset", "backpain_length_years"). */
	unit?: DurationUnit;
}

export type DurationUnit = 'days' | 'weeks' | 'months' | 'years';

const WEEKS_PER: Record<DurationUnit, number> = { days: 1 / 7, weeks: 1, months: 52 / 12, years: 52 };

/** The unit a duration column's name gives. */
export function durationUnit(name: string): DurationUnit | undefined {
	const words = headerWords(name);
	return (['days', 'weeks', 'months', 'years'] as const).find((u) => words.includes(u) || words.includes(u.slice(0, -1)));
}

/**
 * A complaint's duration as the guideline bands of back pain: acute under 6 weeks, subacute 6 to 12 weeks,
 * chronic over 12 (van Tulder et al., European guidelines, Eur Spine J 2006;15 Suppl 1:S169–S191). Outcomes
 * change by band rather than week by week, so a model takes the band, not a straight line in weeks.
 */
export function chronicityBand(duration: number, unit: DurationUnit): string | null {
	if (!(duration === duration)) return null;
	const weeks = duration * WEEKS_PER[unit];
	return weeks < 6 ? 'acute (under 6 weeks)' : weeks <= 12 ? 'subacute (6–12 weeks)' : 'chronic (over 12 weeks)';
}

/** The case-mix columns among the analysed data's extras: one per kind, the first by name. */
export async function caseMixColumns(db: Database): Promise<Covariate[]> {
	const names = await db.query<{ name: string; numeric: number; n: number }>(
		`SELECT e.name, count(TRY_CAST(e.value AS DOUBLE))::INTEGER AS numeric, count(*)::INTEGER AS n
		 FROM session_extras e JOIN active_sessions s USING (session_id)
		 WHERE e.value IS NOT NULL GROUP BY e.name ORDER BY e.name`
	);
	const covariates: Covariate[] = [];
	for (const kind of COVARIATE_ORDER) {
		const found = names.find((n) => covariateKind(n.name) === kind);
		// Sex is a category even when coded 1/2; the others are numbers when nine values in ten are.
		if (!found) continue;
		const numeric = kind !== 'sex' && found.numeric >= 0.9 * found.n;
		const unit = kind === 'chronicity' && numeric ? durationUnit(found.name) : undefined;
		covariates.push({ name: found.name, kind, numeric, ...(unit ? { unit } : {}) });
	}
	return covariates;
}

/** Each client's value of each case-mix column at their first session: dataset_id, client_id, name, value, number. */
export function covariateValuesSql(covariates: Covariate[]): { sql: string; params: string[] } {
	return {
		sql: `SELECT f.dataset_id, f.client_id, e.name, e.value, TRY_CAST(e.value AS DOUBLE) AS number
		 FROM (SELECT dataset_id, client_id, first(session_id ORDER BY ${courseOrder('active_sessions')}) AS session_id
		       FROM active_sessions GROUP BY dataset_id, client_id) f
		 JOIN session_extras e ON e.session_id = f.session_id
		 WHERE e.value IS NOT NULL AND e.name IN (${covariates.map(() => '?').join(', ')})`,
		params: covariates.map((c) => c.name)
	};
}

/**
 * A case-mix column's values, one per client (or per row of a model): numbers (NaN when missing), or codes
 * into levels in sorted order (−1 when missing). A duration whose unit is known is coded as its band.
 */
export interface CovariateColumn {
	covariate: Covariate;
	numbers: Float64Array | null;
	codes: Int32Array | null;
	levels: string[];
}

const BANDS = ['acute (under 6 weeks)', 'chronic (over 12 weeks)', 'subacute (6–12 weeks)'];

/** Encodes `count` values, `valueAt(i)` giving the i-th one as written and as a number (undefined when missing). */
export function encodeCovariate(
	covariate: Covariate,
	count: number,
	valueAt: (i: number) => { value: string; number: number | null } | undefined
): CovariateColumn {
	const { unit } = covariate;
	if (covariate.numeric && !unit) {
		const numbers = new Float64Array(count);
		for (let i = 0; i < count; i++) numbers[i] = valueAt(i)?.number ?? NaN;
		return { covariate, numbers, codes: null, levels: [] };
	}
	const texts: (string | null)[] = [];
	for (let i = 0; i < count; i++) {
		const v = valueAt(i);
		texts.push(!v ? null : unit ? chronicityBand(v.number ?? NaN, unit) : v.value);
	}
	const levels = unit ? BANDS : [...new Set(texts.filter((t): t is string => t !== null))].sort();
	const index = new Map(levels.map((l, k) => [l, k]));
	return { covariate, numbers: null, codes: Int32Array.from(texts, (t) => (t === null ? -1 : index.get(t)!)), levels };
}

/** The same column for other items: item i takes the value of `from[i]` (a row takes its client's). */
export function gatherCovariate(column: CovariateColumn, from: Int32Array): CovariateColumn {
	const { numbers, codes } = column;
	const gathered: CovariateColumn = {
		...column,
		numbers: numbers && new Float64Array(from.length),
		codes: codes && new Int32Array(from.length)
	};
	for (let i = 0; i < from.length; i++) {
		if (numbers) gathered.numbers![i] = numbers[from[i]];
		else gathered.codes![i] = codes![from[i]];
	}
	return gathered;
}
