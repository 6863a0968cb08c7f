/**
 * The figures' code run once on a slice of the cube, in idle time after the first view. A filter change
 * runs each loop once over a hundred thousand clients or more; code the JIT has compiled without having
 * seen a path (a first condition filter, a first date range, a first grouping by clinic) is thrown away
 * when that path comes, and the rest of the change runs uncompiled, several times slower. Run on a few
 * thousand sessions under every kind of filter first, every path has been seen.
 */
import { NO_DATE, type Cube } from './load-cube';
import { DEFAULT_FILTERS, type Filters } from '../metrics/filters';

/** The first clients of the cube, up to about `sessions` sessions, as a cube of their own. */
export function slice(cube: Cube, sessions: number): Cube {
	let end = Math.min(sessions, cube.sessions);
	while (end < cube.sessions && end > 0 && cube.client[end] === cube.client[end - 1]) end++;
	const rows = cube.measurement.row;
	let m = 0;
	while (m < rows.length && rows[m] < end) m++;
	const measure = cube.measurement.measure.slice(0, m);
	const sizes = new Int32Array(cube.measures.length);
	for (let k = 0; k < m; k++) sizes[measure[k]]++;
	const byMeasure = [...sizes].map((size) => new Int32Array(size));
	const filled = new Int32Array(cube.measures.length);
	for (let k = 0; k < m; k++) byMeasure[measure[k]][filled[measure[k]]++] = k;
	return {
		sessions: end,
		client: cube.client.slice(0, end),
		date: cube.date.slice(0, end),
		clinic: cube.clinic.slice(0, end),
		therapist: cube.therapist.slice(0, end),
		condition: cube.condition.slice(0, end),
		technique: cube.technique.slice(0, end),
		names: cube.names,
		measurement: { row: rows.slice(0, m), measure, before: cube.measurement.before.slice(0, m), after: cube.measurement.after.slice(0, m) },
		byMeasure,
		measures: cube.measures
	};
}

/** Filters of every kind the filter bar makes, on the slice's own values. */
export function everyKindOfFilter(cube: Cube, measure: string): Filters[] {
	const first = (codes: Int32Array, names: string[]) => (codes.length ? [names[codes[0]]] : []);
	const dates = [...cube.date].filter((d) => d !== NO_DATE).sort((a, b) => a - b);
	const day = (d: number | undefined) => (d === undefined ? null : new Date(d * 86_400_000).toISOString().slice(0, 10));
	const middle = day(dates[Math.floor(dates.length / 2)]);
	const quarter = day(dates[Math.floor(dates.length / 4)]);
	const other = cube.measures.find((m, i) => m.measure !== measure && cube.byMeasure[i]?.length)?.measure ?? measure;
	const base = { ...DEFAULT_FILTERS, measure };
	return [
		base,
		{ ...base, conditions: first(cube.condition, cube.names.condition) },
		{ ...base, by: 'therapist', therapists: first(cube.therapist, cube.names.therapist) },
		{ ...base, by: 'clinic', clinics: first(cube.clinic, cube.names.clinic) },
		{ ...base, techniques: first(cube.technique, cube.names.technique) },
		{ ...base, measure: other },
		{ ...base, from: middle },
		{ ...base, to: middle, by: 'therapist' },
		{ ...base, from: quarter, to: middle, conditions: first(cube.condition, cube.names.condition), by: 'clinic' }
	];
}
