/** Which units the filters keep, and where the groups of a view come from. */
import { NO_DATE, type Cube } from './load-cube';
import type { Units } from './units';
import type { Filters } from '../metrics/filters';
import { NOT_RECORDED } from '../domain/not-recorded';

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date, as the cube holds dates. */
export const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** Which units the filters keep. A date range needs session units. */
export function unitMask(cube: Cube, units: Units, filters: Filters): Uint8Array {
	const mask = new Uint8Array(units.count);
	const from = filters.from ? dayNumber(filters.from) : null;
	const to = filters.to ? dayNumber(filters.to) : null;
	const allowed = (names: string[], chosen: string[]) =>
		chosen.length ? names.map((n) => chosen.includes(n) && n !== NOT_RECORDED) : null;
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
