/**
 * What the dashboard computes from: units of sessions with everything the figures need, summed.
 * A unit is one session (needed when a date range cuts through a client's course), or all of a client's
 * sessions with one therapist, clinic and condition (a cell: about five times fewer, and enough for every
 * other filter, since those filters keep or drop whole cells).
 */
import { NO_DATE, type Cube } from './load-cube';

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

/** One measure in one unit: the sum of (before − after) over sessions with both, and the first and latest before. */
export interface Entries {
	unit: Int32Array;
	measure: Int32Array;
	change: Float64Array;
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
		entries.change[k] = pair ? b - a : 0;
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

/** Sessions summed into cells: client × therapist × clinic × condition, ordered by client then first session. */
export function cellUnits(cube: Cube, sessions: Units): Units {
	const cellOf = new Int32Array(sessions.count);
	const cells: number[] = []; // first session of each cell
	let client = -1;
	let open = new Map<number, number>();
	for (let i = 0; i < sessions.count; i++) {
		if (sessions.client[i] !== client) {
			client = sessions.client[i];
			open = new Map();
		}
		const key = (sessions.therapist[i] * 4096 + sessions.clinic[i]) * 4096 + sessions.condition[i];
		let cell = open.get(key);
		if (cell === undefined) {
			cell = cells.length;
			cells.push(i);
			open.set(key, cell);
		}
		cellOf[i] = cell;
	}
	const n = cells.length;
	const take = (a: Int32Array) => {
		const out = new Int32Array(n);
		for (let c = 0; c < n; c++) out[c] = a[cells[c]];
		return out;
	};
	const units: Units = {
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
		byMeasure: []
	};
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
	// Entries: one per cell and measure, gathered in session order (so firsts come first).
	const e = sessions.entries;
	const slot = new Map<number, number>();
	const rows: { unit: number; measure: number; change: number; pairs: number; befores: number; firstBefore: number; firstKey: number; lastBefore: number; lastKey: number }[] = [];
	for (let k = 0; k < e.unit.length; k++) {
		const c = cellOf[e.unit[k]];
		const key = c * 1024 + e.measure[k];
		let r = slot.get(key);
		if (r === undefined) {
			r = rows.length;
			rows.push({ unit: c, measure: e.measure[k], change: 0, pairs: 0, befores: 0, firstBefore: NaN, firstKey: NONE, lastBefore: NaN, lastKey: -1 });
			slot.set(key, r);
		}
		const x = rows[r];
		x.change += e.change[k];
		x.pairs += e.pairs[k];
		if (e.befores[k]) {
			x.befores++;
			if (x.firstKey === NONE) (x.firstBefore = e.firstBefore[k]), (x.firstKey = e.firstKey[k]);
			x.lastBefore = e.lastBefore[k];
			x.lastKey = e.lastKey[k];
		}
	}
	// In unit order: cells are numbered by their first session, clients in order.
	rows.sort((a, b) => a.unit - b.unit || a.measure - b.measure);
	const col = <T extends Int32Array | Float64Array>(make: new (n: number) => T, pick: (r: (typeof rows)[number]) => number) => {
		const out = new make(rows.length);
		rows.forEach((r, i) => (out[i] = pick(r)));
		return out;
	};
	units.entries = {
		unit: col(Int32Array, (r) => r.unit),
		measure: col(Int32Array, (r) => r.measure),
		change: col(Float64Array, (r) => r.change),
		pairs: col(Int32Array, (r) => r.pairs),
		befores: col(Int32Array, (r) => r.befores),
		firstBefore: col(Float64Array, (r) => r.firstBefore),
		firstKey: col(Int32Array, (r) => r.firstKey),
		lastBefore: col(Float64Array, (r) => r.lastBefore),
		lastKey: col(Int32Array, (r) => r.lastKey)
	};
	units.byMeasure = indexByMeasure(units.entries.measure, cube.measures.length);
	return units;
}
