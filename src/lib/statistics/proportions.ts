/** Shares of clients and the difference between two shares, with score intervals. */
import { critical } from './distributions';
import type { Interval } from './summaries';

/**
 * Wilson's score interval for a proportion (Wilson, JASA 1927;22:209–212), without continuity correction:
 * it stays inside 0–1 and behaves at 0 of n and n of n, where the textbook p ± z√(p(1 − p)/n) does not.
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): Interval | null {
	if (n <= 0) return null;
	const z = critical(level);
	const p = successes / n;
	const z2 = z * z;
	const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
	const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Count {
	successes: number;
	n: number;
}

export interface ProportionDifference {
	/** Group's share minus the reference's. */
	difference: number;
	ci: Interval;
}

/**
 * The difference between two independent proportions with Newcombe's hybrid score interval (Newcombe,
 * Stat Med 1998;17:873–890, method 10): each share's Wilson interval, combined as
 * d − √((p1 − l1)² + (u2 − p2)²) to d + √((u1 − p1)² + (p2 − l2)²).
 */
export function newcombeDifference(group: Count, reference: Count, level = 0.95): ProportionDifference | null {
	const one = wilsonInterval(group.successes, group.n, level);
	const two = wilsonInterval(reference.successes, reference.n, level);
	if (!one || !two) return null;
	const p1 = group.successes / group.n;
	const p2 = reference.successes / reference.n;
	const difference = p1 - p2;
	return {
		difference,
		ci: {
			low: difference - Math.sqrt((p1 - one.low) ** 2 + (two.high - p2) ** 2),
			high: difference + Math.sqrt((one.high - p1) ** 2 + (p2 - two.low) ** 2)
		}
	};
}
