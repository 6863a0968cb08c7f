/**
 * The responder rule: a client responds when their course effect reaches the meaningful change from their
 * baseline, the measure's declared threshold (or the one the user sets): its points, or its percent of the
 * baseline, whichever is less. A threshold not declared is never reached.
 */
import type { Arithmetic } from './arithmetic';

export interface Threshold<N> {
	points: N;
	/** A share of the baseline: 0.3 is 30%. */
	percent: N;
}

/** The improvement that counts as meaningful from `baseline`. */
export const neededImprovement = <N, B>(a: Arithmetic<N, B>, baseline: N, threshold: Threshold<N>): N =>
	a.least(
		a.when(a.known(threshold.points), threshold.points, a.number(Infinity)),
		a.when(
			a.and(a.known(threshold.percent), a.above(a.abs(baseline), a.number(0))),
			a.times(threshold.percent, a.abs(baseline)),
			a.number(Infinity)
		)
	);

/** Values are recorded to a few decimals: 6.3 − 4.41 is 1.8899999999999997 in floating point, and reaches 30% of 6.3. */
const ROUNDING = 1e-9;

/**
 * The least course effect that responds from `baseline`: the rule is this bar (change it here or in
 * neededImprovement). The page works each client's bar out once per threshold, then only compares.
 */
export const responderBar = <N, B>(a: Arithmetic<N, B>, baseline: N, threshold: Threshold<N>): N =>
	a.minus(neededImprovement(a, baseline, threshold), a.number(ROUNDING));

export const reachesBar = <N, B>(a: Arithmetic<N, B>, courseEffect: N, bar: N): B => a.atLeast(courseEffect, bar);

export const responds = <N, B>(a: Arithmetic<N, B>, courseEffect: N, baseline: N, threshold: Threshold<N>): B =>
	reachesBar(a, courseEffect, responderBar(a, baseline, threshold));
