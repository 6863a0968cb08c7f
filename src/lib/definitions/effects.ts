/**
 * The two effects, never mixed (docs/domain.md):
 * - immediate: within one session, the value before it → the value after it;
 * - course: a client's baseline (the before value of their first session) → their latest session's before
 *   value, for clients with at least `COURSE_MIN_SESSIONS` sessions with a before value.
 * Both are signed so that a positive change is an improvement, whichever way the measure is better.
 */
import type { Arithmetic } from './arithmetic';

/** A change from one value to a later one, positive when it is better: down for pain, up for range of motion. */
export const improvement = <N, B>(a: Arithmetic<N, B>, from: N, to: N, lowerIsBetter: B): N =>
	a.when(lowerIsBetter, a.minus(from, to), a.minus(to, from));

export const immediateEffect = <N, B>(a: Arithmetic<N, B>, before: N, after: N, lowerIsBetter: B): N =>
	improvement(a, before, after, lowerIsBetter);

export const courseEffect = <N, B>(a: Arithmetic<N, B>, baseline: N, latest: N, lowerIsBetter: B): N =>
	improvement(a, baseline, latest, lowerIsBetter);

export const COURSE_MIN_SESSIONS = 2;

/**
 * A client's sessions in course order (the first gives the baseline, the last the latest value), as SQL over
 * sessions `of`: by date, undated last, then visit number; the session id settles ties.
 */
export const courseOrder = (of: string) => `${of}.session_date NULLS LAST, ${of}.visit NULLS LAST, ${of}.session_id`;
