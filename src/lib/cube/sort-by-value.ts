/**
 * Ids in the order of their values, smallest first, equal values in the order given: a radix sort on the
 * bits of the doubles. A comparison sort of 200 000 ids by value takes 50–80 ms here; this takes a few,
 * and a filter change may need it.
 */

const DIGIT = 16;
const BUCKETS = 1 << DIGIT;

/** `ids` (which must not name a NaN value) sorted by `values[id]`, as a new array. */
export function sortByValue(ids: Int32Array, values: Float64Array): Int32Array {
	const n = ids.length;
	// Each value as two 32-bit words (little-endian, as every browser runs) whose unsigned order is the
	// numeric order: positive values get their sign bit set, negative ones all their bits flipped.
	const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
	const high = new Uint32Array(n);
	const low = new Uint32Array(n);
	for (let i = 0; i < n; i++) {
		const h = words[2 * ids[i] + 1];
		const l = words[2 * ids[i]];
		// −0 is 0: it sorts with the zeros, in the order given.
		const negative = h >>> 31 && (h !== 0x80000000 || l !== 0);
		high[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
		low[i] = negative ? ~l >>> 0 : l;
	}
	let order = new Int32Array(n);
	for (let i = 0; i < n; i++) order[i] = i;
	let spare = new Int32Array(n);
	const count = new Int32Array(BUCKETS);
	// Least significant digit first; each pass is stable, so earlier passes break later ties.
	for (const [digits, shift] of [
		[low, 0],
		[low, DIGIT],
		[high, 0],
		[high, DIGIT]
	] as const) {
		count.fill(0);
		for (let i = 0; i < n; i++) count[(digits[i] >>> shift) & (BUCKETS - 1)]++;
		// A digit every value shares (the low words of whole numbers, say) orders nothing: skip the pass.
		if (n === 0 || count[(digits[0] >>> shift) & (BUCKETS - 1)] === n) continue;
		let sum = 0;
		for (let d = 0; d < BUCKETS; d++) {
			const c = count[d];
			count[d] = sum;
			sum += c;
		}
		for (let i = 0; i < n; i++) {
			const from = order[i];
			spare[count[(digits[from] >>> shift) & (BUCKETS - 1)]++] = from;
		}
		[order, spare] = [spare, order];
	}
	const out = new Int32Array(n);
	for (let i = 0; i < n; i++) out[i] = ids[order[i]];
	return out;
}
