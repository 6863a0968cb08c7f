/**
 * The distributions the intervals need, from stdlib (https://github.com/stdlib-js/stdlib), never
 * written here: Student's t (quantile and CDF) and the standard normal quantile.
 */
import tQuantileOf from '@stdlib/stats-base-dists-t-quantile';
import tCdfOf from '@stdlib/stats-base-dists-t-cdf';
import normalQuantileOf from '@stdlib/stats-base-dists-normal-quantile';

const known = new Map<string, number>();

/** The t value below which a share `p` of Student's t with `df` degrees of freedom lies. Remembered: a redraw asks for the same few. */
export function tQuantile(p: number, df: number): number {
	if (!(df > 0) || !(p > 0 && p < 1)) return NaN;
	const key = `${p} ${df}`;
	let t = known.get(key);
	if (t === undefined) {
		if (known.size > 10_000) known.clear();
		known.set(key, (t = tQuantileOf(p, df)));
	}
	return t;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export const tCdf = (t: number, df: number): number => tCdfOf(t, df);

/** The standard normal quantile: 1.959964… for 0.975. */
export const normalQuantile = (p: number): number => normalQuantileOf(p, 0, 1);

/** The two-sided critical value of a `level` interval: t with `df` degrees of freedom, or the normal when df is infinite. */
export function critical(level: number, df = Infinity): number {
	const p = 1 - (1 - level) / 2;
	return df === Infinity ? normalQuantile(p) : tQuantile(p, df);
}
