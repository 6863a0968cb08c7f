/**
 * Case-mix adjustment for comparing therapists and clinics, in the way FOTO reports providers: each client's
 * expected course change comes from a linear model on what they brought at baseline (baseline value,
 * condition, chronicity, age, sex, as far as the data hold them; never anything after baseline, such as the
 * number of visits), fitted over every client in view. A provider's observed − expected change is the mean of
 * its clients' residuals; a funnel plot sets it against the provider's size (Spiegelhalter, Stat Med
 * 2005;24:1185–1202), with limits at ±1.96 and ±3.09 residual SDs over √n.
 */
import { CrossProducts, fitLeastSquares, type Coefficient } from '../statistics/least-squares';
import { critical } from '../statistics/distributions';
import type { Interval } from '../statistics/summaries';
import type { CovariateColumn } from './case-mix-covariates';

/** Clients for the model, column by column: one row per client × provider × condition course. */
export interface CaseMixData {
	count: number;
	/** The provider (therapist or clinic) and condition codes, into their names. */
	group: Int32Array;
	groupNames: string[];
	condition: Int32Array;
	conditionNames: string[];
	baseline: Float64Array;
	/** Course change, positive is better. */
	change: Float64Array;
	/** Each case-mix column's value for each row. */
	covariates: CovariateColumn[];
}

/** Clients each model term needs: fewer, and the term is left out. */
export const CLIENTS_PER_TERM = 10;
/** A covariate missing for more clients than this share is left out rather than losing them. */
const MOST_MISSING = 0.2;

export interface Term {
	/** What the term is: "baseline", "condition", "chronicity (weeks_since_onset)". */
	label: string;
	/** A category's levels in the data, the reference first; empty for a number. */
	levels: string[];
	/** Model coefficients it takes. */
	parameters: number;
	used: boolean;
	/** Why a term was left out. */
	reason: string | null;
}

export interface ProviderResult {
	group: string;
	clients: number;
	observed: number;
	expected: number;
	/** Observed − expected, with its 95% interval from the provider's own residuals. */
	difference: number;
	ci: Interval | null;
	/** (O − E) over the model's residual SD / √n: beyond ±1.96 is outside the 95% funnel limits, ±3.09 the 99.8%. */
	z: number;
	hidden: boolean;
}

export interface CaseMix {
	terms: Term[];
	coefficients: Coefficient[];
	/** Clients in the model, and those left out for a missing value of a term used. */
	n: number;
	excluded: number;
	rSquared: number;
	residualSd: number;
	providers: ProviderResult[];
}

/**
 * A candidate term as typed arrays: a number per row (NaN when missing), or a category's column per row
 * (−1 for the reference level, −2 when missing) with the columns' names.
 */
interface Candidate {
	label: string;
	levels: string[];
	columns: string[];
	numbers: Float64Array | null;
	column: Int32Array | null;
}

function numeric(label: string, numbers: Float64Array): Candidate {
	return { label, levels: [], columns: [label], numbers, column: null };
}

/** A category over the levels present in the rows: the first present is the reference. */
function categorical(label: string, codes: Int32Array, names: readonly string[], rows: number): Candidate {
	const seen = new Uint8Array(names.length);
	for (let i = 0; i < rows; i++) if (codes[i] >= 0) seen[codes[i]] = 1;
	const present = names.map((_, k) => k).filter((k) => seen[k]);
	const columnOf = new Int32Array(names.length).fill(-2);
	present.forEach((k, j) => (columnOf[k] = j - 1));
	const column = new Int32Array(rows);
	for (let i = 0; i < rows; i++) column[i] = codes[i] < 0 ? -2 : columnOf[codes[i]];
	const levels = present.map((k) => names[k]);
	return { label, levels, columns: levels.slice(1).map((l) => `${label}: ${l}`), numbers: null, column };
}

const has = (c: Candidate, i: number) => (c.numbers ? c.numbers[i] === c.numbers[i] : c.column![i] !== -2);

export function caseMix(data: CaseMixData, minClients: number, level = 0.95): CaseMix | null {
	const rows = data.count;
	if (rows < 2) return null;
	const candidates: Candidate[] = [numeric('baseline', data.baseline), categorical('condition', data.condition, data.conditionNames, rows)];
	for (const c of data.covariates) {
		const label = `${c.covariate.kind} (${c.covariate.name})`;
		candidates.push(c.numbers ? numeric(label, c.numbers) : categorical(label, c.codes!, c.levels, rows));
	}
	// Terms enter in order while every one keeps its ten clients: baseline, condition, chronicity, age, sex.
	const terms: Term[] = [];
	const used: Candidate[] = [];
	let complete = new Uint8Array(rows).fill(1);
	let kept = rows;
	let parameters = 0;
	for (const candidate of candidates) {
		const present = new Uint8Array(rows);
		let n = 0;
		for (let i = 0; i < rows; i++) {
			if (!complete[i] || !has(candidate, i)) continue;
			present[i] = 1;
			n++;
		}
		const term: Term = {
			label: candidate.label,
			levels: candidate.levels,
			parameters: candidate.columns.length,
			used: false,
			reason: null
		};
		terms.push(term);
		if (candidate.columns.length === 0) term.reason = 'one value only';
		else if (n < kept * (1 - MOST_MISSING)) term.reason = `missing for ${kept - n} of ${kept} clients`;
		else if (n < CLIENTS_PER_TERM * (parameters + candidate.columns.length)) {
			term.reason = `fewer than ${CLIENTS_PER_TERM} clients per term (${n} clients for ${parameters + candidate.columns.length} terms)`;
		} else {
			term.used = true;
			used.push(candidate);
			parameters += candidate.columns.length;
			complete = present;
			kept = n;
		}
	}
	if (!used.length) return null;
	// Columns: the intercept, then each used term's. Each complete row's non-zero columns, laid out once.
	const columns = ['intercept'];
	const offsets = used.map((c) => {
		const offset = columns.length;
		columns.push(...c.columns);
		return offset;
	});
	const width = used.length + 1;
	const at = new Int32Array(rows * width);
	const values = new Float64Array(rows * width);
	const counts = new Uint8Array(rows);
	for (let i = 0; i < rows; i++) {
		if (!complete[i]) continue;
		const base = i * width;
		values[base] = 1;
		let k = 1;
		for (let t = 0; t < used.length; t++) {
			const c = used[t];
			if (c.numbers) {
				at[base + k] = offsets[t];
				values[base + k++] = c.numbers[i];
			} else if (c.column![i] >= 0) {
				at[base + k] = offsets[t] + c.column![i];
				values[base + k++] = 1;
			}
		}
		counts[i] = k;
	}
	const cp = new CrossProducts(columns);
	cp.addRows(at, values, counts, data.change, width);
	const fit = fitLeastSquares(cp, level);
	if (!fit) return null;
	const beta = new Float64Array(columns.length);
	const estimated = new Map(fit.coefficients.map((c) => [c.name, c.estimate]));
	columns.forEach((name, k) => (beta[k] = estimated.get(name) ?? 0));
	// Each provider's observed and expected change, and its residuals' spread.
	const groups = data.groupNames.length;
	const n = new Int32Array(groups);
	const observed = new Float64Array(groups);
	const expected = new Float64Array(groups);
	const squares = new Float64Array(groups);
	for (let i = 0; i < rows; i++) {
		const count = counts[i];
		if (count === 0) continue;
		const base = i * width;
		let e = 0;
		for (let k = 0; k < count; k++) e += beta[at[base + k]] * values[base + k];
		const g = data.group[i];
		const y = data.change[i];
		n[g]++;
		observed[g] += y;
		expected[g] += e;
		squares[g] += (y - e) * (y - e);
	}
	const providers: ProviderResult[] = [];
	for (let g = 0; g < groups; g++) {
		if (n[g] === 0) continue;
		const difference = (observed[g] - expected[g]) / n[g];
		const variance = n[g] > 1 ? (squares[g] - n[g] * difference * difference) / (n[g] - 1) : NaN;
		const half = n[g] > 1 ? (critical(level, n[g] - 1) * Math.sqrt(Math.max(0, variance))) / Math.sqrt(n[g]) : NaN;
		providers.push({
			group: data.groupNames[g],
			clients: n[g],
			observed: observed[g] / n[g],
			expected: expected[g] / n[g],
			difference,
			ci: n[g] > 1 ? { low: difference - half, high: difference + half } : null,
			z: difference / (fit.residualSd / Math.sqrt(n[g])),
			hidden: n[g] < minClients
		});
	}
	return {
		terms,
		coefficients: fit.coefficients,
		n: fit.n,
		excluded: rows - fit.n,
		rSquared: fit.rSquared,
		residualSd: fit.residualSd,
		providers
	};
}

/** The funnel's control limits in standard errors: 1.96 (95%) and 3.09 (99.8%). */
export const funnelZ = () => ({ inner: critical(0.95), outer: critical(0.998) });

/** The funnel's control limits at `clients`: ±1.96 and ±3.09 residual SDs over √n (95% and 99.8%). */
export function funnelLimits(residualSd: number, clients: number): { inner: number; outer: number } {
	const se = residualSd / Math.sqrt(clients);
	const z = funnelZ();
	return { inner: z.inner * se, outer: z.outer * se };
}
