/**
 * The dashboard's figures for one set of filters, computed from the cube in the page: the same
 * definitions as the SQL in metrics/ (which stays the reference; a test holds the two equal).
 */
import { NO_DATE, type Cube, type CubeMeasure } from './load-cube';
import { cellUnits, sessionUnits, type Units } from './units';
import type { Filters } from '../metrics/filters';
import type { RetentionRow } from '../metrics/retention';
import type { DashboardData } from '../metrics/dashboard-data';
import type { WithinSessionChart } from '../metrics/within-session';
import type { FrequencyRow } from '../metrics/session-frequency';
import type { Headline } from '../metrics/overview';
import { groupOf, unitMask } from './client-effects';
import { effectIndex, measureEffects } from './measure-effects';
import { clientAttendance, clientVisits, frequencyRows, retentionRows, type Attendance, type Visits } from './attendance';
import { withinSessionChart } from './within-session';
import { quantileOf } from './quantiles';
import { contrastsOf } from '../metrics/contrasts';
import { unknownMeasure } from '../metrics/measure-info';
import { caseMix, type CaseMix } from '../metrics/case-mix';
import { keptBy } from './effect-index';
import { caseMixRows } from './case-mix-rows';
import type { CovariateColumn } from '../metrics/case-mix-covariates';

export { quantile, quantileOf } from './quantiles';

/** Cells answer every filter but a date range, which needs sessions. Both are built once per cube. */
function unitsFor(cube: Cube & { units?: { sessions: Units; cells?: Units } }, filters: Filters): Units {
	cube.units ??= { sessions: sessionUnits(cube) };
	if (filters.from || filters.to) return cube.units.sessions;
	return (cube.units.cells ??= cellUnits(cube, cube.units.sessions));
}

/** What the filters keep, whatever the grouping and measure. */
interface Filtered {
	units: Units;
	mask: Uint8Array;
	visits: Visits;
	/** Each client's sessions a month (NaN without two dated days), by client number; their median and n. */
	perMonth: Float64Array;
	medianPerMonth: number | null;
	frequencyClients: number;
	clients: number;
	sessions: number;
}

/** What a view needs that does not depend on the chosen measure. */
interface MeasureFree extends Filtered {
	attendance: Attendance;
	frequency: FrequencyRow[];
	retention: RetentionRow[];
	rom: WithinSessionChart;
	/** Within-session pain, made on first use (from the immediate effect when that is pain). */
	pain?: WithinSessionChart;
}

const RECENT_VIEWS = 8;

/** Keeps a few recent results: going back to a grouping or a filter, or switching measures, reuses them. */
function remembered<T>(store: Map<string, T>, key: string, make: () => T): T {
	const known = store.get(key);
	if (known) return known;
	const made = make();
	if (store.size >= RECENT_VIEWS) store.delete(store.keys().next().value as string);
	store.set(key, made);
	return made;
}

function filtered(cube: Cube, filters: Filters): Filtered {
	const units = unitsFor(cube, filters);
	const mask = unitMask(cube, units, filters);
	const visits = clientVisits(units, mask);
	let clients = 0;
	let sessions = 0;
	let lastClient = -1;
	for (let i = 0; i < units.count; i++) {
		if (!mask[i]) continue;
		sessions += units.sessions[i];
		// Units are in client order: a kept unit of another client is a new client.
		if (units.client[i] !== lastClient) {
			clients++;
			lastClient = units.client[i];
		}
	}
	const perMonth = new Float64Array(units.count ? units.client[units.count - 1] + 1 : 0).fill(NaN);
	for (let k = 0; k < visits.count; k++) perMonth[visits.client[k]] = visits.perMonth[k];
	const rates = visits.perMonth.filter((r) => r === r);
	return { units, mask, visits, perMonth, medianPerMonth: quantileOf(rates, 0.5), frequencyClients: rates.length, clients, sessions };
}

function measureFree(cube: Cube & { recent?: Map<string, Filtered>; recentViews?: Map<string, MeasureFree> }, filters: Filters): MeasureFree {
	const key = JSON.stringify([filters.from, filters.to, filters.clinics, filters.therapists, filters.techniques, filters.conditions]);
	const base = remembered((cube.recent ??= new Map()), key, () => filtered(cube, filters));
	return remembered((cube.recentViews ??= new Map()), `${key} ${filters.by}`, () => {
		const attendance = clientAttendance(cube, base.units, base.visits, filters.by);
		const romCodes = cube.measures.flatMap((m, i) => (m.kind === 'rom' ? [i] : []));
		return {
			...base,
			attendance,
			frequency: frequencyRows(attendance, cube),
			retention: retentionRows(attendance, cube),
			rom: withinSessionChart(cube, base.units, base.mask, romCodes, filters.by, 'measure')
		};
	});
}

/**
 * Work for the views one click away, to run while the user reads this one: the same filters compared by
 * the other groupings (the per-therapist and per-clinic views), and the effect index a first date range
 * needs (sessions, not cells). Each task takes a few tens of milliseconds.
 */
export function workAhead(cube: Cube, filters: Filters): (() => void)[] {
	const code = cube.measures.findIndex((m) => m.measure === filters.measure);
	const lower = cube.measures[code]?.direction === 'lower';
	const prepare = (units: Units, by: Filters['by']) => {
		if (code >= 0) effectIndex(units, by, groupOf(cube, units, by).codes, code, lower);
	};
	const groupings = (['technique', 'therapist', 'clinic'] as const).filter((by) => by !== filters.by);
	const tasks = groupings.flatMap((by) => [() => void measureFree(cube, { ...filters, by }), () => prepare(unitsFor(cube, filters), by)]);
	if (!filters.from && !filters.to) {
		tasks.push(() => {
			if (cube.date.some((d) => d !== NO_DATE)) prepare(unitsFor(cube, { ...filters, from: '0001-01-01' }), filters.by);
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
	const { units, mask } = measureFree(cube, filters);
	const lower = cube.measures[code].direction === 'lower';
	const group = groupOf(cube, units, filters.by);
	const kept = keptBy(units, effectIndex(units, filters.by, group.codes, code, lower), mask, lower);
	return caseMix(caseMixRows(cube, covariates, kept, group.names), filters.minClients);
}

/**
 * Everything the dashboard shows for these filters. Parts that do not depend on the measure come back as
 * the same objects for the same filters, so the page redraws only the charts whose data changed.
 */
export function computeDashboard(cube: Cube, filters: Filters): DashboardData {
	const free = measureFree(cube, filters);
	const { units, mask, frequency, retention, rom, clients, sessions } = free;
	const code = cube.measures.findIndex((m) => m.measure === filters.measure);
	const measure: CubeMeasure =
		cube.measures[code] ?? { ...unknownMeasure(filters.measure), kind: 'other' };
	const effects = code >= 0 ? measureEffects(cube, free, filters, code, measure) : null;
	const headline: Headline = {
		clients,
		sessions,
		...(effects?.figures ?? { medianImmediate: null, immediateClients: 0, medianCourse: null, courseClients: 0, responders: 0 }),
		medianPerMonth: free.medianPerMonth,
		frequencyClients: free.frequencyClients
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
				: withinSessionChart(cube, units, mask, pain < 0 ? [] : [pain], filters.by, 'condition')),
		rom,
		frequency,
		retention
	};
}
