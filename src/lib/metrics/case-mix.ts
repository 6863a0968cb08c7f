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
import { chronicityBand, type Covariate } from './case-mix-covariates';

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
	/** Per covariate, each row's value: a number (NaN if missing), or a text (null if missing). */
	covariates: { covariate: Covariate; numbers: Float64Array | null; texts: (string | null)[] | null }[];
}

/** Clients each model term needs: fewer, and the term is left out. */
export const CLIENTS_PER_TERM = 10;
/** A covariate missing for more clients than this share is left out rather than losing them. */
const MOST_MISSING = 0.2;

export interface Term {
	/** What the term is: "baseline", "condition", "chronicity (weeks_since_onset)". */
	label: string;
	/** A category's levels, the reference first; empty for a number. */
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

interface Candidate {
	label: string;
	levels: string[];
	/** Each row's columns and values for this term (empty for the reference level), or null when the row lacks it. */
	columns: string[];
	rowTerms: (i: number) => { at: number[]; values: number[] } | null;
}

function levelsOf(texts: readonly (string | null)[], rows: number): string[] {
	const seen = new Set<string>();
	for (let i = 0; i < rows; i++) if (texts[i] !== null) seen.add(texts[i]!);
	return [...seen].sort();
}

function categorical(label: string, texts: readonly (string | null)[], rows: number): Candidate {
	const levels = levelsOf(texts, rows);
	const index = new Map(levels.slice(1).map((l, k) => [l, k]));
	return {
		label,
		levels,
		columns: levels.slice(1).map((l) => `${label}: ${l}`),
		rowTerms: (i) => {
			const t = texts[i];
			if (t === null) return null;
			const k = index.get(t);
			return k === undefined ? { at: [], values: [] } : { at: [k], values: [1] };
		}
	};
}

function numeric(label: string, numbers: Float64Array): Candidate {
	return { label, levels: [], columns: [label], rowTerms: (i) => (numbers[i] === numbers[i] ? { at: [0], values: [numbers[i]] } : null) };
}

export function caseMix(data: CaseMixData, minClients: number, level = 0.95): CaseMix | null {
	const rows = data.count;
	if (rows < 2) return null;
	const conditionTexts = Array.from(data.condition.subarray(0, rows), (c) => data.conditionNames[c]);
	const candidates: Candidate[] = [numeric('baseline', data.baseline), categorical('condition', conditionTexts, rows)];
	for (const c of data.covariates) {
		const { kind, name, unit } = c.covariate;
		const label = `${kind} (${name})`;
		if (c.numbers && unit) candidates.push(categorical(label, Array.from(c.numbers, (v) => chronicityBand(v, unit)), rows));
		else candidates.push(c.numbers ? numeric(label, c.numbers) : categorical(label, c.texts!, rows));
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
		for (let i = 0; i < rows; i++) if (complete[i] && candidate.rowTerms(i) !== null) (present[i] = 1), n++;
		const term: Term = { label: candidate.label, levels: candidate.levels, parameters: candidate.columns.length, used: false, reason: null };
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
	// Columns: the intercept, then each used term's.
	const offsets: number[] = [];
	const columns = ['intercept'];
	for (const c of used) {
		offsets.push(columns.length);
		columns.push(...c.columns);
	}
	const design = (i: number) => {
		const at = [0];
		const values = [1];
		used.forEach((c, t) => {
			const part = c.rowTerms(i)!;
			for (let k = 0; k < part.at.length; k++) {
				at.push(offsets[t] + part.at[k]);
				values.push(part.values[k]);
			}
		});
		return { at, values };
	};
	const cp = new CrossProducts(columns);
	for (let i = 0; i < rows; i++) {
		if (!complete[i]) continue;
		const { at, values } = design(i);
		cp.addRow(at, values, data.change[i]);
	}
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
		if (!complete[i]) continue;
		const { at, values } = design(i);
		let e = 0;
		for (let k = 0; k < at.length; k++) e += beta[at[k]] * values[k];
		const g = data.group[i];
		const r = data.change[i] - e;
		n[g]++;
		observed[g] += data.change[i];
		expected[g] += e;
		squares[g] += r * r;
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
	return { terms, coefficients: fit.coefficients, n: fit.n, excluded: rows - fit.n, rSquared: fit.rSquared, residualSd: fit.residualSd, providers };
}

/** The funnel's control limits at `clients`: ±1.96 and ±3.09 residual SDs over √n (95% and 99.8%). */
export function funnelLimits(residualSd: number, clients: number): { inner: number; outer: number } {
	const se = residualSd / Math.sqrt(clients);
	return { inner: critical(0.95) * se, outer: critical(0.998) * se };
}
