/**
 * Attendance per client in the page: sessions a month, groups by condition, retention. Typed arrays, one
 * slot per client with dated sessions: a filter change on a million sessions touches no objects.
 */
import type { Cube } from './load-cube';
import type { Units } from './units';
import type { Selection } from './date-range';
import type { Filters } from '../metrics/filters';
import type { RetentionRow } from '../metrics/retention';
import { numbers } from '../definitions/arithmetic';
import { aboveBand, belowBand, followable, RETENTION_WEEKS, sessionsAMonth, stillAttending } from '../definitions/attendance';
import type { FrequencyRow } from '../metrics/session-frequency';
import { groupOf } from './client-effects';
import { quantileIn } from './quantiles';
import { byString } from '../format/text-order';

/** Each client's visits under the filters: what does not depend on how clients are grouped. */
export interface Visits {
	/** Clients with dated sessions under the filters. */
	count: number;
	client: Int32Array;
	sessions: Int32Array;
	first: Int32Array;
	last: Int32Array;
	/** (sessions − 1) × 30 / days from first to last; NaN with one visit or all on one day. */
	perMonth: Float64Array;
	/** The unit of the client's first visit, which gives their group and condition. */
	firstUnit: Int32Array;
}

export interface Attendance extends Visits {
	groupNames: string[];
	/** Each client's group: the group and condition of their first visit, numbered as they first appear. */
	group: Int32Array;
	/** Each group's codes, as group × 65536 + condition, and its clients. */
	groups: { keys: number[]; size: Int32Array };
}

export function clientVisits(units: Units, mask: Uint8Array): Visits {
	const size = units.count ? units.client[units.count - 1] + 1 : 0;
	const client = new Int32Array(size);
	const firstUnit = new Int32Array(size);
	const sessions = new Int32Array(size);
	const first = new Int32Array(size);
	const last = new Int32Array(size);
	const { dated, firstDate, lastDate, firstKey: keyOf } = units;
	const clientOf = units.client;
	let n = -1;
	let current = -1;
	let firstKey = 0;
	for (let i = 0; i < units.count; i++) {
		if (!mask[i] || dated[i] === 0) continue;
		if (clientOf[i] !== current) {
			current = clientOf[i];
			n++;
			client[n] = current;
			first[n] = firstDate[i];
			last[n] = lastDate[i];
			firstKey = 2147483647;
		}
		sessions[n] += dated[i];
		if (firstDate[i] < first[n]) first[n] = firstDate[i];
		if (lastDate[i] > last[n]) last[n] = lastDate[i];
		if (keyOf[i] < firstKey) {
			firstKey = keyOf[i];
			firstUnit[n] = i;
		}
	}
	const count = n + 1;
	const perMonth = perMonthOf(sessions, first, last, count);
	return {
		count,
		client: client.subarray(0, count),
		sessions: sessions.subarray(0, count),
		first: first.subarray(0, count),
		last: last.subarray(0, count),
		perMonth,
		firstUnit: firstUnit.subarray(0, count)
	};
}

/**
 * The visits a selection keeps, in client order: from the cells its mask keeps, and with a date range, the
 * kept sessions of the clients it cuts through (whose first visit is given as its cell).
 */
export function selectionVisits(kept: Selection): Visits {
	const { units, mask, cut } = kept;
	if (!cut) return clientVisits(units, mask);
	const size = units.count ? units.client[units.count - 1] + 1 : 0;
	const out: Visits = {
		count: 0,
		client: new Int32Array(size),
		sessions: new Int32Array(size),
		first: new Int32Array(size),
		last: new Int32Array(size),
		perMonth: new Float64Array(0),
		firstUnit: new Int32Array(size)
	};
	const count = visitsInRange(
		units.cellStart,
		mask,
		units.dated,
		units.firstDate,
		units.lastDate,
		units.firstKey,
		cut.clients,
		cut.rows,
		cut.date,
		units.sessionCell,
		out.client,
		out.sessions,
		out.first,
		out.last,
		out.firstUnit
	);
	return {
		count,
		client: out.client.subarray(0, count),
		sessions: out.sessions.subarray(0, count),
		first: out.first.subarray(0, count),
		last: out.last.subarray(0, count),
		perMonth: perMonthOf(out.sessions, out.first, out.last, count),
		firstUnit: out.firstUnit.subarray(0, count)
	};
}

/** One pass over the clients: kept cells of those kept whole, kept sessions (all dated, in date order) of those cut through. */
function visitsInRange(
	cellStart: Int32Array,
	mask: Uint8Array,
	dated: Int32Array,
	firstDate: Int32Array,
	lastDate: Int32Array,
	firstKey: Int32Array,
	cutClients: Uint8Array,
	rows: Int32Array,
	date: Int32Array,
	sessionCell: Int32Array,
	client: Int32Array,
	sessions: Int32Array,
	first: Int32Array,
	last: Int32Array,
	firstUnit: Int32Array
): number {
	let n = 0;
	let r = 0;
	for (let c = 0; c < cutClients.length; c++) {
		if (cutClients[c]) {
			// The client's kept sessions come next among the rows.
			const start = r;
			while (r < rows.length && sessionCell[rows[r]] >= cellStart[c] && sessionCell[rows[r]] < cellStart[c + 1]) r++;
			if (r === start) continue;
			client[n] = c;
			sessions[n] = r - start;
			first[n] = date[rows[start]];
			last[n] = date[rows[r - 1]];
			firstUnit[n] = sessionCell[rows[start]];
			n++;
			continue;
		}
		let key = 2147483647;
		let seen = false;
		for (let i = cellStart[c]; i < cellStart[c + 1]; i++) {
			if (!mask[i] || dated[i] === 0) continue;
			if (!seen) {
				seen = true;
				client[n] = c;
				sessions[n] = 0;
				first[n] = firstDate[i];
				last[n] = lastDate[i];
			}
			sessions[n] += dated[i];
			if (firstDate[i] < first[n]) first[n] = firstDate[i];
			if (lastDate[i] > last[n]) last[n] = lastDate[i];
			if (firstKey[i] < key) {
				key = firstKey[i];
				firstUnit[n] = i;
			}
		}
		if (seen) n++;
	}
	return n;
}

function perMonthOf(sessions: Int32Array, first: Int32Array, last: Int32Array, count: number): Float64Array {
	const perMonth = new Float64Array(count);
	for (let k = 0; k < count; k++) perMonth[k] = sessionsAMonth(numbers, sessions[k], first[k], last[k]);
	return perMonth;
}

/** The clients grouped by the group and condition of their first visit. */
export function clientAttendance(cube: Cube, units: Units, visits: Visits, by: Filters['by']): Attendance {
	const { codes, names } = groupOf(cube, units, by);
	const conditions = cube.names.condition.length;
	const condition = units.condition;
	const firstUnit = visits.firstUnit;
	// A number for each group × condition met, as met: a table, not a map (one look-up per client).
	const slot = new Int32Array(names.length * conditions).fill(-1);
	const group = new Int32Array(visits.count);
	const keys: number[] = [];
	for (let k = 0; k < visits.count; k++) {
		const u = firstUnit[k];
		const at = codes[u] * conditions + condition[u];
		if (slot[at] < 0) {
			slot[at] = keys.length;
			keys.push(codes[u] * 65536 + condition[u]);
		}
		group[k] = slot[at];
	}
	const size = new Int32Array(keys.length);
	for (let k = 0; k < visits.count; k++) size[group[k]]++;
	// Written out, not spread: objects made alike keep one shape, which the JIT's code relies on.
	const { count, client, sessions, first, last, perMonth } = visits;
	return { count, client, sessions, first, last, perMonth, firstUnit, groupNames: names, group, groups: { keys, size } };
}

/** Where each group's values go in an array of one per client: a client's value is written at fill[group]++. */
function regions(size: Int32Array): { start: Int32Array; fill: Int32Array } {
	const start = new Int32Array(size.length + 1);
	for (let g = 0; g < size.length; g++) start[g + 1] = start[g] + size[g];
	return { start, fill: start.slice(0, size.length) };
}

const names = (a: Attendance, cube: Cube, g: number) => ({
	technique: a.groupNames[Math.floor(a.groups.keys[g] / 65536)],
	condition: cube.names.condition[a.groups.keys[g] % 65536]
});
const byNames = (x: { technique: string; condition: string }, y: { technique: string; condition: string }) =>
	byString(x.technique, y.technique) || byString(x.condition, y.condition);

/** Per group: clients, sessions, frequency bands and median frequency, in one pass over the clients in their order. */
export function frequencyRows(a: Attendance, cube: Cube): FrequencyRow[] {
	const groups = a.groups.size.length;
	const { start, fill } = regions(a.groups.size);
	const rates = new Float64Array(a.count);
	const sessions = new Float64Array(groups);
	const under = new Int32Array(groups);
	const over = new Int32Array(groups);
	const { group, perMonth } = a;
	const sessionsOf = a.sessions;
	for (let k = 0; k < a.count; k++) {
		const g = group[k];
		sessions[g] += sessionsOf[k];
		const rate = perMonth[k];
		if (rate !== rate) continue;
		rates[fill[g]++] = rate;
		if (belowBand(numbers, rate)) under[g]++;
		else if (aboveBand(numbers, rate)) over[g]++;
	}
	const rows: FrequencyRow[] = [];
	for (let g = 0; g < groups; g++) {
		const n = fill[g] - start[g];
		rows.push({
			...names(a, cube, g),
			medianPerMonth: n ? quantileIn(rates.subarray(start[g], fill[g]), 0.5) : null,
			clients: n,
			allClients: a.groups.size[g],
			sessions: sessions[g],
			underBand: under[g],
			inBand: n - under[g] - over[g],
			overBand: over[g]
		});
	}
	return rows.sort(byNames);
}

/**
 * Per group: retention at each week mark, median gap and course length, in one pass over the clients in their
 * order. Course lengths are whole days: their medians are read off a count of each length per group.
 */
export function retentionRows(a: Attendance, cube: Cube): RetentionRow[] {
	if (a.count === 0) return [];
	const { group, first, last } = a;
	const sessionsOf = a.sessions;
	const spans = spanOf(first, last, a.count);
	const end = spans[0];
	const longest = spans[1];
	const groups = a.groups.size.length;
	const marks = RETENTION_WEEKS.length;
	const weeks = Int32Array.from(RETENTION_WEEKS);
	const eligible = new Int32Array(groups * marks);
	const retained = new Int32Array(groups * marks);
	const gaps = regions(a.groups.size);
	const gap = new Float64Array(a.count);
	// Course lengths counted per group (days 0 … longest), or else kept per group as the gaps are.
	const counting = groups * (longest + 1) <= 1 << 22;
	const lengths = counting ? new Int32Array(groups * (longest + 1)) : new Float64Array(a.count);
	const courses = regions(a.groups.size);
	retentionPass(
		group,
		first,
		last,
		sessionsOf,
		weeks,
		end,
		eligible,
		retained,
		gaps.fill,
		gap,
		counting ? (lengths as Int32Array) : null,
		longest + 1,
		courses.fill,
		counting ? null : (lengths as Float64Array)
	);
	const rows: RetentionRow[] = [];
	for (let g = 0; g < groups; g++) {
		const gapCount = gaps.fill[g] - gaps.start[g];
		const courseCount = a.groups.size[g];
		rows.push({
			...names(a, cube, g),
			eligible: Array.from(eligible.subarray(g * marks, (g + 1) * marks)),
			retained: Array.from(retained.subarray(g * marks, (g + 1) * marks)),
			medianGapDays: gapCount ? quantileIn(gap.subarray(gaps.start[g], gaps.fill[g]), 0.5) : null,
			medianCourseDays: !courseCount
				? null
				: counting
					? medianOfCounts((lengths as Int32Array).subarray(g * (longest + 1), (g + 1) * (longest + 1)), courseCount)
					: quantileIn((lengths as Float64Array).subarray(courses.start[g], courses.fill[g]), 0.5)
		});
	}
	return rows.sort(byNames);
}

const latest = new Float64Array(2);

/** The last visit of all, and the longest course. */
function spanOf(first: Int32Array, last: Int32Array, count: number): Float64Array {
	let end = -Infinity;
	let longest = 0;
	for (let k = 0; k < count; k++) {
		if (last[k] > end) end = last[k];
		if (last[k] - first[k] > longest) longest = last[k] - first[k];
	}
	latest[0] = end;
	latest[1] = longest;
	return latest;
}

function retentionPass(
	group: Int32Array,
	first: Int32Array,
	last: Int32Array,
	sessions: Int32Array,
	weeks: Int32Array,
	end: number,
	eligible: Int32Array,
	retained: Int32Array,
	gapFill: Int32Array,
	gap: Float64Array,
	lengthCounts: Int32Array | null,
	width: number,
	courseFill: Int32Array,
	course: Float64Array | null
) {
	const marks = weeks.length;
	for (let k = 0; k < group.length; k++) {
		const g = group[k];
		const span = last[k] - first[k];
		for (let w = 0; w < marks; w++) {
			if (!followable(numbers, first[k], end, weeks[w])) continue;
			eligible[g * marks + w]++;
			if (stillAttending(numbers, first[k], last[k], weeks[w])) retained[g * marks + w]++;
		}
		if (sessions[k] > 1) gap[gapFill[g]++] = span / (sessions[k] - 1);
		if (lengthCounts) lengthCounts[g * width + span]++;
		else if (course) course[courseFill[g]++] = span;
	}
}

/** The median of `n` whole numbers given as a count of each (0, 1, 2, …): as quantileIn would give it. */
function medianOfCounts(counts: Int32Array, n: number): number {
	const h = (n - 1) * 0.5;
	const lo = Math.floor(h);
	let seen = 0;
	let v = 0;
	while (seen + counts[v] <= lo) seen += counts[v++];
	const low = v;
	if (lo + 1 >= n || h === lo) return low;
	// The next value up: the same length if more clients have it, else the next length counted.
	if (seen + counts[v] > lo + 1) return low;
	v++;
	while (counts[v] === 0) v++;
	return low + (h - lo) * (v - low);
}
