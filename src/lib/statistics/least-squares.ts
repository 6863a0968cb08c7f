/**
 * Ordinary least squares from cross-products (X'X, X'y, y'y), so a model over a hundred thousand clients
 * is summed in one pass and solved as a small matrix. The linear algebra is ml-matrix's
 * (https://github.com/mljs/matrix): Cholesky factors of X'X, never hand-written elimination.
 */
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { critical } from './distributions';
import type { Interval } from './summaries';

/** A design's sums, added to row by row or cell by cell. Column 0 is the intercept. */
export class CrossProducts {
	readonly p: number;
	readonly xtx: Float64Array;
	readonly xty: Float64Array;
	yty = 0;
	n = 0;

	constructor(readonly columns: readonly string[]) {
		this.p = columns.length;
		this.xtx = new Float64Array(this.p * this.p);
		this.xty = new Float64Array(this.p);
	}

	/** One row, given by its first `count` non-zero columns and their values (the intercept included). */
	addRow(at: ArrayLike<number>, values: ArrayLike<number>, y: number, count = at.length): void {
		const { p, xtx, xty } = this;
		for (let i = 0; i < count; i++) {
			xty[at[i]] += values[i] * y;
			for (let j = 0; j < count; j++) xtx[at[i] * p + at[j]] += values[i] * values[j];
		}
		this.yty += y * y;
		this.n++;
	}

	/**
	 * Many rows at once, in sparse form: row r's non-zero columns are `at[r * width + k]` with values
	 * `values[r * width + k]` for k below `counts[r]` (0 leaves the row out). One tight loop: a model over a
	 * hundred thousand clients is summed in a few milliseconds.
	 */
	addRows(at: Int32Array, values: Float64Array, counts: Uint8Array, y: Float64Array, width: number): void {
		const { p, xtx, xty } = this;
		for (let r = 0; r < counts.length; r++) {
			const count = counts[r];
			if (count === 0) continue;
			const base = r * width;
			const yr = y[r];
			for (let i = 0; i < count; i++) {
				const ai = at[base + i];
				const vi = values[base + i];
				xty[ai] += vi * yr;
				const row = ai * p;
				for (let j = 0; j < count; j++) xtx[row + at[base + j]] += vi * values[base + j];
			}
			this.yty += yr * yr;
			this.n++;
		}
	}

	/**
	 * Rows that share their indicator columns `ones` (the intercept, a group, a stratum) and differ in one
	 * numeric column `x`, given by their sums: n, Σx, Σy, Σx², Σxy, Σy².
	 */
	addCell(ones: readonly number[], x: number, m: Moments): void {
		if (m.n === 0) return;
		const { p, xtx, xty } = this;
		for (const i of ones) {
			for (const j of ones) xtx[i * p + j] += m.n;
			xtx[i * p + x] += m.x;
			xtx[x * p + i] += m.x;
			xty[i] += m.y;
		}
		xtx[x * p + x] += m.xx;
		xty[x] += m.xy;
		this.yty += m.yy;
		this.n += m.n;
	}
}

/** Sums over a set of clients of a covariate x (the baseline) and an outcome y. */
export interface Moments {
	n: number;
	x: number;
	y: number;
	xx: number;
	xy: number;
	yy: number;
}

export const noMoments = (): Moments => ({ n: 0, x: 0, y: 0, xx: 0, xy: 0, yy: 0 });

export function addMoment(m: Moments, x: number, y: number): void {
	m.n++;
	m.x += x;
	m.y += y;
	m.xx += x * x;
	m.xy += x * y;
	m.yy += y * y;
}

export interface Coefficient {
	name: string;
	estimate: number;
	se: number;
	ci: Interval;
}

export interface Fit {
	/** The columns that could be estimated, in order, with their estimates. */
	coefficients: Coefficient[];
	/** Columns left out because the data cannot tell them from the others (an empty group, a group only seen in one stratum…). */
	aliased: string[];
	n: number;
	/** Residual degrees of freedom: n minus the coefficients estimated. */
	df: number;
	residualSd: number;
	rSquared: number;
	/** The covariance of the estimates, in the order of `coefficients`. */
	covariance: number[][];
}

/** How much of a column must be left once the columns before it are taken out, for it to count as its own. */
const ALIASED = 1e-9;

/**
 * The least-squares fit of the cross-products, with standard errors and `level` intervals from the t
 * distribution on the residual degrees of freedom. Columns are taken in their order: one that the earlier
 * ones already explain is left out and named. Null when nothing is left to estimate the error from.
 */
export function fitLeastSquares(cp: CrossProducts, level = 0.95): Fit | null {
	const { p, xtx, xty } = cp;
	const keep: number[] = [];
	const aliased: string[] = [];
	for (let c = 0; c < p; c++) {
		const own = xtx[c * p + c];
		const tried = [...keep, c];
		const chol = new CholeskyDecomposition(submatrix(xtx, p, tried));
		const last = chol.isPositiveDefinite() ? chol.lowerTriangularMatrix.get(keep.length, keep.length) : 0;
		if (own > 0 && last * last > ALIASED * own) keep.push(c);
		else aliased.push(cp.columns[c]);
	}
	const df = cp.n - keep.length;
	if (keep.length === 0 || df < 1) return null;
	const a = submatrix(xtx, p, keep);
	const chol = new CholeskyDecomposition(a);
	const b = chol.solve(Matrix.columnVector(keep.map((c) => xty[c]))).to1DArray();
	const inverse = chol.solve(Matrix.eye(keep.length)).to2DArray();
	// Residual sum of squares: y'y − b'X'y.
	const rss = Math.max(0, cp.yty - keep.reduce((s, c, i) => s + b[i] * xty[c], 0));
	const residualVariance = rss / df;
	const meanY = xty[0] / cp.n;
	const tss = cp.yty - cp.n * meanY * meanY;
	const t = critical(level, df);
	return {
		coefficients: keep.map((c, i) => {
			const se = Math.sqrt(residualVariance * inverse[i][i]);
			return { name: cp.columns[c], estimate: b[i], se, ci: { low: b[i] - t * se, high: b[i] + t * se } };
		}),
		aliased,
		n: cp.n,
		df,
		residualSd: Math.sqrt(residualVariance),
		rSquared: tss > 0 ? 1 - rss / tss : 0,
		covariance: inverse.map((row) => row.map((v) => v * residualVariance))
	};
}

function submatrix(xtx: Float64Array, p: number, at: number[]): Matrix {
	const m = new Matrix(at.length, at.length);
	for (let i = 0; i < at.length; i++) for (let j = 0; j < at.length; j++) m.set(i, j, xtx[at[i] * p + at[j]]);
	return m;
}
