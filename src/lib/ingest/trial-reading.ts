/**
 * Two readings of a measure's before and after columns (pain_pre, pain_post). A clinic export has a row
 * per session: before and after are within that session. A trial has a row per participant and no
 * session dates: pre and post are two visits, baseline and follow-up. The guess is shown in the preview
 * and the user can switch it.
 */
import { isMissing } from './sniff';
import type { ImportPlan, PairReading, Role, Timing } from './plan';

type Columns = Pick<ImportPlan, 'columns'>;

/** Pair columns as they stand: before/after roles without a visit number of their own. */
const isPairColumn = (role: Role) => role.kind === 'measure' && role.timing !== 'value' && role.visit === undefined;

export const hasPairs = (plan: Columns) => plan.columns.some((c) => isPairColumn(c.role));

/**
 * Nothing in the columns says that a client has several rows: no date, no visit or timepoint column, and
 * not one row per measurement (long format).
 */
export function rowsMayBeParticipants(plan: Columns): boolean {
	const kinds = new Set(plan.columns.map((c) => c.role.kind));
	return !['date', 'visit', 'timepoint', 'measure value'].some((kind) => kinds.has(kind as Role['kind']));
}

/** No id column in a file whose rows may be participants: each row is one, numbered as in the file. */
export const numbersRows = (plan: Columns) => !plan.columns.some((c) => c.role.kind === 'client') && rowsMayBeParticipants(plan);

/** 'visits' when the rows may be participants and no client id repeats in `rows` (the preview's); else 'session'. */
export function guessPairReading(plan: Columns, rows: readonly string[][]): PairReading {
	if (!rowsMayBeParticipants(plan)) return 'session';
	const client = plan.columns.find((c) => c.role.kind === 'client');
	if (!client) return 'visits';
	const ids = rows.map((r) => (r[client.index] ?? '').trim()).filter((v) => !isMissing(v));
	return new Set(ids).size === ids.length ? 'visits' : 'session';
}

/**
 * The plan as it is stored: read as visits, a pair's before column is the value at visit 1 (baseline)
 * and its after column the value at visit 2 (follow-up), exactly as repeated timepoint columns
 * (pain_t1, pain_t2) are stored. Read as a session, the plan is stored as it stands.
 */
export function withPairsRead<P extends Columns & Pick<ImportPlan, 'pairsAre'>>(plan: P): P {
	if (plan.pairsAre !== 'visits' || !hasPairs(plan)) return plan;
	return {
		...plan,
		columns: plan.columns.map((c) =>
			c.role.kind === 'measure' && isPairColumn(c.role)
				? { ...c, role: { kind: 'measure', measure: c.role.measure, timing: 'value', visit: c.role.timing === 'before' ? 1 : 2 } }
				: c
		)
	};
}

export const PAIR_READINGS: Record<PairReading, { says: string; switchTo: string }> = {
	visits: {
		says: 'Read as a trial: one row per participant; pre and post are two visits, baseline and follow-up.',
		switchTo: 'Read as a trial instead'
	},
	session: {
		says: 'Read as sessions: before and after within one session.',
		switchTo: 'Read as sessions instead'
	}
};

export const otherReading = (reading: PairReading): PairReading => (reading === 'visits' ? 'session' : 'visits');

export const NUMBERED_ROWS = 'No column holds a participant id: each row is one participant, numbered 1, 2, 3… in the order of the file.';

/** What a measure column's timing means under the plan's reading, in the preview's words. */
export function timingLabels(reading: PairReading, visit: number | undefined): Record<Timing, string> {
	const trial = reading === 'visits' && visit === undefined;
	return {
		before: trial ? 'baseline (visit 1)' : 'before the session',
		after: trial ? 'follow-up (visit 2)' : 'after the session',
		value: 'one value at the visit'
	};
}
