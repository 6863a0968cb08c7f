/**
 * A date range on cells. Most clients' kept sessions all fall inside the range or all outside it: those keep
 * their cells whole or drop them, and every figure reads the cells as without a range. Only the clients whose
 * course the range cuts through are worked out again, from their sessions in the range (a few tens of
 * thousands at a million sessions, instead of every session).
 */
import { NO_DATE, type Cube } from './load-cube';
import type { Cells, Units } from './units';

/** The session units with only the kept sessions (`rows`, in order) of the clients a range cuts through, and their entries. */
export interface CutUnits extends Units {
	rows: Int32Array;
	/** 1 for each client the range cuts through, by client number. */
	clients: Uint8Array;
}

/** What the filters keep: the cells `mask` marks, and with a date range the sessions of the clients it cuts through. */
export interface Selection {
	units: Cells;
	mask: Uint8Array;
	cut: CutUnits | null;
}

/** The parts of a selection: units, the mask of those kept (all, when null), and the kept ones in order (all units when null). */
export type Part = [Units, Uint8Array | null, Int32Array | null];
export const partsOf = (kept: Selection): Part[] =>
	kept.cut
		? [
				[kept.units, kept.mask, null],
				[kept.cut, null, kept.cut.rows]
			]
		: [[kept.units, kept.mask, null]];

/**
 * `kept` is the cells the other filters keep. A client is kept whole when each of their kept cells lies
 * inside the range (every session dated, first and last within it), dropped when each lies outside it,
 * and cut through otherwise.
 */
export function inRange(cube: Cube, sessions: Units, cells: Cells, kept: Uint8Array, from: number | null, to: number | null): Selection {
	const low = from ?? -2147483647;
	const high = to ?? 2147483647;
	const mask = new Uint8Array(cells.count);
	const cut = new Uint8Array(cells.cellStart.length - 1);
	const size = classify(
		cells.cellStart,
		kept,
		cells.dated,
		cells.sessions,
		cells.firstDate,
		cells.lastDate,
		low,
		high,
		mask,
		cut,
		cells.rowStart
	);
	const rows = new Int32Array(size);
	const n = keptRows(cut, cells.rowStart, cube.date, cells.sessionCell, kept, low, high, rows);
	return { units: cells, mask, cut: cutUnits(sessions, cells, rows.subarray(0, n), cut, cube.measures.length) };
}

// The loops below are functions of typed arrays and numbers alone: the JIT compiles each whole, once.

/** Marks in `mask` the kept cells of clients kept whole, and in `cut` the clients cut through; returns their sessions. */
function classify(
	cellStart: Int32Array,
	kept: Uint8Array,
	dated: Int32Array,
	sessions: Int32Array,
	firstDate: Int32Array,
	lastDate: Int32Array,
	low: number,
	high: number,
	mask: Uint8Array,
	cut: Uint8Array,
	rowStart: Int32Array
): number {
	let size = 0;
	for (let client = 0; client < cut.length; client++) {
		let any = false;
		let inside = true;
		let outside = true;
		for (let c = cellStart[client]; c < cellStart[client + 1]; c++) {
			if (!kept[c]) continue;
			any = true;
			if (!(dated[c] === sessions[c] && firstDate[c] >= low && lastDate[c] <= high)) inside = false;
			if (!(dated[c] === 0 || lastDate[c] < low || firstDate[c] > high)) outside = false;
		}
		if (!any || outside) continue;
		if (inside) {
			for (let c = cellStart[client]; c < cellStart[client + 1]; c++) mask[c] = kept[c];
		} else {
			cut[client] = 1;
			size += rowStart[client + 1] - rowStart[client];
		}
	}
	return size;
}

/** The cut clients' sessions in the range, in kept cells, into `rows`; returns how many. */
function keptRows(
	cut: Uint8Array,
	rowStart: Int32Array,
	date: Int32Array,
	sessionCell: Int32Array,
	kept: Uint8Array,
	low: number,
	high: number,
	rows: Int32Array
): number {
	let n = 0;
	for (let client = 0; client < cut.length; client++) {
		if (!cut[client]) continue;
		for (let r = rowStart[client]; r < rowStart[client + 1]; r++) {
			const d = date[r];
			if (d !== NO_DATE && d >= low && d <= high && kept[sessionCell[r]]) rows[n++] = r;
		}
	}
	return n;
}

/** The session units restricted to the given rows: their entries listed per measure. */
function cutUnits(sessions: Units, cells: Cells, rows: Int32Array, clients: Uint8Array, measures: number): CutUnits {
	const start = new Int32Array(measures + 1);
	countEntries(rows, cells.entryStart, sessions.entries.measure, start);
	for (let m = 0; m < measures; m++) start[m + 1] += start[m];
	const flat = new Int32Array(start[measures]);
	listEntries(rows, cells.entryStart, sessions.entries.measure, start.slice(0, measures), flat);
	const byMeasure = Array.from({ length: measures }, (_, m) => flat.subarray(start[m], start[m + 1]));
	// Written out, not spread: objects made alike keep one shape, which the JIT's code relies on.
	const { count, client, clinic, therapist, condition, technique, date, dated, firstDate, lastDate, firstKey, romPairs, entries } =
		sessions;
	return {
		count,
		client,
		clinic,
		therapist,
		condition,
		technique,
		date,
		sessions: sessions.sessions,
		dated,
		firstDate,
		lastDate,
		firstKey,
		romPairs,
		entries,
		byMeasure,
		rows,
		clients
	};
}

/** Counts the rows' entries of each measure into sizes[measure + 1]. */
function countEntries(rows: Int32Array, entryStart: Int32Array, measure: Int32Array, sizes: Int32Array) {
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		for (let k = entryStart[r]; k < entryStart[r + 1]; k++) sizes[measure[k] + 1]++;
	}
}

/** The rows' entries, grouped by measure: measure m's from fill[m] on. */
function listEntries(rows: Int32Array, entryStart: Int32Array, measure: Int32Array, fill: Int32Array, out: Int32Array) {
	for (let i = 0; i < rows.length; i++) {
		const r = rows[i];
		for (let k = entryStart[r]; k < entryStart[r + 1]; k++) out[fill[measure[k]]++] = k;
	}
}
