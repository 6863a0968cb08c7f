/**
 * Small statistics the dashboard needs: Student's t quantile for confidence intervals, summaries of
 * client-level values, standardised response mean, Cohen's d. Pure functions, checked by hand in the spec.
 */

/** ln Γ(x), Lanczos approximation (g = 7, n = 9): accurate to ~1e-15 for x > 0. */
function logGamma(x: number): number {
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
		12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
	];
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	x -= 1;
	let a = c[0];
	const t = x + 7.5;
	for (let i = 1; i < 9; i++) a += c[i] / (x + i);
	return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the regularised incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
	const tiny = 1e-300;
	let c = 1;
	let d = 1 - ((a + b) * x) / (a + 1);
	if (Math.abs(d) < tiny) d = tiny;
	d = 1 / d;
	let h = d;
	for (let m = 1; m <= 300; m++) {
		const m2 = 2 * m;
		let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		h *= d * c;
		aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
		d = 1 + aa * d;
		if (Math.abs(d) < tiny) d = tiny;
		c = 1 + aa / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < 1e-14) break;
	}
	return h;
}

/** Regularised incomplete beta I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
	return x < (a + 1) / (a + b + 2)
		? (front * betaContinuedFraction(a, b, x)) / a
		: 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
	const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
	return t >= 0 ? 1 - tail : tail;
}

const knownQuantiles = new Map<string, number>();

/** The t value below which a share `p` of Student's t distribution lies (bisection on the CDF; remembered, since a redraw asks for the same few). */
export function tQuantile(p: number, df: number): number {
	if (!(df > 0) || !(p > 0 && p < 1)) return NaN;
	const key = `${p} ${df}`;
	let t = knownQuantiles.get(key);
	if (t === undefined) {
		if (knownQuantiles.size > 10_000) knownQuantiles.clear();
		knownQuantiles.set(key, (t = bisectT(p, df)));
	}
	return t;
}

function bisectT(p: number, df: number): number {
	let lo = -1e3;
	let hi = 1e3;
	for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
		const mid = (lo + hi) / 2;
		if (tCdf(mid, df) < p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

export interface Interval {
	low: number;
	high: number;
}

/** 95% confidence interval of a mean from its SD and n (t distribution); null below 2 values. */
export function meanInterval(mean: number, sd: number, n: number, level = 0.95): Interval | null {
	if (n < 2 || !Number.isFinite(sd)) return null;
	const half = (tQuantile(1 - (1 - level) / 2, n - 1) * sd) / Math.sqrt(n);
	return { low: mean - half, high: mean + half };
}

/** Standardised response mean: mean change / SD of change. */
export function standardisedResponseMean(mean: number, sd: number): number | null {
	return sd > 0 ? mean / sd : null;
}

/** Cohen's d between two groups, with the pooled SD. */
export function cohensD(a: { mean: number; sd: number; n: number }, b: { mean: number; sd: number; n: number }): number | null {
	if (a.n < 2 || b.n < 2) return null;
	const pooled = Math.sqrt(((a.n - 1) * a.sd ** 2 + (b.n - 1) * b.sd ** 2) / (a.n + b.n - 2));
	return pooled > 0 ? (a.mean - b.mean) / pooled : null;
}

/** Cohen's conventions: 0.2 small, 0.5 medium, 0.8 large. */
export function effectSizeWord(d: number | null): string {
	if (d === null) return '';
	const size = Math.abs(d);
	return size >= 0.8 ? 'large' : size >= 0.5 ? 'medium' : size >= 0.2 ? 'small' : 'negligible';
}
