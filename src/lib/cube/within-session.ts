/** The within-session grids (pain by condition, range of motion by movement), in the page. */
import type { Cube } from './load-cube';
import { partsOf, type Selection } from './date-range';
import type { Filters } from '../metrics/filters';
import type { WithinSessionChart, WithinSessionRow } from '../metrics/within-session';
import { groupOf } from './client-effects';
import type { Gathered } from './group-stats';
import { byString } from './quantiles';

/**
 * One value per client and group (and condition, or movement): the mean change over their sessions with a
 * before and an after; then per row the mean of those. One pass over each measure's entries in client order,
 * a client's few groups in reused slots, rows summed in arrays by group × condition (or movement): nothing is
 * allocated per entry or per client, and no closure holds the loop's state.
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
	const sumOfMeans = new Float64Array(rows);
	const rowClients = new Int32Array(rows);
	const rowSessions = new Float64Array(rows);
	const rowUnit: string[] = [];
	let clients = 0;
	let pairSessions = 0;
	const clientSeen = new Uint8Array(kept.units.count ? kept.units.client[kept.units.count - 1] + 1 : 0);
	const slots: Slots = { key: new Int32Array(8), sum: new Float64Array(8), n: new Int32Array(8) };
	const parts = partsOf(kept);
	// A date range's clients cut through are units of their own, after the cells' clients: each client is in one part.
	for (const [units, mask] of parts) {
		const codes = groupOf(cube, units, by).codes;
		const { unit: unitOf, pairs, change } = units.entries;
		const clientOf = units.client;
		const conditionOf = units.condition;
		for (const code of measures) {
			const sign = cube.measures[code].direction === 'lower' ? 1 : -1;
			const entries = units.byMeasure[code] ?? new Int32Array(0);
			let { key, sum, n } = slots;
			let open = 0;
			let client = -1;
			for (let j = 0; j < entries.length; j++) {
				const k = entries[j];
				const u = unitOf[k];
				if ((mask !== null && !mask[u]) || pairs[k] === 0) continue;
				if (clientOf[u] !== client) {
					if (open) {
						pairSessions += flush(slots, open, sumOfMeans, rowClients, rowSessions);
						if (!clientSeen[client]) {
							clientSeen[client] = 1;
							clients++;
						}
					}
					open = 0;
					client = clientOf[u];
				}
				const row = codes[u] * width + (byCondition ? conditionOf[u] : code);
				let x = 0;
				while (x < open && key[x] !== row) x++;
				if (x === open) {
					if (open === key.length) ({ key, sum, n } = grow(slots));
					key[x] = row;
					sum[x] = 0;
					n[x] = 0;
					open++;
				}
				n[x] += pairs[k];
				sum[x] += sign * change[k];
			}
			if (open) {
				pairSessions += flush(slots, open, sumOfMeans, rowClients, rowSessions);
				if (!clientSeen[client]) {
					clientSeen[client] = 1;
					clients++;
				}
			}
			for (let r = 0; r < rows; r++) if (rowClients[r] && rowUnit[r] === undefined) rowUnit[r] = cube.measures[code].unit;
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
		if (!rowClients[r]) continue;
		const name = byCondition ? cube.names.condition[r % width] : cube.measures[r % width].label;
		out.push({
			technique: groupNames[Math.floor(r / width)],
			group: name,
			unit: rowUnit[r],
			meanChange: sumOfMeans[r] / rowClients[r],
			clients: rowClients[r],
			sessions: rowSessions[r]
		});
	}
	out.sort((a, b) => byString(a.technique, b.technique) || byString(a.group, b.group) || byString(a.unit, b.unit));
	return { rows: out, totals: { clients, sessions } };
}

/** One client's open groups: row, sum of changes, sessions. */
interface Slots {
	key: Int32Array;
	sum: Float64Array;
	n: Int32Array;
}

/** Adds a client's mean per group to the rows; returns their sessions. */
function flush(slots: Slots, open: number, sumOfMeans: Float64Array, clients: Int32Array, sessions: Float64Array): number {
	const { key, sum, n } = slots;
	let total = 0;
	for (let x = 0; x < open; x++) {
		sumOfMeans[key[x]] += sum[x] / n[x];
		clients[key[x]]++;
		sessions[key[x]] += n[x];
		total += n[x];
	}
	return total;
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
