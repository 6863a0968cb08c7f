/** Attendance per client in the page: sessions a month, groups by condition, retention. */
import type { Cube } from './load-cube';
import type { Units } from './units';
import type { Filters } from '../metrics/filters';
import { FREQUENCY_BAND } from '../metrics/settings';
import { RETENTION_WEEKS, type RetentionRow } from '../metrics/retention';
import type { FrequencyRow } from '../metrics/session-frequency';
import { groupOf } from './client-effects';
import { byString, quantileOf } from './quantiles';

export interface ClientFrequency {
	client: number;
	/** Codes of group and condition, for grouping. */
	key: number;
	group: string;
	condition: string;
	sessions: number;
	first: number;
	last: number;
	perMonth: number | null;
}

export function clientFrequencies(cube: Cube, units: Units, mask: Uint8Array, by: Filters['by']): ClientFrequency[] {
	const group = groupOf(cube, units, by);
	const out: ClientFrequency[] = [];
	let current: ClientFrequency | null = null;
	let firstKey = 0;
	for (let i = 0; i < units.count; i++) {
		if (!mask[i] || units.dated[i] === 0) continue;
		if (!current || current.client !== units.client[i]) {
			current = { client: units.client[i], key: 0, group: '', condition: '', sessions: 0, first: units.firstDate[i], last: units.lastDate[i], perMonth: null };
			firstKey = 2147483647;
			out.push(current);
		}
		current.sessions += units.dated[i];
		current.first = Math.min(current.first, units.firstDate[i]);
		current.last = Math.max(current.last, units.lastDate[i]);
		// The client's group and condition are those of their first visit.
		if (units.firstKey[i] < firstKey) {
			firstKey = units.firstKey[i];
			current.key = group.codes[i] * 65536 + units.condition[i];
			current.group = group.names[group.codes[i]];
			current.condition = cube.names.condition[units.condition[i]];
		}
	}
	for (const f of out) f.perMonth = f.last > f.first ? ((f.sessions - 1) * 30) / (f.last - f.first) : null;
	return out;
}

/** Clients by group and condition. */
export function byGroupAndCondition(frequencies: ClientFrequency[]): ClientFrequency[][] {
	const groups = new Map<number, ClientFrequency[]>();
	for (const f of frequencies) {
		const list = groups.get(f.key);
		if (list) list.push(f);
		else groups.set(f.key, [f]);
	}
	return [...groups.values()];
}

export function frequencyRows(groups: ClientFrequency[][]): FrequencyRow[] {
	return groups
		.map((fs) => {
			const rates: number[] = [];
			let sessions = 0;
			let under = 0;
			let over = 0;
			for (const f of fs) {
				sessions += f.sessions;
				if (f.perMonth === null) continue;
				rates.push(f.perMonth);
				if (f.perMonth < FREQUENCY_BAND.low) under++;
				else if (f.perMonth > FREQUENCY_BAND.high) over++;
			}
			return {
				technique: fs[0].group,
				condition: fs[0].condition,
				medianPerMonth: quantileOf(rates, 0.5),
				clients: rates.length,
				allClients: fs.length,
				sessions,
				underBand: under,
				inBand: rates.length - under - over,
				overBand: over
			};
		})
		.sort((a, b) => byString(a.technique, b.technique) || byString(a.condition, b.condition));
}

export function retentionRows(frequencies: ClientFrequency[], groups: ClientFrequency[][]): RetentionRow[] {
	const end = frequencies.reduce((max, f) => Math.max(max, f.last), -Infinity);
	return groups
		.map((fs) => {
			const eligible = RETENTION_WEEKS.map(() => 0);
			const retained = RETENTION_WEEKS.map(() => 0);
			const gaps: number[] = [];
			const courses: number[] = [];
			for (const f of fs) {
				const span = f.last - f.first;
				RETENTION_WEEKS.forEach((w, i) => {
					if (f.first + w * 7 > end) return;
					eligible[i]++;
					if (span >= w * 7) retained[i]++;
				});
				if (f.sessions > 1) gaps.push(span / (f.sessions - 1));
				courses.push(span);
			}
			return {
				technique: fs[0].group,
				condition: fs[0].condition,
				eligible,
				retained,
				medianGapDays: quantileOf(gaps, 0.5),
				medianCourseDays: quantileOf(courses, 0.5)
			};
		})
		.sort((a, b) => byString(a.technique, b.technique) || byString(a.condition, b.condition));
}

