/**
 * What the dashboard computes from: units of sessions with everything the figures need, summed.
 * A unit is one session (needed when a date range cuts through a client's course), or all of a client's
 * sessions with one therapist, clinic and condition (a cell: about five times fewer, and enough for every
 * other filter, since those filters keep or drop whole cells).
 */
import { NO_DATE, type Cube } from './load-cube';
import { numbers } from '../definitions/arithmetic';
import { immediateEffect } from '../definitions/effects';

const NONE = 2147483647;

export interface Units {
	count: number;
	client: Int32Array;
	clinic: Int32Array;
	therapist: Int32Array;
	condition: Int32Array;
	technique: Int32Array;
	/** One session's date (session units), for date ranges. */
	date: Int32Array;
	sessions: Int32Array;
	/** Dated sessions, their first and last date, and the session order of the first (NONE if undated). */
	dated: Int32Array;
	firstDate: Int32Array;
	lastDate: Int32Array;
	firstKey: Int32Array;
	/** Sessions with at least one range-of-motion measure before and after. */
	romPairs: Int32Array;
	entries: Entries;
	/** For each measure, the indexes of its entries, in unit order. */
	byMeasure: Int32Array[];
}

/**
 * One measure in one unit: the sums of the immediate effect (definitions/effects.ts) and of before over
 * sessions with both, and the first and latest before.
 */
export interface Entries {
	unit: Int32Array;
	measure: Int32Array;
	change: Float64Array;
	pairedBefore: Float64Array;
	pairs: Int32Array;
	befores: Int32Array;
	firstBefore: Float64Array;
	firstKey: Int32Array;
	lastBefore: Float64Array;
	lastKey: Int32Array;
}

function indexByMeasure(measure: Int32Array, measures: number): Int32Array[] {
	const counts = new Int32Array(measures);
	for (let k = 0; k < measure.length; k++) counts[measure[k]]++;
	const out = [...counts].map((n) => new Int32Array(n));
	const filled = new Int32Array(measures);
	for (let k = 0; k < measure.length; k++) out[measure[k]][filled[measure[k]]++] = k;
	return out;
}

/** Every session its own unit. */
export function sessionUnits(cube: Cube): Units {
	const n = cube.sessions;
	const dated = new Int32Array(n);
	const firstKey = new Int32Array(n);
	const romPairs = new Int32Array(n);
	const rom = new Set(cube.measures.flatMap((m, i) => (m.kind === 'rom' ? [i] : [])));
	const lowerIsBetter = cube.measures.map((m) => m.direction === 'lower');
	for (let i = 0; i < n; i++) {
		dated[i] = cube.date[i] === NO_DATE ? 0 : 1;
		firstKey[i] = dated[i] ? i : NONE;
	}
	const m = cube.measurement;
	const count = m.row.length;
	const entries: Entries = {
		unit: m.row,
		measure: m.measure,
		change: new Float64Array(count),
		pairedBefore: new Float64Array(count),
		pairs: new Int32Array(count),
		befores: new Int32Array(count),
		firstBefore: m.before,
		firstKey: m.row,
		lastBefore: m.before,
		lastKey: m.row
	};
	for (let k = 0; k < count; k++) {
		const b = m.before[k];
		const a = m.after[k];
		const pair = b === b && a === a;
		entries.pairs[k] = pair ? 1 : 0;
		entries.change[k] = pair ? immediateEffect(numbers, b, a, lowerIsBetter[m.measure[k]]) : 0;
		entries.pairedBefore[k] = pair ? b : 0;
		entries.befores[k] = b === b ? 1 : 0;
		if (pair && rom.has(m.measure[k])) romPairs[m.row[k]] = 1;
	}
	return {
		count: n,
		client: cube.client,
		clinic: cube.clinic,
		therapist: cube.therapist,
		condition: cube.condition,
		technique: cube.technique,
		date: cube.date,
		sessions: new Int32Array(n).fill(1),
		dated,
		firstDate: cube.date,
		lastDate: cube.date,
		firstKey,
		romPairs,
		entries,
		byMeasure: cube.byMeasure
	};
}

/** Cells, with where each session and each client's sessions and cells are: what a date range needs. */
export interface Cells extends Units {
	/** The cell of each session. */
	sessionCell: Int32Array;
	/** Client c's cells are cellStart[c] … cellStart[c + 1] − 1; their sessions rowStart[c] … rowStart[c + 1] − 1. */
	cellStart: Int32Array;
	rowStart: Int32Array;
	/** Session row r's entries (in the session units) are entryStart[r] … entryStart[r + 1] − 1. */
	entryStart: Int32Array;
}

/** Start offsets of runs in a sorted array of small non-negative integers (clients, rows): a counting pass. */
function starts(sorted: Int32Array, size: number): Int32Array {
	const start = new Int32Array(size + 1);
	for (let i = 0; i < sorted.length; i++) start[sorted[i] + 1]++;
	for (let v = 0; v < size; v++) start[v + 1] += start[v];
	return start;
}

/** Sessions summed into cells: client × therapist × clinic × condition, ordered by client then first session. */
export function cellUnits(cube: Cube, sessions: Units): Cells {
	const cellOf = new Int32Array(sessions.count);
	const firstSession = new Int32Array(sessions.count);
	let n = 0;
	let clientStart = 0;
	let client = -1;
	for (let i = 0; i < sessions.count; i++) {
		if (sessions.client[i] !== client) {
			client = sessions.client[i];
			clientStart = n;
		}
		// A client has few cells: look through theirs.
		let cell = clientStart;
		for (; cell < n; cell++) {
			const f = firstSession[cell];
			if (
				sessions.therapist[f] === sessions.therapist[i] &&
				sessions.clinic[f] === sessions.clinic[i] &&
				sessions.condition[f] === sessions.condition[i]
			)
				break;
		}
		if (cell === n) firstSession[n++] = i;
		cellOf[i] = cell;
	}
	const cells = firstSession.subarray(0, n);
	const take = (a: Int32Array) => {
		const out = new Int32Array(n);
		for (let c = 0; c < n; c++) out[c] = a[cells[c]];
		return out;
	};
	const clients = sessions.count ? sessions.client[sessions.count - 1] + 1 : 0;
	const units: Cells = {
		count: n,
		client: take(sessions.client),
		clinic: take(sessions.clinic),
		therapist: take(sessions.therapist),
		condition: take(sessions.condition),
		technique: take(sessions.technique),
		date: new Int32Array(n).fill(NO_DATE),
		sessions: new Int32Array(n),
		dated: new Int32Array(n),
		firstDate: new Int32Array(n).fill(NONE),
		lastDate: new Int32Array(n).fill(-NONE),
		firstKey: new Int32Array(n).fill(NONE),
		romPairs: new Int32Array(n),
		entries: null as unknown as Entries,
		byMeasure: [],
		sessionCell: cellOf,
		cellStart: new Int32Array(0),
		rowStart: starts(sessions.client, clients),
		entryStart: starts(sessions.entries.unit, sessions.count)
	};
	units.cellStart = starts(units.client, clients);
	for (let i = 0; i < sessions.count; i++) {
		const c = cellOf[i];
		units.sessions[c]++;
		units.romPairs[c] += sessions.romPairs[i];
		if (!sessions.dated[i]) continue;
		units.dated[c]++;
		units.firstDate[c] = Math.min(units.firstDate[c], sessions.firstDate[i]);
		units.lastDate[c] = Math.max(units.lastDate[c], sessions.lastDate[i]);
		units.firstKey[c] = Math.min(units.firstKey[c], sessions.firstKey[i]);
	}
	units.entries = cellEntries(sessions.entries, cellOf, sessions.client, cube.measures.length);
	units.byMeasure = indexByMeasure(units.entries.measure, cube.measures.length);
	return units;
}

/**
 * Entries summed per cell and measure, in unit order (cell, then measure). A client's cells hold only their
 * sessions, so each client's entries are summed on their own, in a few slots, with no map over all cells.
 */
function cellEntries(e: Entries, cellOf: Int32Array, clientOf: Int32Array, measures: number): Entries {
	const n = e.unit.length;
	const out: Entries = {
		unit: new Int32Array(n),
		measure: new Int32Array(n),
		change: new Float64Array(n),
		pairedBefore: new Float64Array(n),
		pairs: new Int32Array(n),
		befores: new Int32Array(n),
		firstBefore: new Float64Array(n),
		firstKey: new Int32Array(n),
		lastBefore: new Float64Array(n),
		lastKey: new Int32Array(n)
	};
	let count = 0;
	let k = 0;
	while (k < n) {
		// One client's entries (in session order, so a slot's first before comes first).
		const client = clientOf[e.unit[k]];
		const start = count;
		for (; k < n && clientOf[e.unit[k]] === client; k++) {
			const cell = cellOf[e.unit[k]];
			const key = cell * measures + e.measure[k];
			let x = start;
			while (x < count && out.unit[x] * measures + out.measure[x] !== key) x++;
			if (x === count) {
				count++;
				out.unit[x] = cell;
				out.measure[x] = e.measure[k];
				out.firstBefore[x] = NaN;
				out.firstKey[x] = NONE;
				out.lastBefore[x] = NaN;
				out.lastKey[x] = -1;
			}
			out.change[x] += e.change[k];
			out.pairedBefore[x] += e.pairedBefore[k];
			out.pairs[x] += e.pairs[k];
			if (e.befores[k]) {
				out.befores[x]++;
				if (out.firstKey[x] === NONE) {
					out.firstBefore[x] = e.firstBefore[k];
					out.firstKey[x] = e.firstKey[k];
				}
				out.lastBefore[x] = e.lastBefore[k];
				out.lastKey[x] = e.lastKey[k];
			}
		}
		if (count - start > 1) sortSlots(out, start, count, measures);
	}
	const trim = <T extends Int32Array | Float64Array>(a: T) => a.slice(0, count) as T;
	return {
		unit: trim(out.unit),
		measure: trim(out.measure),
		change: trim(out.change),
		pairedBefore: trim(out.pairedBefore),
		pairs: trim(out.pairs),
		befores: trim(out.befores),
		firstBefore: trim(out.firstBefore),
		firstKey: trim(out.firstKey),
		lastBefore: trim(out.lastBefore),
		lastKey: trim(out.lastKey)
	};
}

/** Puts one client's few slots in (cell, measure) order: an insertion sort, moving every column. */
function sortSlots(e: Entries, start: number, end: number, measures: number) {
	const columns = [e.unit, e.measure, e.change, e.pairedBefore, e.pairs, e.befores, e.firstBefore, e.firstKey, e.lastBefore, e.lastKey];
	const key = (x: number) => e.unit[x] * measures + e.measure[x];
	for (let i = start + 1; i < end; i++) {
		for (let j = i; j > start && key(j - 1) > key(j); j--) {
			for (const c of columns) {
				const t = c[j];
				c[j] = c[j - 1];
				c[j - 1] = t;
			}
		}
	}
}
