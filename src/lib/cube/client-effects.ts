/** Per-client effects from units, and where the filters and groups of a view come from. */
import { NO_DATE, type Cube } from './load-cube';
import type { Units } from './units';
import type { Filters } from '../metrics/filters';
import { NOT_RECORDED } from '../metrics/settings';

const DAY = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Which units the filters keep. A date range needs session units. */
export function unitMask(cube: Cube, units: Units, filters: Filters): Uint8Array {
	const mask = new Uint8Array(units.count);
	const from = filters.from ? DAY(filters.from) : null;
	const to = filters.to ? DAY(filters.to) : null;
	const allowed = (names: string[], chosen: string[]) => (chosen.length ? names.map((n) => chosen.includes(n) && n !== NOT_RECORDED) : null);
	const clinics = allowed(cube.names.clinic, filters.clinics);
	const therapists = allowed(cube.names.therapist, filters.therapists);
	const conditions = allowed(cube.names.condition, filters.conditions);
	const techniques = filters.techniques.length ? cube.names.technique.map((n) => filters.techniques.includes(n)) : null;
	for (let i = 0; i < units.count; i++) {
		const d = units.date[i];
		if (from !== null && (d === NO_DATE || d < from)) continue;
		if (to !== null && (d === NO_DATE || d > to)) continue;
		if (clinics && !clinics[units.clinic[i]]) continue;
		if (therapists && !therapists[units.therapist[i]]) continue;
		if (conditions && !conditions[units.condition[i]]) continue;
		if (techniques && !techniques[units.technique[i]]) continue;
		mask[i] = 1;
	}
	return mask;
}

export function groupOf(cube: Cube, units: Units, by: Filters['by']): { codes: Int32Array; names: string[] } {
	return by === 'technique'
		? { codes: units.technique, names: cube.names.technique }
		: by === 'therapist'
			? { codes: units.therapist, names: cube.names.therapist }
			: { codes: units.clinic, names: cube.names.clinic };
}

/** Receives one client's value for one group × condition (the immediate mean change, or the course change). */
export type Emit = (client: number, g: number, c: number, value: number, sessions: number, baseline: number) => void;

interface Open {
	g: number;
	c: number;
	sum: number;
	n: number;
	first: number;
	firstKey: number;
	last: number;
	lastKey: number;
}

/**
 * Walks one measure's entries in client order and emits, per client × group × condition, the immediate
 * change (mean over sessions with before and after) or the course change (first to latest before; two
 * sessions or more). Nothing is allocated per entry: a client's few open groups are reused slots.
 */
export function eachClientEffect(
	units: Units,
	mask: Uint8Array,
	measure: number,
	effect: 'immediate' | 'course',
	groups: Int32Array,
	direction: string,
	splitByCondition: boolean,
	emit: Emit
): void {
	const sign = direction === 'lower' ? 1 : -1;
	const slots: Open[] = [];
	let open = 0;
	let client = -1;
	const flush = () => {
		for (let x = 0; x < open; x++) {
			const a = slots[x];
			if (effect === 'immediate') emit(client, a.g, a.c, a.sum / a.n, a.n, NaN);
			else if (a.n >= 2) emit(client, a.g, a.c, sign * (a.first - a.last), a.n, a.first);
		}
		open = 0;
	};
	const e = units.entries;
	const indexes = units.byMeasure[measure] ?? new Int32Array(0);
	for (let j = 0; j < indexes.length; j++) {
		const k = indexes[j];
		const unit = e.unit[k];
		if (!mask[unit]) continue;
		const count = effect === 'immediate' ? e.pairs[k] : e.befores[k];
		if (count === 0) continue;
		if (units.client[unit] !== client) {
			flush();
			client = units.client[unit];
		}
		const g = groups[unit];
		const c = splitByCondition ? units.condition[unit] : 0;
		let a: Open | null = null;
		for (let x = 0; x < open; x++) if (slots[x].g === g && slots[x].c === c) a = slots[x];
		if (!a) {
			a = slots[open] ??= { g, c, sum: 0, n: 0, first: NaN, firstKey: 0, last: NaN, lastKey: 0 };
			open++;
			a.g = g;
			a.c = c;
			a.sum = 0;
			a.n = 0;
			a.firstKey = 2147483647;
			a.lastKey = -1;
		}
		a.n += count;
		if (effect === 'immediate') a.sum += sign * e.change[k];
		else {
			if (e.firstKey[k] < a.firstKey) (a.firstKey = e.firstKey[k]), (a.first = e.firstBefore[k]);
			if (e.lastKey[k] > a.lastKey) (a.lastKey = e.lastKey[k]), (a.last = e.lastBefore[k]);
		}
	}
	flush();
}

