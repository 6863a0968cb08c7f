/**
 * Each client's effects on one measure, per group × condition, worked out once from all their units and
 * kept in value order. A filter keeps all, none or some of a client-group's units: the first two reuse
 * the stored values, and only the client-groups a filter cuts through (a date range through a course, a
 * clinic filter on a client seen at two clinics) are worked out again and merged in. The values come out
 * in order, so medians and quartiles are read off rather than searched for.
 */
import type { Units } from './units';
import { sortByValue } from './sort-by-value';

export type Effect = 'immediate' | 'course';

/** One effect of each client-group, the part a filter needs. */
export interface Values {
	immediate: Float64Array;
	pairs: Int32Array;
	/** The mean before-session value of the sessions behind the immediate effect: its baseline. */
	pairedBefore: Float64Array;
	course: Float64Array;
	befores: Int32Array;
	/** The first before-session value: the course's baseline. */
	baseline: Float64Array;
}

/** Each effect's baseline. */
export const baselineOf = (values: Values, effect: Effect) => (effect === 'immediate' ? values.pairedBefore : values.baseline);

export interface EffectIndex {
	/** Client-groups: one client's units with one group and one condition that have this measure. */
	count: number;
	client: Int32Array;
	/** A dense number for each group × condition, the codes behind it, and its client-groups. */
	bucket: Int32Array;
	buckets: { group: number; condition: number }[];
	bucketSize: Int32Array;
	/** The measure's entries (indexes into units.entries), the unit and client-group of each, entries per client-group. */
	entries: Int32Array;
	unit: Int32Array;
	of: Int32Array;
	size: Int32Array;
	all: Values;
	/** Client-groups with a value, in value order, with what a summary reads laid out in the same order. */
	sorted: Record<Effect, Sorted>;
}

/** Client-groups in value order: reading these arrays front to back is what makes a redraw fast. */
export interface Sorted {
	at: Int32Array;
	value: Float64Array;
	sessions: Int32Array;
	baseline: Float64Array;
	client: Int32Array;
	bucket: Int32Array;
}

/** Signs changes so that positive is better. `groups` are the units' group codes (technique, therapist or clinic). */
export function buildEffectIndex(units: Units, measure: number, groups: Int32Array, lowerIsBetter: boolean): EffectIndex {
	const entries = units.byMeasure[measure] ?? new Int32Array(0);
	const unitOf = units.entries.unit;
	const of = new Int32Array(entries.length);
	const client = new Int32Array(entries.length);
	const group = new Int32Array(entries.length);
	const condition = new Int32Array(entries.length);
	const size = new Int32Array(entries.length);
	let count = 0;
	let clientStart = 0;
	let current = -1;
	for (let j = 0; j < entries.length; j++) {
		const unit = unitOf[entries[j]];
		if (units.client[unit] !== current) {
			current = units.client[unit];
			clientStart = count;
		}
		const g = groups[unit];
		const c = units.condition[unit];
		// A client has few groups: look through theirs.
		let at = -1;
		for (let x = clientStart; x < count; x++) if (group[x] === g && condition[x] === c) at = x;
		if (at < 0) {
			at = count++;
			client[at] = current;
			group[at] = g;
			condition[at] = c;
		}
		of[j] = at;
		size[at]++;
	}
	const bucketIds = new Map<number, number>();
	const buckets: EffectIndex['buckets'] = [];
	const bucket = new Int32Array(count);
	for (let x = 0; x < count; x++) {
		const key = group[x] * 65536 + condition[x];
		let b = bucketIds.get(key);
		if (b === undefined) {
			bucketIds.set(key, (b = buckets.length));
			buckets.push({ group: group[x], condition: condition[x] });
		}
		bucket[x] = b;
	}
	const index: EffectIndex = {
		count,
		client: client.slice(0, count),
		bucket,
		buckets,
		bucketSize: new Int32Array(buckets.length),
		entries,
		unit: new Int32Array(entries.length),
		of,
		size: size.slice(0, count),
		all: null as unknown as Values,
		sorted: null as unknown as Record<Effect, Sorted>
	};
	for (let j = 0; j < entries.length; j++) index.unit[j] = unitOf[entries[j]];
	for (let x = 0; x < count; x++) index.bucketSize[bucket[x]]++;
	index.all = workOut(units, index, lowerIsBetter, null);
	const everyone = new Int32Array(count);
	for (let x = 0; x < count; x++) everyone[x] = x;
	const lay = (effect: Effect): Sorted => {
		const at = inValueOrder(index.all, effect, everyone);
		const n = at.length;
		const out: Sorted = {
			at,
			value: new Float64Array(n),
			sessions: new Int32Array(n),
			baseline: new Float64Array(n),
			client: new Int32Array(n),
			bucket: new Int32Array(n)
		};
		const value = index.all[effect];
		const sessions = effect === 'immediate' ? index.all.pairs : index.all.befores;
		const baseline = baselineOf(index.all, effect);
		for (let i = 0; i < n; i++) {
			const x = at[i];
			out.value[i] = value[x];
			out.sessions[i] = sessions[x];
			out.baseline[i] = baseline[x];
			out.client[i] = index.client[x];
			out.bucket[i] = index.bucket[x];
		}
		return out;
	};
	index.sorted = { immediate: lay('immediate'), course: lay('course') };
	return index;
}

/** The effects of each client-group from its entries that `use` marks (all when null). */
function workOut(units: Units, index: EffectIndex, lowerIsBetter: boolean, use: Uint8Array | null): Values {
	const n = index.count;
	const sum = new Float64Array(n);
	const pairedBefore = new Float64Array(n);
	const pairs = new Int32Array(n);
	const befores = new Int32Array(n);
	const first = new Float64Array(n);
	const firstKey = new Int32Array(n).fill(2147483647);
	const last = new Float64Array(n);
	const lastKey = new Int32Array(n).fill(-1);
	const e = units.entries;
	for (let j = 0; j < index.entries.length; j++) {
		if (use && !use[j]) continue;
		const k = index.entries[j];
		const x = index.of[j];
		pairs[x] += e.pairs[k];
		sum[x] += e.change[k];
		pairedBefore[x] += e.pairedBefore[k];
		if (e.befores[k] === 0) continue;
		befores[x] += e.befores[k];
		if (e.firstKey[k] < firstKey[x]) (firstKey[x] = e.firstKey[k]), (first[x] = e.firstBefore[k]);
		if (e.lastKey[k] > lastKey[x]) (lastKey[x] = e.lastKey[k]), (last[x] = e.lastBefore[k]);
	}
	const sign = lowerIsBetter ? 1 : -1;
	const immediate = new Float64Array(n);
	const course = new Float64Array(n);
	for (let x = 0; x < n; x++) {
		immediate[x] = pairs[x] > 0 ? (sign * sum[x]) / pairs[x] : NaN;
		pairedBefore[x] = pairs[x] > 0 ? pairedBefore[x] / pairs[x] : NaN;
		course[x] = befores[x] >= 2 ? sign * (first[x] - last[x]) : NaN;
	}
	return { immediate, pairs, pairedBefore, course, befores, baseline: first };
}

/** The client-groups among `ids` with a value for the effect, in value order. */
function inValueOrder(values: Values, effect: Effect, ids: Int32Array): Int32Array {
	const has = effect === 'immediate' ? values.pairs : values.befores;
	const least = effect === 'immediate' ? 1 : 2;
	const chosen = new Int32Array(ids.length);
	let n = 0;
	for (let i = 0; i < ids.length; i++) if (has[ids[i]] >= least) chosen[n++] = ids[i];
	return sortByValue(chosen.subarray(0, n), values[effect]);
}

/** What a filter keeps of an index: client-groups kept whole, and those it cuts through worked out again. */
export interface Kept {
	index: EffectIndex;
	whole: Uint8Array;
	/** The cut client-groups with a value, in value order, and their values. */
	cut: Record<Effect, Int32Array>;
	part: Values;
}

export function keptBy(units: Units, index: EffectIndex, mask: Uint8Array, lowerIsBetter: boolean): Kept {
	const kept = new Int32Array(index.count);
	const unitOf = index.unit;
	for (let j = 0; j < unitOf.length; j++) if (mask[unitOf[j]]) kept[index.of[j]]++;
	const whole = new Uint8Array(index.count);
	const cut: number[] = [];
	for (let x = 0; x < index.count; x++) {
		if (kept[x] === index.size[x]) whole[x] = 1;
		else if (kept[x] > 0) cut.push(x);
	}
	if (cut.length === 0) return { index, whole, cut: { immediate: new Int32Array(0), course: new Int32Array(0) }, part: index.all };
	const use = new Uint8Array(unitOf.length);
	for (let j = 0; j < unitOf.length; j++) use[j] = mask[unitOf[j]] && !whole[index.of[j]] ? 1 : 0;
	const part = workOut(units, index, lowerIsBetter, use);
	const ids = Int32Array.from(cut);
	return { index, whole, cut: { immediate: inValueOrder(part, 'immediate', ids), course: inValueOrder(part, 'course', ids) }, part };
}
