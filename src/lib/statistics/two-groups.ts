/**
 * A group against a reference group, from each one's client-level mean, SD and n: the difference in means
 * with Welch's interval, and Hedges' g with its interval.
 */
import { critical } from './distributions';
import type { Interval } from './summaries';

export interface Sample {
	mean: number;
	sd: number;
	n: number;
}

export interface MeanDifference {
	/** Group minus reference. */
	difference: number;
	se: number;
	/** Welch–Satterthwaite degrees of freedom. */
	df: number;
	ci: Interval;
}

/**
 * Welch's unequal-variance interval for the difference in means (Welch, Biometrika 1947;34:28–35): the
 * standard error adds each group's variance of its mean, and the degrees of freedom are Satterthwaite's.
 */
export function welchDifference(group: Sample, reference: Sample, level = 0.95): MeanDifference | null {
	if (group.n < 2 || reference.n < 2) return null;
	const a = group.sd ** 2 / group.n;
	const b = reference.sd ** 2 / reference.n;
	const se = Math.sqrt(a + b);
	if (!(se > 0)) return null;
	const df = (a + b) ** 2 / (a ** 2 / (group.n - 1) + b ** 2 / (reference.n - 1));
	const difference = group.mean - reference.mean;
	const half = critical(level, df) * se;
	return { difference, se, df, ci: { low: difference - half, high: difference + half } };
}

export interface StandardisedDifference {
	g: number;
	ci: Interval;
}

/**
 * Hedges' g: Cohen's d on the pooled SD times J = 1 − 3 / (4(n1 + n2) − 9), the small-sample correction.
 * Its interval is g ± z × J × √((n1 + n2) / (n1 n2) + d² / (2(n1 + n2))), the large-sample variance of
 * Hedges & Olkin (Statistical Methods for Meta-Analysis, 1985) as written by Borenstein et al.
 * (Introduction to Meta-Analysis, 2009, ch. 4).
 */
export function hedgesG(group: Sample, reference: Sample, level = 0.95): StandardisedDifference | null {
	const n1 = group.n;
	const n2 = reference.n;
	if (n1 < 2 || n2 < 2) return null;
	const pooled = Math.sqrt(((n1 - 1) * group.sd ** 2 + (n2 - 1) * reference.sd ** 2) / (n1 + n2 - 2));
	if (!(pooled > 0)) return null;
	const d = (group.mean - reference.mean) / pooled;
	const j = 1 - 3 / (4 * (n1 + n2) - 9);
	const g = j * d;
	const se = j * Math.sqrt((n1 + n2) / (n1 * n2) + d ** 2 / (2 * (n1 + n2)));
	const half = critical(level) * se;
	return { g, ci: { low: g - half, high: g + half } };
}
