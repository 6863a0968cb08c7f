/**
 * Attendance per client in the page: sessions a month, groups by condition, retention. Typed arrays, one
 * slot per client with dated sessions: a filter change on a million sessions touches no objects.
 */
import type { Cube } from './load-cube';
import type { Units } from './units';
import type { Filters } from '../metrics/filters';
import { FREQUENCY_BAND } from '../metrics/settings';
import { RETENTION_WEEKS, type RetentionRow } from '../metrics/retention';
import type { FrequencyRow } from '../metrics/session-frequency';
import { groupOf } from './client-effects';
import { byString, quantileIn } from './quantiles';

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
	/** Group and condition of the client's first visit, as group × 65536 + condition. */
	key: Int32Array;
	groupNames: string[];
	/** Clients by group and condition: the members of group g are order[start[g]] … order[start[g + 1] − 1]. */
	groups: { keys: number[]; start: Int32Array; order: Int32Array };
}

export function clientVisits(units: Units, mask: Uint8Array): Visits {
	const size = units.count ? units.client[units.count - 1] + 1 : 0;
	const client = new Int32Array(size);
	const firstUnit = new Int32Array(size);
	const sessions = new Int32Array(size);
	const first = new Int32Array(size);
	const last = new Int32Array(size);
	let n = -1;
	let current = -1;
	let firstKey = 0;
	for (let i = 0; i < units.count; i++) {
		if (!mask[i] || units.dated[i] === 0) continue;
		if (units.client[i] !== current) {
			current = units.client[i];
			n++;
			client[n] = current;
			first[n] = units.firstDate[i];
			last[n] = units.lastDate[i];
			firstKey = 2147483647;
		}
		sessions[n] += units.dated[i];
		if (units.firstDate[i] < first[n]) first[n] = units.firstDate[i];
		if (units.lastDate[i] > last[n]) last[n] = units.lastDate[i];
		if (units.firstKey[i] < firstKey) {
			firstKey = units.firstKey[i];
			firstUnit[n] = i;
		}
	}
	const count = n + 1;
	const perMonth = new Float64Array(count);
	for (let k = 0; k < count; k++) perMonth[k] = last[k] > first[k] ? ((sessions[k] - 1) * 30) / (last[k] - first[k]) : NaN;
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

/** The clients grouped by the group and condition of their first visit. */
export function clientAttendance(cube: Cube, units: Units, visits: Visits, by: Filters['by']): Attendance {
	const group = groupOf(cube, units, by);
	const key = new Int32Array(visits.count);
	for (let k = 0; k < visits.count; k++) key[k] = group.codes[visits.firstUnit[k]] * 65536 + units.condition[visits.firstUnit[k]];
	return { ...visits, key, groupNames: group.names, groups: groupClients(key, visits.count) };
}

/** A counting sort of the clients by their key, groups in the order they first appear. */
function groupClients(key: Int32Array, count: number): Attendance['groups'] {
	const index = new Map<number, number>();
	const of = new Int32Array(count);
	const sizes: number[] = [];
	for (let k = 0; k < count; k++) {
		let g = index.get(key[k]);
		if (g === undefined) {
			g = sizes.length;
			index.set(key[k], g);
			sizes.push(0);
		}
		of[k] = g;
		sizes[g]++;
	}
	const start = new Int32Array(sizes.length + 1);
	for (let g = 0; g < sizes.length; g++) start[g + 1] = start[g] + sizes[g];
	const filled = start.slice(0, sizes.length);
	const order = new Int32Array(count);
	for (let k = 0; k < count; k++) order[filled[of[k]]++] = k;
	return { keys: [...index.keys()], start, order };
}

const names = (a: Attendance, cube: Cube, g: number) => ({
	technique: a.groupNames[Math.floor(a.groups.keys[g] / 65536)],
	condition: cube.names.condition[a.groups.keys[g] % 65536]
});
const byNames = (x: { technique: string; condition: string }, y: { technique: string; condition: string }) =>
	byString(x.technique, y.technique) || byString(x.condition, y.condition);

export function frequencyRows(a: Attendance, cube: Cube): FrequencyRow[] {
	const { start, order } = a.groups;
	const rates = new Float64Array(a.count);
	const rows: FrequencyRow[] = [];
	for (let g = 0; g + 1 < start.length; g++) {
		let n = 0;
		let sessions = 0;
		let under = 0;
		let over = 0;
		for (let j = start[g]; j < start[g + 1]; j++) {
			const k = order[j];
			sessions += a.sessions[k];
			const rate = a.perMonth[k];
			if (rate !== rate) continue;
			rates[n++] = rate;
			if (rate < FREQUENCY_BAND.low) under++;
			else if (rate > FREQUENCY_BAND.high) over++;
		}
		rows.push({
			...names(a, cube, g),
			medianPerMonth: n ? quantileIn(rates.subarray(0, n), 0.5) : null,
			clients: n,
			allClients: start[g + 1] - start[g],
			sessions,
			underBand: under,
			inBand: n - under - over,
			overBand: over
		});
	}
	return rows.sort(byNames);
}

export function retentionRows(a: Attendance, cube: Cube): RetentionRow[] {
	if (a.count === 0) return [];
	let end = -Infinity;
	for (let k = 0; k < a.count; k++) if (a.last[k] > end) end = a.last[k];
	const { start, order } = a.groups;
	const gaps = new Float64Array(a.count);
	const courses = new Float64Array(a.count);
	const rows: RetentionRow[] = [];
	for (let g = 0; g + 1 < start.length; g++) {
		const eligible = RETENTION_WEEKS.map(() => 0);
		const retained = RETENTION_WEEKS.map(() => 0);
		let gapCount = 0;
		let courseCount = 0;
		for (let j = start[g]; j < start[g + 1]; j++) {
			const k = order[j];
			const span = a.last[k] - a.first[k];
			for (let w = 0; w < RETENTION_WEEKS.length; w++) {
				if (a.first[k] + RETENTION_WEEKS[w] * 7 > end) continue;
				eligible[w]++;
				if (span >= RETENTION_WEEKS[w] * 7) retained[w]++;
			}
			if (a.sessions[k] > 1) gaps[gapCount++] = span / (a.sessions[k] - 1);
			courses[courseCount++] = span;
		}
		rows.push({
			...names(a, cube, g),
			eligible,
			retained,
			medianGapDays: gapCount ? quantileIn(gaps.subarray(0, gapCount), 0.5) : null,
			medianCourseDays: courseCount ? quantileIn(courses.subarray(0, courseCount), 0.5) : null
		});
	}
	return rows.sort(byNames);
}
