/**
 * Analysis of covariance: outcome = a + b × baseline + a term per group (+ a term per stratum), fitted by
 * ordinary least squares. The group's term is its difference from the reference group at the same
 * baseline: the analysis recommended for a trial with a baseline and a follow-up (Vickers & Altman, BMJ
 * 2001;323:1123), since a difference in change scores is biased by regression to the mean when the groups
 * start apart.
 */
import { CrossProducts, fitLeastSquares, type Coefficient, type Moments } from './least-squares';

/** The clients of one group in one stratum (a condition), summed: x the baseline, y the outcome. */
export interface AncovaCell {
	group: string;
	stratum: string;
	moments: Moments;
}

export interface AdjustedDifference {
	group: string;
	/** Clients of the group in the model. */
	n: number;
	estimate: number;
	se: number;
	ci: Coefficient['ci'];
}

export interface Ancova {
	reference: string;
	/** Clients in the model, and of the reference group. */
	n: number;
	referenceN: number;
	slope: Coefficient;
	/** The strata the model adjusts for (empty when one). */
	strata: string[];
	differences: AdjustedDifference[];
	/** Groups or strata whose term the data cannot estimate. */
	aliased: string[];
	df: number;
	residualSd: number;
	rSquared: number;
}

const BASELINE = 'baseline';

/**
 * Fits the model over the cells of groups in `groups` (others are left out). A stratum term is added for each
 * stratum but the first when the cells hold more than one. Null when the reference has no client or the
 * residual has no degree of freedom.
 */
export function ancova(cells: readonly AncovaCell[], reference: string, groups: readonly string[], level = 0.95): Ancova | null {
	const used = cells.filter((c) => c.moments.n > 0 && groups.includes(c.group));
	const others = groups.filter((g) => g !== reference && used.some((c) => c.group === g));
	const strata = [...new Set(used.map((c) => c.stratum))].sort();
	if (!used.some((c) => c.group === reference)) return null;
	// Strata come before groups: a group seen only in a stratum no other group has is the term left out, since
	// nothing in the data compares it with the reference.
	const columns = ['intercept', BASELINE, ...strata.slice(1).map((s) => `stratum:${s}`), ...others.map((g) => `group:${g}`)];
	const cp = new CrossProducts(columns);
	const stratumColumn = new Map(strata.slice(1).map((s, i) => [s, 2 + i]));
	const groupColumn = new Map(others.map((g, i) => [g, 1 + strata.length + i]));
	for (const cell of used) {
		const ones = [0];
		const g = groupColumn.get(cell.group);
		const s = stratumColumn.get(cell.stratum);
		if (g !== undefined) ones.push(g);
		if (s !== undefined) ones.push(s);
		cp.addCell(ones, 1, cell.moments);
	}
	const fit = fitLeastSquares(cp, level);
	const slope = fit?.coefficients.find((c) => c.name === BASELINE);
	if (!fit || !slope) return null;
	const count = (group: string) => used.filter((c) => c.group === group).reduce((n, c) => n + c.moments.n, 0);
	return {
		reference,
		n: fit.n,
		referenceN: count(reference),
		slope,
		strata: strata.length > 1 ? strata : [],
		differences: others.flatMap((group) => {
			const term = fit.coefficients.find((c) => c.name === `group:${group}`);
			return term ? [{ group, n: count(group), estimate: term.estimate, se: term.se, ci: term.ci }] : [];
		}),
		aliased: fit.aliased.map((name) => name.replace(/^(group|stratum):/, '')),
		df: fit.df,
		residualSd: fit.residualSd,
		rSquared: fit.rSquared
	};
}
