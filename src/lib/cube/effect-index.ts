/**
 * Each client's effects on one measure, per group × condition, worked out once from all their units and
 * kept in value order. A filter keeps all, none or some of a client-group's units: the first two reuse
 * the stored values, and only the client-groups a filter cuts through (a date range through a course, a
 * clinic filter on a client seen at two clinics) are worked out again and merged in. The values come out
 * in order, so medians and quartiles are read off rather than searched for.
 */
import { oncePer } from './caches';
import { numbers } from '../definitions/arithmetic';
import { COURSE_MIN_SESSIONS, courseEffect } from '../definitions/effects';
import type { Entries, Units } from './units';
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
	/** The measure's code. */
	measure: number;
	client: Int32Array;
	/** Each client-group's group and condition codes. */
	group: Int32Array;
	condition: Int32Array;
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

/** The course effect signed by the measure's direction (immediate effects come signed). `groups` are the units' group codes (technique, therapist or clinic). */
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
		measure,
		client: client.slice(0, count),
		group: group.slice(0, count),
		condition: condition.slice(0, count),
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
	const all = sums(count);
	accumulate(all, units.entries, entries, of, null, null, null);
	index.all = valuesOf(all, lowerIsBetter);
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

/** Sums over the entries of each client-group (or of each slot given to some of them). */
interface Sums {
	sum: Float64Array;
	pairedBefore: Float64Array;
	pairs: Int32Array;
	befores: Int32Array;
	first: Float64Array;
	firstKey: Int32Array;
	last: Float64Array;
	lastKey: Int32Array;
}

function sums(n: number): Sums {
	return {
		sum: new Float64Array(n),
		pairedBefore: new Float64Array(n),
		pairs: new Int32Array(n),
		befores: new Int32Array(n),
		first: new Float64Array(n),
		firstKey: new Int32Array(n).fill(2147483647),
		last: new Float64Array(n),
		lastKey: new Int32Array(n).fill(-1)
	};
}

/**
 * Adds entries[j] to the sums of client-group of[j]: at slot slotOf[x] − 1 when `slotOf` is given (0: not
 * summed), and only where `mask` keeps unitOf[j] when it is given.
 */
function accumulate(
	into: Sums,
	e: Entries,
	entries: Int32Array,
	of: Int32Array,
	slotOf: Int32Array | null,
	unitOf: Int32Array | null,
	mask: Uint8Array | null
) {
	const { sum, pairedBefore, pairs, befores, first, firstKey, last, lastKey } = into;
	const { change, firstBefore, lastBefore } = e;
	const entryPairs = e.pairs;
	const entryBefores = e.befores;
	const entryPairedBefore = e.pairedBefore;
	const entryFirstKey = e.firstKey;
	const entryLastKey = e.lastKey;
	for (let j = 0; j < entries.length; j++) {
		let x = of[j];
		if (slotOf) {
			x = slotOf[x] - 1;
			if (x < 0) continue;
		}
		if (mask && unitOf && !mask[unitOf[j]]) continue;
		const k = entries[j];
		pairs[x] += entryPairs[k];
		sum[x] += change[k];
		pairedBefore[x] += entryPairedBefore[k];
		if (entryBefores[k] === 0) continue;
		befores[x] += entryBefores[k];
		if (entryFirstKey[k] < firstKey[x]) {
			firstKey[x] = entryFirstKey[k];
			first[x] = firstBefore[k];
		}
		if (entryLastKey[k] > lastKey[x]) {
			lastKey[x] = entryLastKey[k];
			last[x] = lastBefore[k];
		}
	}
}

/** The effects from the sums. */
function valuesOf(s: Sums, lowerIsBetter: boolean): Values {
	const n = s.pairs.length;
	const { sum, pairs, befores, first, last } = s;
	const immediate = new Float64Array(n);
	const course = new Float64Array(n);
	const pairedBefore = s.pairedBefore;
	for (let x = 0; x < n; x++) {
		immediate[x] = pairs[x] > 0 ? sum[x] / pairs[x] : NaN;
		pairedBefore[x] = pairs[x] > 0 ? pairedBefore[x] / pairs[x] : NaN;
		course[x] = befores[x] >= COURSE_MIN_SESSIONS ? courseEffect(numbers, first[x], last[x], lowerIsBetter) : NaN;
	}
	return { immediate, pairs, pairedBefore, course, befores, baseline: first };
}

/** The client-groups among `ids` with a value for the effect, in value order. */
function inValueOrder(values: Values, effect: Effect, ids: Int32Array): Int32Array {
	const has = effect === 'immediate' ? values.pairs : values.befores;
	const least = effect === 'immediate' ? 1 : COURSE_MIN_SESSIONS;
	const chosen = new Int32Array(ids.length);
	let n = 0;
	for (let i = 0; i < ids.length; i++) if (has[ids[i]] >= least) chosen[n++] = ids[i];
	return sortByValue(chosen.subarray(0, n), values[effect]);
}

/** What a filter keeps of an index: client-groups kept whole, and those it cuts through worked out again. */
export interface Kept {
	index: EffectIndex;
	whole: Uint8Array;
	/** The cut client-groups with a value, in value order, laid out as the index's own. */
	cut: Record<Effect, Sorted>;
}

const NONE: Sorted = {
	at: new Int32Array(0),
	value: new Float64Array(0),
	sessions: new Int32Array(0),
	baseline: new Float64Array(0),
	client: new Int32Array(0),
	bucket: new Int32Array(0)
};

/**
 * The client-groups of the units `mask` keeps. `cut`: units of other clients (a date range's, date-range.ts),
 * all kept, with their codes for the index's grouping: their client-groups are worked out from them.
 * Only the client-groups cut through are summed again, each in a slot of its own (a few, usually).
 */
export function keptBy(
	units: Units,
	index: EffectIndex,
	mask: Uint8Array,
	lowerIsBetter: boolean,
	cut: { units: Units; groups: Int32Array } | null = null
): Kept {
	const { unit: unitOf, of, size } = index;
	const kept = new Int32Array(index.count);
	countKept(unitOf, of, mask, kept);
	const whole = new Uint8Array(index.count);
	const slotOf = new Int32Array(index.count);
	const partly = classifyKept(kept, size, whole, slotOf);
	const extra = cut ? cutSource(index, cut.units, cut.groups, slotOf, partly) : null;
	const slots = extra ? extra.slots : partly;
	if (slots === 0) return { index, whole, cut: { immediate: NONE, course: NONE } };
	const into = sums(slots);
	if (partly) accumulate(into, units.entries, index.entries, of, slotOf, unitOf, mask);
	if (extra) accumulate(into, cut!.units.entries, extra.entries, extra.of, slotOf, null, null);
	const values = valuesOf(into, lowerIsBetter);
	const ids = new Int32Array(slots);
	for (let x = 0; x < index.count; x++) if (slotOf[x]) ids[slotOf[x] - 1] = x;
	const everySlot = new Int32Array(slots);
	for (let i = 0; i < slots; i++) everySlot[i] = i;
	const lay = (effect: Effect) => laid(inValueOrder(values, effect, everySlot), ids, values, effect, index);
	return { index, whole, cut: { immediate: lay('immediate'), course: lay('course') } };
}

/** Slots (in value order) as client-groups with their values, sessions, baselines, clients and buckets. */
function laid(order: Int32Array, ids: Int32Array, values: Values, effect: Effect, index: EffectIndex): Sorted {
	const n = order.length;
	const out: Sorted = {
		at: new Int32Array(n),
		value: new Float64Array(n),
		sessions: new Int32Array(n),
		baseline: new Float64Array(n),
		client: new Int32Array(n),
		bucket: new Int32Array(n)
	};
	const value = values[effect];
	const sessions = effect === 'immediate' ? values.pairs : values.befores;
	const baseline = baselineOf(values, effect);
	for (let i = 0; i < n; i++) {
		const s = order[i];
		const x = ids[s];
		out.at[i] = x;
		out.value[i] = value[s];
		out.sessions[i] = sessions[s];
		out.baseline[i] = baseline[s];
		out.client[i] = index.client[x];
		out.bucket[i] = index.bucket[x];
	}
	return out;
}

/** Counts each client-group's entries whose unit `mask` keeps. */
function countKept(unitOf: Int32Array, of: Int32Array, mask: Uint8Array, kept: Int32Array) {
	for (let j = 0; j < unitOf.length; j++) if (mask[unitOf[j]]) kept[of[j]]++;
}

/** Marks client-groups kept whole, and gives those kept in part a slot (slotOf[x] − 1); returns how many. */
function classifyKept(kept: Int32Array, size: Int32Array, whole: Uint8Array, slotOf: Int32Array): number {
	let slots = 0;
	for (let x = 0; x < kept.length; x++) {
		if (kept[x] === size[x]) whole[x] = 1;
		else if (kept[x] > 0) slotOf[x] = ++slots;
	}
	return slots;
}

/** Where each client's client-groups start in the index, made on first use. */
const clientStart = oncePer((index: EffectIndex): Int32Array => {
	const clients = index.count ? index.client[index.count - 1] + 1 : 0;
	const start = new Int32Array(clients + 2);
	for (let x = 0; x < index.count; x++) start[index.client[x] + 1]++;
	for (let c = 0; c <= clients; c++) start[c + 1] += start[c];
	return start;
});

/**
 * The other clients' entries of the index's measure, each with its client-group, which gets a slot after
 * the `slots` given; returns the entries, their client-groups and the slots given in all.
 */
function cutSource(
	index: EffectIndex,
	units: Units,
	groups: Int32Array,
	slotOf: Int32Array,
	slots: number
): { entries: Int32Array; of: Int32Array; slots: number } {
	const entries = units.byMeasure[index.measure] ?? new Int32Array(0);
	const of = new Int32Array(entries.length);
	const given = findGroups(
		entries,
		units.entries.unit,
		units.client,
		units.condition,
		groups,
		clientStart(index),
		index.group,
		index.condition,
		of,
		slotOf,
		slots
	);
	return { entries, of, slots: given };
}

function findGroups(
	entries: Int32Array,
	unitOf: Int32Array,
	clientOf: Int32Array,
	conditionOf: Int32Array,
	groups: Int32Array,
	start: Int32Array,
	group: Int32Array,
	condition: Int32Array,
	of: Int32Array,
	slotOf: Int32Array,
	slots: number
): number {
	for (let j = 0; j < entries.length; j++) {
		const unit = unitOf[entries[j]];
		const client = clientOf[unit];
		const g = groups[unit];
		const c = conditionOf[unit];
		let x = start[client];
		const end = start[client + 1];
		while (x < end && (group[x] !== g || condition[x] !== c)) x++;
		// The index was built from all the units, these sessions among them.
		if (x === end) throw new Error('A session outside the effect index');
		of[j] = x;
		if (!slotOf[x]) slotOf[x] = ++slots;
	}
	return slots;
}
