/**
 * Ids in the order of their values, smallest first, equal values in the order given: a radix sort on the
 * bits of the doubles. A comparison sort of 200 000 ids by value takes 50–80 ms here; this takes a few,
 * and a filter change may need it.
 */

/** Digits of 16 bits for many ids (4 passes), of 8 for fewer (8 passes, but the counts stay small). */
const digitFor = (n: number) => (n < 1 << 16 ? 8 : 16);

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
	const digit = digitFor(n);
	const count = new Int32Array(1 << digit);
	// Least significant digit first; each pass is stable, so earlier passes break later ties.
	for (let shift = 0; shift < 64; shift += digit) {
		if (radixPass(shift < 32 ? low : high, shift % 32, digit, order, spare, count)) [order, spare] = [spare, order];
	}
	const out = new Int32Array(n);
	for (let i = 0; i < n; i++) out[i] = ids[order[i]];
	return out;
}

/** One stable pass on a digit, from `order` into `into`; false (nothing moved) when every value shares the digit. */
function radixPass(digits: Uint32Array, shift: number, digit: number, order: Int32Array, into: Int32Array, count: Int32Array): boolean {
	const n = order.length;
	const mask = (1 << digit) - 1;
	count.fill(0);
	for (let i = 0; i < n; i++) count[(digits[i] >>> shift) & mask]++;
	// A digit every value shares (the low words of whole numbers, say) orders nothing: skip the pass.
	if (n === 0 || count[(digits[0] >>> shift) & mask] === n) return false;
	let sum = 0;
	for (let d = 0; d <= mask; d++) {
		const c = count[d];
		count[d] = sum;
		sum += c;
	}
	for (let i = 0; i < n; i++) {
		const from = order[i];
		into[count[(digits[from] >>> shift) & mask]++] = from;
	}
	return true;
}
