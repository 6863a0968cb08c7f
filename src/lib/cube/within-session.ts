/** The within-session grids (pain by condition, range of motion by movement), in the page. */
import { oncePer } from './caches';
import type { Cube } from './load-cube';
import type { Units } from './units';
import { partsOf, type Selection } from './date-range';
import type { Filters } from '../metrics/filters';
import type { WithinSessionChart, WithinSessionRow } from '../metrics/within-session';
import { groupOf } from './client-effects';
import type { Gathered } from './group-stats';
import { byString } from '../format/text-order';

/**
 * One value per client and group (and condition, or movement): the mean change over their sessions with a
 * before and an after; then per row the mean of those. One pass over each measure's entries in client order
 * (laid out together, measure by measure), a client's few groups in reused slots, rows summed in arrays by
 * group × condition (or movement): nothing is allocated per entry or per client.
 */
export function withinSessionChart(
	cube: Cube,
	kept: Selection,
	measures: number[],
	by: Filters['by'],
	groupBy: 'condition' | 'measure'
): WithinSessionChart {
	const byCondition = groupBy === 'condition';
	const width = byCondition ? cube.names.condition.length : cube.measures.length;
	const groupNames = groupOf(cube, kept.units, by).names;
	const rows = groupNames.length * width;
	const sums: Sums = {
		sumOfMeans: new Float64Array(rows),
		clients: new Int32Array(rows),
		sessions: new Float64Array(rows),
		seen: new Uint8Array(kept.units.count ? kept.units.client[kept.units.count - 1] + 1 : 0),
		slots: { key: new Int32Array(8), sum: new Float64Array(8), n: new Int32Array(8) }
	};
	const rowUnit: string[] = [];
	let clients = 0;
	let pairSessions = 0;
	const parts = partsOf(kept);
	// A date range's clients cut through are units of their own, after the cells' clients: each client is in one part.
	for (const [units, mask] of parts) {
		const codes = groupOf(cube, units, by).codes;
		for (const code of measures) {
			const entries = laidOut(units, code);
			const totals = sumClients(
				entries.unit,
				entries.pairs,
				entries.change,
				mask,
				units.client,
				codes,
				byCondition ? units.condition : null,
				code,
				width,
				sums
			);
			pairSessions += totals[0];
			clients += totals[1];
			for (let r = 0; r < rows; r++) if (sums.clients[r] && rowUnit[r] === undefined) rowUnit[r] = cube.measures[code].unit;
		}
	}
	// Range of motion: a session with two movements measured counts once.
	let sessions = pairSessions;
	if (groupBy === 'measure') {
		sessions = 0;
		for (const [units, mask, only] of parts) {
			const romPairs = units.romPairs;
			if (only) for (let at = 0; at < only.length; at++) sessions += romPairs[only[at]];
			else if (mask) for (let i = 0; i < units.count; i++) if (mask[i]) sessions += romPairs[i];
		}
	}
	const out: WithinSessionRow[] = [];
	for (let r = 0; r < rows; r++) {
		if (!sums.clients[r]) continue;
		const name = byCondition ? cube.names.condition[r % width] : cube.measures[r % width].label;
		out.push({
			technique: groupNames[Math.floor(r / width)],
			group: name,
			unit: rowUnit[r],
			meanChange: sums.sumOfMeans[r] / sums.clients[r],
			clients: sums.clients[r],
			sessions: sums.sessions[r]
		});
	}
	out.sort((a, b) => byString(a.technique, b.technique) || byString(a.group, b.group) || byString(a.unit, b.unit));
	return { rows: out, totals: { clients, sessions } };
}

/** One measure's entries of some units, laid out together: unit, sessions with a before and an after, summed change. */
interface LaidOut {
	unit: Int32Array;
	pairs: Int32Array;
	change: Float64Array;
}

const laidOutOf = oncePer((_: Units): (LaidOut | undefined)[] => []);

/** Made once per set of units and measure (the cells'), or each time for a date range's sessions (a few). */
function laidOut(units: Units, code: number): LaidOut {
	return (laidOutOf(units)[code] ??= layOut(
		units.byMeasure[code] ?? new Int32Array(0),
		units.entries.unit,
		units.entries.pairs,
		units.entries.change
	));
}

function layOut(entries: Int32Array, unitOf: Int32Array, pairsOf: Int32Array, changeOf: Float64Array): LaidOut {
	const n = entries.length;
	const out = { unit: new Int32Array(n), pairs: new Int32Array(n), change: new Float64Array(n) };
	for (let j = 0; j < n; j++) {
		const k = entries[j];
		out.unit[j] = unitOf[k];
		out.pairs[j] = pairsOf[k];
		out.change[j] = changeOf[k];
	}
	return out;
}

interface Sums {
	sumOfMeans: Float64Array;
	clients: Int32Array;
	sessions: Float64Array;
	/** Clients counted already (a client in two rows or measures counts once). */
	seen: Uint8Array;
	slots: Slots;
}

/** One client's open groups: row, sum of changes, sessions. */
interface Slots {
	key: Int32Array;
	sum: Float64Array;
	n: Int32Array;
}

const totals = new Float64Array(2);

/**
 * Adds each client's mean per row to the rows, over one measure's entries (in client order) whose unit `mask`
 * keeps (all when null); returns the sessions behind them and the clients not counted before.
 */
function sumClients(
	unitOf: Int32Array,
	pairs: Int32Array,
	change: Float64Array,
	mask: Uint8Array | null,
	clientOf: Int32Array,
	codes: Int32Array,
	conditionOf: Int32Array | null,
	code: number,
	width: number,
	sums: Sums
): Float64Array {
	const { sumOfMeans, clients, sessions, seen, slots } = sums;
	let { key, sum, n } = slots;
	let open = 0;
	let client = -1;
	let pairSessions = 0;
	let newClients = 0;
	for (let j = 0; j <= unitOf.length; j++) {
		const last = j === unitOf.length;
		const u = last ? 0 : unitOf[j];
		if (!last && ((mask !== null && !mask[u]) || pairs[j] === 0)) continue;
		if (last || clientOf[u] !== client) {
			// The client before is complete: their mean per row.
			for (let x = 0; x < open; x++) {
				sumOfMeans[key[x]] += sum[x] / n[x];
				clients[key[x]]++;
				sessions[key[x]] += n[x];
				pairSessions += n[x];
			}
			if (open && !seen[client]) {
				seen[client] = 1;
				newClients++;
			}
			open = 0;
			if (last) break;
			client = clientOf[u];
		}
		const row = codes[u] * width + (conditionOf ? conditionOf[u] : code);
		let x = 0;
		while (x < open && key[x] !== row) x++;
		if (x === open) {
			if (open === key.length) ({ key, sum, n } = grow(slots));
			key[x] = row;
			sum[x] = 0;
			n[x] = 0;
			open++;
		}
		n[x] += pairs[j];
		sum[x] += change[j];
	}
	totals[0] = pairSessions;
	totals[1] = newClients;
	return totals;
}

function grow(slots: Slots): Slots {
	const size = slots.key.length * 2;
	const key = new Int32Array(size);
	const sum = new Float64Array(size);
	const n = new Int32Array(size);
	key.set(slots.key);
	sum.set(slots.sum);
	n.set(slots.n);
	return Object.assign(slots, { key, sum, n });
}

/**
 * The pain heatmap when pain is also the chosen measure: the same client values, already gathered.
 * Each session has one pain measurement, so the sessions add up without counting one twice.
 */
export function painFromImmediate(groups: Gathered, names: [string, string][], unit: string): WithinSessionChart {
	const rows: WithinSessionRow[] = [];
	for (let b = 0; b < names.length; b++) {
		const n = groups.count[b];
		if (n === 0) continue;
		let sum = 0;
		for (let i = groups.start[b]; i < groups.start[b] + n; i++) sum += groups.values[i];
		rows.push({ technique: names[b][0], group: names[b][1], unit, meanChange: sum / n, clients: n, sessions: groups.sessions[b] });
	}
	rows.sort((a, b) => byString(a.technique, b.technique) || byString(a.group, b.group));
	const sessions = rows.reduce((s, r) => s + r.sessions, 0);
	return { rows, totals: { clients: groups.clients, sessions } };
}
