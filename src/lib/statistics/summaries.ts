/**
 * Summaries of one group's client-level values: the interval of a mean, the standardised response mean, and
 * the words for effect sizes. Pure functions, checked by hand in the spec.
 */
import { critical } from './distributions';

export interface Interval {
	low: number;
	high: number;
}

/** 95% confidence interval of a mean from its SD and n (t distribution); null below 2 values. */
export function meanInterval(mean: number, sd: number, n: number, level = 0.95): Interval | null {
	if (n < 2 || !Number.isFinite(sd)) return null;
	const half = (critical(level, n - 1) * sd) / Math.sqrt(n);
	return { low: mean - half, high: mean + half };
}

/** Standardised response mean: mean change / SD of change. */
export function standardisedResponseMean(mean: number, sd: number): number | null {
	return sd > 0 ? mean / sd : null;
}

/** Cohen's conventions: 0.2 small, 0.5 medium, 0.8 large. */
export function effectSizeWord(d: number | null): string {
	if (d === null) return '';
	const size = Math.abs(d);
	return size >= 0.8 ? 'large' : size >= 0.5 ? 'medium' : size >= 0.2 ? 'small' : 'negligible';
}
