/** Client values, already in value order, gathered into groups and summarised, in the page. */
import type { EffectRow } from '../metrics/effects';
import type { Filters } from '../metrics/filters';
import type { CubeMeasure } from './load-cube';
import type { Effect, Kept } from './effect-index';
import { quantile } from './quantiles';
import { LastOnly, oncePer } from './caches';
import { numbers } from '../definitions/arithmetic';
import { reachesBar, responderBar, type Threshold } from '../definitions/responder';

/** One effect's values in order, grouped: group b holds values[start[b]] … values[start[b] + count[b] − 1], still in order. */
export interface Gathered {
	start: Int32Array;
	count: Int32Array;
	values: Float64Array;
	sessions: Int32Array;
	responders: Int32Array;
	/** Per group, sums of the baseline (x) and the value (y), for models adjusted for baseline. */
	sumX: Float64Array;
	sumY: Float64Array;
	sumXX: Float64Array;
	sumXY: Float64Array;
	sumYY: Float64Array;
	/** Every value gathered, in order. */
	all: Float64Array;
	/** Clients behind the values, and those with a responder among them: a client in two groups counts once. */
	clients: number;
	respondingClients: number;
}

/**
 * One effect of the client-groups a filter keeps, into their groups, in one pass in value order, so each
 * group's values stay in order. Groups are the index's own unless `bucketOf` gives each client-group
 * one (−1 to leave it out), with `room` the most each can hold. With a threshold (course only), counts
 * the responders.
 */
export function gather(
	kept: Kept,
	effect: Effect,
	threshold: Threshold<number> | null,
	bucketOf: Int32Array | null = null,
	room: Int32Array = kept.index.bucketSize
): Gathered {
	const { index, whole } = kept;
	const sorted = index.sorted[effect];
	const cut = kept.cut[effect];
	const buckets = room.length;
	const start = new Int32Array(buckets);
	for (let b = 1; b < buckets; b++) start[b] = start[b - 1] + room[b - 1];
	const count = new Int32Array(buckets);
	const values = new Float64Array(buckets ? start[buckets - 1] + room[buckets - 1] : 0);
	const sessions = new Int32Array(buckets);
	const responders = new Int32Array(buckets);
	const sumX = new Float64Array(buckets);
	const sumY = new Float64Array(buckets);
	const sumXX = new Float64Array(buckets);
	const sumXY = new Float64Array(buckets);
	const sumYY = new Float64Array(buckets);
	const all = new Float64Array(sorted.at.length + cut.at.length);
	// Per client: 1 once seen, 2 once seen responding.
	const seen = new Uint8Array(index.count ? index.client[index.count - 1] + 1 : 0);
	let n = 0;
	let clients = 0;
	let respondingClients = 0;
	// Each client's bar (the responder rule), worked out once per threshold: not in the loop below.
	const bars = threshold ? barsFor(sorted.baseline, threshold) : null;
	const cutBars = threshold ? barsFor(cut.baseline, threshold) : null;
	const length = sorted.at.length;
	const cuts = cut.at.length;
	// Locals for every array: one plain loop, no property loads inside and one small call (reachesBar, a
	// comparison). It runs a few times per filter change, often before the JIT has warmed up.
	const { at, value, baseline: baselines, bucket: sortedBucket } = sorted;
	const sortedSessions = sorted.sessions;
	const sortedClient = sorted.client;
	const cutAt = cut.at;
	const cutValue = cut.value;
	const cutSessions = cut.sessions;
	const cutBaseline = cut.baseline;
	const cutClient = cut.client;
	const cutBucket = cut.bucket;
	let i = 0;
	let p = 0;
	let nextCut = cuts ? cutValue[0] : Infinity;
	for (;;) {
		let change: number;
		let bar: number;
		let behind: number;
		let baseline: number;
		let client: number;
		let b: number;
		if (p < cuts && (i >= length || nextCut < value[i])) {
			// A client-group the filter cuts through, merged in where its value falls.
			change = nextCut;
			bar = cutBars ? cutBars[p] : Infinity;
			behind = cutSessions[p];
			baseline = cutBaseline[p];
			client = cutClient[p];
			b = bucketOf ? bucketOf[cutAt[p]] : cutBucket[p];
			p++;
			nextCut = p < cuts ? cutValue[p] : Infinity;
		} else if (i < length) {
			const x = at[i];
			if (!whole[x]) {
				i++;
				continue;
			}
			change = value[i];
			bar = bars ? bars[i] : Infinity;
			behind = sortedSessions[i];
			baseline = baselines[i];
			client = sortedClient[i];
			b = bucketOf ? bucketOf[x] : sortedBucket[i];
			i++;
		} else break;
		if (b < 0) continue;
		all[n++] = change;
		values[start[b] + count[b]++] = change;
		sessions[b] += behind;
		sumX[b] += baseline;
		sumY[b] += change;
		sumXX[b] += baseline * baseline;
		sumXY[b] += baseline * change;
		sumYY[b] += change * change;
		if (seen[client] === 0) {
			seen[client] = 1;
			clients++;
		}
		if (reachesBar(numbers, change, bar)) {
			responders[b]++;
			if (seen[client] === 1) {
				seen[client] = 2;
				respondingClients++;
			}
		}
	}
	return {
		start,
		count,
		values,
		sessions,
		responders,
		sumX,
		sumY,
		sumXX,
		sumXY,
		sumYY,
		all: all.subarray(0, n),
		clients,
		respondingClients
	};
}

/** One row per group that has values; `names` gives its group and condition. */
export function effectRows(g: Gathered, names: (b: number) => [string, string], withResponders: boolean): EffectRow[] {
	const rows: EffectRow[] = [];
	for (let b = 0; b < g.start.length; b++) {
		if (g.count[b] === 0) continue;
		const [group, condition] = names(b);
		const values = g.values.subarray(g.start[b], g.start[b] + g.count[b]);
		rows.push({
			group,
			condition,
			clients: values.length,
			sessions: g.sessions[b],
			...stats(values),
			responders: withResponders ? g.responders[b] : null,
			moments: { n: values.length, x: g.sumX[b], y: g.sumY[b], xx: g.sumXX[b], xy: g.sumXY[b], yy: g.sumYY[b] }
		});
	}
	return rows;
}

/** Mean, SD and quartiles of values in order. */
function stats(sorted: Float64Array) {
	const n = sorted.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += sorted[i];
	const mean = sum / n;
	let squares = 0;
	for (let i = 0; i < n; i++) squares += (sorted[i] - mean) ** 2;
	return {
		mean,
		sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
		q1: quantile(sorted, 0.25),
		median: quantile(sorted, 0.5),
		q3: quantile(sorted, 0.75)
	};
}

/** The meaningful change, the user's or else the measure's; NaN where none is declared. */
export function thresholdFor(measure: CubeMeasure, filters: Filters): Threshold<number> {
	return { points: filters.mcidPoints ?? measure.mcidPoints ?? NaN, percent: filters.mcidPercent ?? measure.mcidPercent ?? NaN };
}

function responderBars(baselines: Float64Array, threshold: Threshold<number>): Float64Array {
	const bars = new Float64Array(baselines.length);
	for (let i = 0; i < baselines.length; i++) bars[i] = responderBar(numbers, baselines[i], threshold);
	return bars;
}

/** The bars of an index's clients, kept while the threshold stays: a filter change reuses them. */
const sameThreshold = (a: Threshold<number>, b: Threshold<number>) => Object.is(a.points, b.points) && Object.is(a.percent, b.percent);
const barsOf = oncePer((_: Float64Array) => new LastOnly<Threshold<number>, Float64Array>(sameThreshold));
const barsFor = (baselines: Float64Array, threshold: Threshold<number>) =>
	barsOf(baselines).get(threshold, () => responderBars(baselines, threshold));
