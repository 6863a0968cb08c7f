/**
 * The order and visit numbers an import's sessions get when stored, worked out in the page from typed
 * columns, so that its cube needs no sort in SQL. Stored, a session without a visit of its own is numbered
 * by date within its client (undated last, then file order); the cube orders sessions by client, date
 * (undated last), visit, then session id (the file order: a session's id is its key plus a base).
 */
import { NO_DATE } from './load-cube';

export interface SessionOrder {
	/** Session indexes (into the given columns) in cube order. */
	order: Int32Array;
	/** Each session's visit number, by session index. */
	visit: Int32Array;
}

/**
 * `client` holds dense client numbers (0…clients−1), `date` days or NO_DATE, `givenVisit` a visit or NaN,
 * `key` unique per session. Counting sort by client, then each client's few sessions by insertion.
 */
export function orderSessions(
	client: Int32Array,
	date: Int32Array,
	givenVisit: Float64Array,
	key: Int32Array,
	clients: number
): SessionOrder {
	const n = client.length;
	const start = new Int32Array(clients + 1);
	for (let i = 0; i < n; i++) start[client[i] + 1]++;
	for (let c = 0; c < clients; c++) start[c + 1] += start[c];
	const order = new Int32Array(n);
	const next = start.slice(0, clients);
	for (let i = 0; i < n; i++) order[next[client[i]]++] = i;

	// Undated sessions sort after every date.
	const day = (i: number) => (date[i] === NO_DATE ? Infinity : date[i]);
	const visit = new Int32Array(n);
	const byDate = (a: number, b: number) => day(a) - day(b) || key[a] - key[b];
	const byVisit = (a: number, b: number) => day(a) - day(b) || visit[a] - visit[b] || key[a] - key[b];
	for (let c = 0; c < clients; c++) {
		const from = start[c];
		const to = start[c + 1];
		sortRange(order, from, to, byDate);
		let given = false;
		for (let k = from; k < to; k++) {
			const i = order[k];
			given ||= givenVisit[i] === givenVisit[i];
			visit[i] = givenVisit[i] === givenVisit[i] ? givenVisit[i] : k - from + 1;
		}
		if (given) sortRange(order, from, to, byVisit);
	}
	return { order, visit };
}

/** Sorts order[from, to) by `compare`: insertion for the few sessions of most clients. */
function sortRange(order: Int32Array, from: number, to: number, compare: (a: number, b: number) => number) {
	if (to - from > 32) {
		order.subarray(from, to).sort(compare);
		return;
	}
	for (let k = from + 1; k < to; k++) {
		const x = order[k];
		let j = k - 1;
		while (j >= from && compare(order[j], x) > 0) {
			order[j + 1] = order[j];
			j--;
		}
		order[j + 1] = x;
	}
}

/**
 * Measurements in cube order: by their session's row, then measure code. `row` is each measurement's
 * session row; returns the measurement indexes in order.
 */
export function orderMeasurements(row: Int32Array, measure: Int32Array, rows: number): Int32Array {
	const n = row.length;
	const start = new Int32Array(rows + 1);
	for (let k = 0; k < n; k++) start[row[k] + 1]++;
	for (let r = 0; r < rows; r++) start[r + 1] += start[r];
	const order = new Int32Array(n);
	const next = start.slice(0, rows);
	for (let k = 0; k < n; k++) order[next[row[k]]++] = k;
	// A session has a few measurements: insertion by measure code, inline (a comparator call per session costs more).
	for (let r = 0; r < rows; r++) {
		const from = start[r];
		const to = start[r + 1];
		for (let k = from + 1; k < to; k++) {
			const x = order[k];
			let j = k - 1;
			while (j >= from && measure[order[j]] > measure[x]) {
				order[j + 1] = order[j];
				j--;
			}
			order[j + 1] = x;
		}
	}
	return order;
}

/**
 * DuckDB orders text by its UTF-8 bytes, which is code point order; JavaScript's `<` compares UTF-16 code
 * units, which differs where a surrogate pair meets U+E000–U+FFFF.
 */
export function byCodePoint(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = a.charCodeAt(i);
		const y = b.charCodeAt(i);
		if (x !== y) return inCodePointOrder(x) - inCodePointOrder(y);
	}
	return a.length - b.length;
}

const inCodePointOrder = (unit: number) => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit);
