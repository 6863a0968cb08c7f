/**
 * The dashboard's figures for one set of filters, computed from the cube in the page: the same
 * definitions as the SQL in metrics/ (which stays the reference; a test holds the two equal).
 */
import { oncePer, Recent } from './caches';
import type { Cube, CubeMeasure } from './load-cube';
import { cellUnits, sessionUnits, type Cells, type Units } from './units';
import type { Filters } from '../metrics/filters';
import type { RetentionRow } from '../metrics/retention';
import type { DashboardData } from '../metrics/dashboard-data';
import type { WithinSessionChart } from '../metrics/within-session';
import type { FrequencyRow } from '../metrics/session-frequency';
import type { Headline } from '../metrics/overview';
import { dayNumber, groupOf, unitMask } from './client-effects';
import { effectIndex, keptFor, measureEffects } from './measure-effects';
import { clientAttendance, frequencyRows, retentionRows, selectionVisits, type Attendance, type Visits } from './attendance';
import { inRange, partsOf, type Selection } from './date-range';
import { withinSessionChart } from './within-session';
import { quantileIn } from './quantiles';
import { contrastsOf } from '../metrics/contrasts';
import { unknownMeasure } from '../metrics/measure-info';
import { caseMix, type CaseMix } from '../metrics/case-mix';
import { caseMixRows } from './case-mix-rows';
import type { CovariateColumn } from '../metrics/case-mix-covariates';
import { everyKindOfFilter, slice } from './warm-up';

export { quantile, quantileOf } from './quantiles';

/**
 * Sessions each their own unit, and summed into cells, which answer every filter; a date range works out
 * again from sessions only the clients it cuts through (date-range.ts). Both are built once per cube.
 */
const unitsOf = oncePer((cube: Cube): { sessions: Units; cells: Cells } => {
	const sessions = sessionUnits(cube);
	return { sessions, cells: cellUnits(cube, sessions) };
});

/** What the filters keep, whatever the grouping and measure. */
interface Filtered extends Selection {
	visits: Visits;
	/** Each client's sessions a month (NaN without two dated days), by client number; their median and n. */
	perMonth: Float64Array;
	medianPerMonth: number | null;
	frequencyClients: number;
	clients: number;
	sessions: number;
}

/** What a view needs that does not depend on the chosen measure. */
interface MeasureFree {
	base: Filtered;
	attendance: Attendance;
	frequency: FrequencyRow[];
	retention: RetentionRow[];
	rom: WithinSessionChart;
	/** Within-session pain, made on first use (from the immediate effect when that is pain). */
	pain: WithinSessionChart | null;
}

/** A few recent views per cube: going back to a grouping or a filter, or switching measures, reuses them. */
const RECENT_VIEWS = 8;
const recentFiltered = oncePer((_: Cube) => new Recent<Filtered>(RECENT_VIEWS));
const recentMeasureFree = oncePer((_: Cube) => new Recent<MeasureFree>(RECENT_VIEWS));
// Twice as many: each view's work ahead adds two.
const recentResults = oncePer((_: Cube) => new Recent<DashboardData>(2 * RECENT_VIEWS));
/** Cubes whose code has been run on a slice of them (workAhead). */
const warmed = new WeakSet<Cube>();

const counted = new Float64Array(2);

/** Clients and sessions among the kept units (those `mask` keeps, or `rows`, or all), in client order; into `counted`. */
function countKept(clientOf: Int32Array, sessionsOf: Int32Array, mask: Uint8Array | null, rows: Int32Array | null, count: number) {
	const end = rows ? rows.length : count;
	let clients = 0;
	let sessions = 0;
	let lastClient = -1;
	for (let at = 0; at < end; at++) {
		const i = rows ? rows[at] : at;
		if (mask && !mask[i]) continue;
		sessions += sessionsOf[i];
		// A kept unit of another client is a new client (and a client is in one part of a selection only).
		if (clientOf[i] !== lastClient) {
			clients++;
			lastClient = clientOf[i];
		}
	}
	counted[0] = clients;
	counted[1] = sessions;
}

/** Each client's sessions a month by client number (NaN when none), and the known ones in `rates`; returns how many. */
function ratesByClient(client: Int32Array, perMonth: Float64Array, byClient: Float64Array, rates: Float64Array): number {
	byClient.fill(NaN);
	let rated = 0;
	for (let k = 0; k < client.length; k++) {
		const rate = perMonth[k];
		byClient[client[k]] = rate;
		if (rate === rate) rates[rated++] = rate;
	}
	return rated;
}

function filtered(cube: Cube, filters: Filters): Filtered {
	const { sessions: sessionUnits, cells } = unitsOf(cube);
	const other = unitMask(cube, cells, { ...filters, from: null, to: null });
	const kept: Selection =
		filters.from || filters.to
			? inRange(cube, sessionUnits, cells, other, filters.from ? dayNumber(filters.from) : null, filters.to ? dayNumber(filters.to) : null)
			: { units: cells, mask: other, cut: null };
	const visits = selectionVisits(kept);
	const parts = partsOf(kept);
	let clients = 0;
	let sessions = 0;
	for (const [units, mask, rows] of parts) {
		countKept(units.client, units.sessions, mask, rows, units.count);
		clients += counted[0];
		sessions += counted[1];
	}
	const perMonth = new Float64Array(cells.count ? cells.client[cells.count - 1] + 1 : 0);
	const rates = new Float64Array(visits.count);
	const rated = ratesByClient(visits.client, visits.perMonth, perMonth, rates);
	const medianPerMonth = rated ? quantileIn(rates.subarray(0, rated), 0.5) : null;
	// Written out, not spread: objects made alike keep one shape, which the JIT's code for the figures relies on.
	return {
		units: kept.units,
		mask: kept.mask,
		cut: kept.cut,
		visits,
		perMonth,
		medianPerMonth,
		frequencyClients: rated,
		clients,
		sessions
	};
}

function measureFree(cube: Cube, filters: Filters): MeasureFree {
	const key = JSON.stringify([filters.from, filters.to, filters.clinics, filters.therapists, filters.techniques, filters.conditions]);
	const base = recentFiltered(cube).get(key, () => filtered(cube, filters));
	return recentMeasureFree(cube).get(`${key} ${filters.by}`, () => {
		const attendance = clientAttendance(cube, base.units, base.visits, filters.by);
		const romCodes = cube.measures.flatMap((m, i) => (m.kind === 'rom' ? [i] : []));
		return {
			base,
			attendance,
			frequency: frequencyRows(attendance, cube),
			retention: retentionRows(attendance, cube),
			rom: withinSessionChart(cube, base, romCodes, filters.by, 'measure'),
			pain: null
		};
	});
}

/**
 * Work for the views one click away, to run while the user reads this one, each task a few tens of
 * milliseconds: the same filters compared by the other groupings (the per-therapist and per-clinic views),
 * then the other measures' effect indexes.
 */
export function workAhead(cube: Cube, filters: Filters): (() => void)[] {
	const cells = () => unitsOf(cube).cells;
	const prepare = (by: Filters['by'], code: number) => {
		const lower = cube.measures[code].direction === 'lower';
		effectIndex(cells(), by, groupOf(cube, cells(), by).codes, code, lower);
		if (by !== 'technique') effectIndex(cells(), 'technique', cells().technique, code, lower);
	};
	const code = cube.measures.findIndex((m) => m.measure === filters.measure);
	const groupings = (['technique', 'therapist', 'clinic'] as const).filter((by) => by !== filters.by);
	// As the filter bar changes them: a new grouping has the default reference group, a new measure its own thresholds.
	const tasks = groupings.flatMap((by) => [
		() => void measureFree(cube, { ...filters, by }),
		() => {
			if (code >= 0) prepare(by, code);
		},
		() => void computeDashboard(cube, { ...filters, by, reference: null })
	]);
	for (let other = 0; other < cube.measures.length; other++) {
		if (other !== code && cells().byMeasure[other]?.length) tasks.push(() => prepare(filters.by, other));
	}
	// First of all, once per cube: every kind of filter change worked out on a slice of the cube (warm-up.ts),
	// so that a user's first change of each kind runs compiled code. A few tens of milliseconds.
	if (!warmed.has(cube)) {
		warmed.add(cube);
		tasks.unshift(() => {
			const small = slice(cube, 4000);
			for (const each of everyKindOfFilter(small, filters.measure)) computeDashboard(small, each);
		});
	}
	return tasks;
}

/**
 * Therapists or clinics against their case mix, for these filters (null when comparing techniques);
 * `covariates` are the cube's clients' (loadCovariates).
 */
export function computeCaseMix(cube: Cube, covariates: CovariateColumn[], filters: Filters): CaseMix | null {
	if (filters.by === 'technique') return null;
	const code = cube.measures.findIndex((m) => m.measure === filters.measure);
	if (code < 0) return null;
	const free = measureFree(cube, filters);
	const lower = cube.measures[code].direction === 'lower';
	const group = groupOf(cube, free.base.units, filters.by);
	const kept = keptFor(cube, free.base, effectIndex(free.base.units, filters.by, group.codes, code, lower), filters.by, lower);
	return caseMix(caseMixRows(cube, covariates, kept, group.names), filters.minClients);
}

/**
 * Everything the dashboard shows for these filters. Parts that do not depend on the measure come back as
 * the same objects for the same filters, so the page redraws only the charts whose data changed; the same
 * filters again (going back, or a view worked out ahead) give the same result.
 */
export function computeDashboard(cube: Cube, filters: Filters): DashboardData {
	const key = JSON.stringify(Object.entries(filters).sort(([a], [b]) => (a < b ? -1 : 1)));
	return recentResults(cube).get(key, () => dashboardOf(cube, filters));
}

function dashboardOf(cube: Cube, filters: Filters): DashboardData {
	const free = measureFree(cube, filters);
	const { frequency, retention, rom } = free;
	const { clients, sessions } = free.base;
	const code = cube.measures.findIndex((m) => m.measure === filters.measure);
	const measure: CubeMeasure = cube.measures[code] ?? { ...unknownMeasure(filters.measure), kind: 'other' };
	const effects = code >= 0 ? measureEffects(cube, free.base, filters, code, measure) : null;
	const headline: Headline = {
		clients,
		sessions,
		...(effects?.figures ?? { medianImmediate: null, immediateClients: 0, medianCourse: null, courseClients: 0, responders: 0 }),
		medianPerMonth: free.base.medianPerMonth,
		frequencyClients: free.base.frequencyClients
	};
	const pain = cube.measures.findIndex((m) => m.measure === 'pain_nprs');
	const { kind: _kind, ...info } = measure;
	const immediate = effects?.immediate ?? [];
	const course = effects?.course ?? [];
	return {
		measure: info,
		figures: headline,
		immediate,
		course,
		contrasts: {
			immediate: contrastsOf('immediate', immediate, filters.reference, filters.minClients),
			course: contrastsOf('course', course, filters.reference, filters.minClients)
		},
		// The case-mix model takes longer than every other figure: computeCaseMix works it out once the charts are drawn.
		caseMix: null,
		bands: effects?.bands ?? [],
		pain: (free.pain ??=
			effects && pain === code
				? effects.painChart()
				: withinSessionChart(cube, free.base, pain < 0 ? [] : [pain], filters.by, 'condition')),
		rom,
		frequency,
		retention
	};
}
