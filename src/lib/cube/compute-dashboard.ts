/**
 * The dashboard's figures for one set of filters, computed from the cube in the page: the same
 * definitions as the SQL in metrics/ (which stays the reference; a test holds the two equal).
 */
import type { Cube, CubeMeasure } from './load-cube';
import { cellUnits, sessionUnits, type Units } from './units';
import type { Filters } from '../metrics/filters';
import { summariseEffects, type EffectRow, type EffectSummary } from '../metrics/effects';
import { BAND_ORDER } from '../metrics/frequency-bands';
import { FREQUENCY_BAND } from '../metrics/settings';
import type { RetentionRow } from '../metrics/retention';
import type { DashboardData } from '../metrics/dashboard-data';
import type { WithinSessionChart } from '../metrics/within-session';
import type { FrequencyRow } from '../metrics/session-frequency';
import type { Headline } from '../metrics/overview';
import { eachClientEffect, groupOf, unitMask } from './client-effects';
import { Buckets, Collected, responderTest } from './group-stats';
import { clientAttendance, frequencyRows, retentionRows, type Attendance } from './attendance';
import { painFromImmediate, withinSessionChart } from './within-session';
import { byString, quantileOf } from './quantiles';

export { quantile, quantileOf } from './quantiles';

/** Cells answer every filter but a date range, which needs sessions. Both are built once per cube. */
function unitsFor(cube: Cube & { units?: { sessions: Units; cells?: Units } }, filters: Filters): Units {
	cube.units ??= { sessions: sessionUnits(cube) };
	if (filters.from || filters.to) return cube.units.sessions;
	return (cube.units.cells ??= cellUnits(cube, cube.units.sessions));
}

/** What a view needs that does not depend on the chosen measure: kept for a few recent views. */
interface MeasureFree {
	units: Units;
	mask: Uint8Array;
	attendance: Attendance;
	frequency: FrequencyRow[];
	retention: RetentionRow[];
	rom: WithinSessionChart;
	/** Within-session pain, made on first use (from the immediate effect when that is pain). */
	pain?: WithinSessionChart;
	clients: number;
	sessions: number;
}

const RECENT_VIEWS = 8;

/** Switching measures (or thresholds) under the same filters reuses these. */
function measureFree(cube: Cube & { recent?: Map<string, MeasureFree> }, filters: Filters): MeasureFree {
	const key = JSON.stringify([filters.from, filters.to, filters.clinics, filters.therapists, filters.techniques, filters.conditions, filters.by]);
	cube.recent ??= new Map();
	const known = cube.recent.get(key);
	if (known) return known;
	const units = unitsFor(cube, filters);
	const mask = unitMask(cube, units, filters);
	const attendance = clientAttendance(cube, units, mask, filters.by);
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
	const romCodes = cube.measures.flatMap((m, i) => (m.kind === 'rom' ? [i] : []));
	const free: MeasureFree = {
		units,
		mask,
		attendance,
		frequency: frequencyRows(attendance, cube),
		retention: retentionRows(attendance, cube),
		rom: withinSessionChart(cube, units, mask, romCodes, filters.by, 'measure'),
		clients,
		sessions
	};
	if (cube.recent.size >= RECENT_VIEWS) cube.recent.delete(cube.recent.keys().next().value as string);
	cube.recent.set(key, free);
	return free;
}

/**
 * Everything the dashboard shows for these filters. Parts that do not depend on the measure come back as
 * the same objects for the same filters, so the page redraws only the charts whose data changed.
 */
export function computeDashboard(cube: Cube, filters: Filters): DashboardData {
	const free = measureFree(cube, filters);
	const { units, mask, attendance, frequency, retention, rom, clients, sessions } = free;
	const code = cube.measures.findIndex((m) => m.measure === filters.measure);
	const measure: CubeMeasure =
		cube.measures[code] ?? { measure: filters.measure, label: filters.measure, unit: '', direction: 'higher', kind: 'other', mcidPoints: null, mcidPercent: null, mcidSource: '' };
	const group = groupOf(cube, units, filters.by);
	const names = (g: number, c: number): [string, string] => [group.names[g], cube.names.condition[c]];
	const responder = responderTest(measure, filters);

	const immediateGroups = new Buckets(names);
	const immediateAll = new Collected();
	const courseGroups = new Buckets(names);
	const courseAll = new Collected();
	const perMonth = new Float64Array(units.count ? units.client[units.count - 1] + 1 : 0).fill(NaN);
	for (let k = 0; k < attendance.count; k++) perMonth[attendance.client[k]] = attendance.perMonth[k];
	const bandGroups = new Buckets((band) => [BAND_ORDER[band], 'All conditions']);
	const addToBand = (client: number, value: number, sessions: number, baseline: number) => {
		const rate = perMonth[client];
		if (rate !== rate) return;
		const band = rate < FREQUENCY_BAND.low ? 0 : rate <= FREQUENCY_BAND.high ? 1 : 2;
		bandGroups.add(band, band, 0, value, sessions, responder(value, baseline));
	};
	if (code >= 0) {
		eachClientEffect(units, mask, code, 'immediate', group.codes, measure.direction, true, (client, g, c, value, sessions) => {
			immediateGroups.add(g * 65536 + c, g, c, value, sessions, false);
			immediateAll.add(client, value, false);
		});
		eachClientEffect(units, mask, code, 'course', group.codes, measure.direction, true, (client, g, c, value, sessions, baseline) => {
			const responds = responder(value, baseline);
			courseGroups.add(g * 65536 + c, g, c, value, sessions, responds);
			courseAll.add(client, value, responds);
			if (filters.by === 'technique') addToBand(client, value, sessions, baseline);
		});
		// Bands are compared over all groups together, each client's course by main technique.
		if (filters.by !== 'technique') {
			eachClientEffect(units, mask, code, 'course', units.technique, measure.direction, true, (client, _g, _c, value, sessions, baseline) =>
				addToBand(client, value, sessions, baseline)
			);
		}
	}
	const order = (rows: EffectRow[]) => rows.sort((a, b) => byString(a.condition, b.condition) || byString(a.group, b.group));
	const immediate = summariseEffects(order(immediateGroups.rows(false)), filters.minClients);
	const course = summariseEffects(order(courseGroups.rows(true)), filters.minClients);
	const bands: EffectSummary[] = summariseEffects(
		bandGroups.rows(true).sort((a, b) => BAND_ORDER.indexOf(a.group) - BAND_ORDER.indexOf(b.group)),
		filters.minClients
	);

	const rates = attendance.perMonth.filter((r) => r === r);
	const figures: Headline = {
		clients,
		sessions,
		medianImmediate: immediateAll.median(),
		immediateClients: immediateAll.clients,
		medianCourse: courseAll.median(),
		courseClients: courseAll.clients,
		responders: courseAll.responders,
		medianPerMonth: quantileOf(rates, 0.5),
		frequencyClients: rates.length
	};
	const pain = cube.measures.findIndex((m) => m.measure === 'pain_nprs');
	const { kind: _kind, ...info } = measure;
	return {
		measure: info,
		figures,
		immediate,
		course,
		bands,
		pain: (free.pain ??=
			pain === code
				? painFromImmediate(immediateGroups, immediateAll, measure.unit)
				: withinSessionChart(cube, units, mask, pain < 0 ? [] : [pain], filters.by, 'condition')),
		rom,
		frequency,
		retention
	};
}
