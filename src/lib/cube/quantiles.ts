/** Quantiles as DuckDB computes them (quantile_cont), by selection rather than sorting. */

/** The k-th smallest value (0-based), rearranging `a` (quickselect, Hoare partition): linear time. */
function select(a: Float64Array, k: number): number {
	let lo = 0;
	let hi = a.length - 1;
	while (hi > lo) {
		const pivot = a[(lo + hi) >> 1];
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (a[i] < pivot) i++;
			while (a[j] > pivot) j--;
			if (i <= j) {
				const t = a[i];
				a[i] = a[j];
				a[j] = t;
				i++;
				j--;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return a[k];
	}
	return a[k];
}

/** One quantile of many values without sorting them all: the same result as `quantile` on the sorted values. */
export function quantileOf(values: ArrayLike<number>, p: number): number | null {
	return values.length === 0 ? null : quantileIn(new Float64Array(values), p);
}

/** A quantile of the values in `a`, which it rearranges (so several can be taken from one copy). */
export function quantileIn(a: Float64Array, p: number): number {
	const h = (a.length - 1) * p;
	const lo = Math.floor(h);
	const low = select(a, lo);
	if (lo + 1 >= a.length || h === lo) return low;
	// After selecting, everything right of `lo` is ≥ low: the next value is their minimum.
	let next = Infinity;
	for (let i = lo + 1; i < a.length; i++) if (a[i] < next) next = a[i];
	return low + (h - lo) * (next - low);
}

/** DuckDB's quantile_cont: linear interpolation at (n − 1) × p of the sorted values. */
export function quantile(sorted: ArrayLike<number>, p: number): number {
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}
