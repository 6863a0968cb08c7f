/**
 * The dashboard's figures for one set of filters, computed from the cube in the page: the same
 * definitions as the SQL in metrics/ (which stays the reference; a test holds the two equal).
 */
import type { Cube, CubeMeasure } from './load-cube';
import { NO_DATE } from './load-cube';
import { cellUnits, sessionUnits, type Units } from './units';
import type { Filters } from '../metrics/filters';
import { summariseEffects, type EffectRow, type EffectSummary } from '../metrics/effects';
import { BAND_ORDER } from '../metrics/frequency-bands';
import { FREQUENCY_BAND, NOT_RECORDED } from '../metrics/settings';
import { RETENTION_WEEKS, type RetentionRow } from '../metrics/retention';
import type { DashboardData } from '../metrics/dashboard-data';
import type { WithinSessionChart, WithinSessionRow } from '../metrics/within-session';
import type { FrequencyRow } from '../metrics/session-frequency';
import type { Headline } from '../metrics/overview';

const DAY = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);


/** The k-th smallest value (0-based), rearranging `a` (quickselect, Hoare partition): linear time. */
function select(a: Float64Array, k: number): number {
	let lo = 0;
	let hi = a.length - 1;
	while (hi > lo) {
		const pivot = a[(lo + hi) >> 1];
		let i = lo;
		let j = hi;
		while (i <= j) {
			while (a[i] < pivot) i++;
			while (a[j] > pivot) j--;
			if (i <= j) {
				const t = a[i];
				a[i] = a[j];
				a[j] = t;
				i++;
				j--;
			}
		}
		if (k <= j) hi = j;
		else if (k >= i) lo = i;
		else return a[k];
	}
	return a[k];
}

/** One quantile of many values without sorting them all: the same result as `quantile` on the sorted values. */
export function quantileOf(values: ArrayLike<number>, p: number): number | null {
	return values.length === 0 ? null : quantileIn(new Float64Array(values), p);
}

/** A quantile of the values in `a`, which it rearranges (so several can be taken from one copy). */
function quantileIn(a: Float64Array, p: number): number {
	const h = (a.length - 1) * p;
	const lo = Math.floor(h);
	const low = select(a, lo);
	if (lo + 1 >= a.length || h === lo) return low;
	// After selecting, everything right of `lo` is ≥ low: the next value is their minimum.
	let next = Infinity;
	for (let i = lo + 1; i < a.length; i++) if (a[i] < next) next = a[i];
	return low + (h - lo) * (next - low);
}

/** DuckDB's quantile_cont: linear interpolation at (n − 1) × p of the sorted values. */
export function quantile(sorted: ArrayLike<number>, p: number): number {
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Which units the filters keep. A date range needs session units. */
function unitMask(cube: Cube, units: Units, filters: Filters): Uint8Array {
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

function groupOf(cube: Cube, units: Units, by: Filters['by']): { codes: Int32Array; names: string[] } {
	return by === 'technique'
		? { codes: units.technique, names: cube.names.technique }
		: by === 'therapist'
			? { codes: units.therapist, names: cube.names.therapist }
			: { codes: units.clinic, names: cube.names.clinic };
}

/** Receives one client's value for one group × condition (the immediate mean change, or the course change). */
type Emit = (client: number, g: number, c: number, value: number, sessions: number, baseline: number) => void;

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
function eachClientEffect(
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

/** Client values gathered per group, for the statistics of each. */
class Buckets {
	readonly map = new Map<number, { group: string; condition: string; values: number[]; sessions: number; responders: number }>();

	/** `name` gives a new bucket's group and condition from the codes it was first added with. */
	constructor(private readonly name: (g: number, c: number) => [string, string]) {}

	add(key: number, g: number, c: number, value: number, sessions: number, responder: boolean) {
		let b = this.map.get(key);
		if (!b) {
			const [group, condition] = this.name(g, c);
			this.map.set(key, (b = { group, condition, values: [], sessions: 0, responders: 0 }));
		}
		b.values.push(value);
		b.sessions += sessions;
		if (responder) b.responders++;
	}

	rows(withResponders: boolean): EffectRow[] {
		return [...this.map.values()].map((b) => ({
			group: b.group,
			condition: b.condition,
			clients: b.values.length,
			sessions: b.sessions,
			...stats(b.values),
			responders: withResponders ? b.responders : null
		}));
	}
}

/** Values of one kind across clients, for a headline median, counting distinct clients as they come. */
class Collected {
	readonly values: number[] = [];
	clients = 0;
	responders = 0;
	private last = -1;
	private lastResponder = -1;

	add(client: number, value: number, responder: boolean) {
		this.values.push(value);
		if (client !== this.last) (this.clients++, (this.last = client));
		if (responder && client !== this.lastResponder) (this.responders++, (this.lastResponder = client));
	}

	median(): number | null {
		return quantileOf(this.values, 0.5);
	}
}

function stats(values: number[]) {
	const n = values.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += values[i];
	const mean = sum / n;
	let squares = 0;
	for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
	const copy = new Float64Array(values);
	return {
		mean,
		sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
		q1: quantileIn(copy, 0.25),
		median: quantileIn(copy, 0.5),
		q3: quantileIn(copy, 0.75)
	};
}

/** Whether a course change reaches the meaningful change: the user's threshold, else the measure's. */
function responderTest(measure: CubeMeasure, filters: Filters): (value: number, baseline: number) => boolean {
	const points = filters.mcidPoints ?? measure.mcidPoints ?? Infinity;
	const percent = filters.mcidPercent ?? measure.mcidPercent;
	return (value, baseline) => value >= points || (percent !== null && baseline !== 0 && value / Math.abs(baseline) >= percent);
}

interface ClientFrequency {
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

function clientFrequencies(cube: Cube, units: Units, mask: Uint8Array, by: Filters['by']): ClientFrequency[] {
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

function withinSessionChart(cube: Cube, units: Units, mask: Uint8Array, measures: number[], by: Filters['by'], groupBy: 'condition' | 'measure'): WithinSessionChart {
	// One value per client and group (and condition, or movement): their mean change; then the mean of those.
	const group = groupOf(cube, units, by);
	const rows = new Map<number, WithinSessionRow & { sumOfMeans: number }>();
	let clients = 0;
	let pairSessions = 0;
	const clientSeen = new Uint8Array(units.count ? units.client[units.count - 1] + 1 : 0);
	for (const code of measures) {
		const measure = cube.measures[code];
		eachClientEffect(units, mask, code, 'immediate', group.codes, measure.direction, groupBy === 'condition', (client, g, c, value, sessions) => {
			const key = g * 65536 + (groupBy === 'condition' ? c : code);
			let r = rows.get(key);
			if (!r) {
				const name = groupBy === 'condition' ? cube.names.condition[c] : measure.label;
				rows.set(key, (r = { technique: group.names[g], group: name, unit: measure.unit, meanChange: 0, clients: 0, sessions: 0, sumOfMeans: 0 }));
			}
			r.sumOfMeans += value;
			r.clients++;
			r.sessions += sessions;
			pairSessions += sessions;
			if (!clientSeen[client]) (clientSeen[client] = 1), clients++;
		});
	}
	// Range of motion: a session with two movements measured counts once.
	let sessions = pairSessions;
	if (groupBy === 'measure') {
		sessions = 0;
		for (let i = 0; i < units.count; i++) if (mask[i]) sessions += units.romPairs[i];
	}
	const out = [...rows.values()]
		.map(({ sumOfMeans, ...r }) => ({ ...r, meanChange: sumOfMeans / r.clients }))
		.sort((a, b) => byString(a.technique, b.technique) || byString(a.group, b.group) || byString(a.unit, b.unit));
	return { rows: out, totals: { clients, sessions } };
}

/**
 * The pain heatmap when pain is also the chosen measure: the same client values, already gathered.
 * Each session has one pain measurement, so the sessions add up without counting one twice.
 */
function painFromImmediate(groups: Buckets, all: Collected, unit: string): WithinSessionChart {
	const rows = [...groups.map.values()]
		.map((b) => ({
			technique: b.group,
			group: b.condition,
			unit,
			meanChange: b.values.reduce((s, v) => s + v, 0) / b.values.length,
			clients: b.values.length,
			sessions: b.sessions
		}))
		.sort((a, b) => byString(a.technique, b.technique) || byString(a.group, b.group));
	const sessions = rows.reduce((s, r) => s + r.sessions, 0);
	return { rows, totals: { clients: all.clients, sessions } };
}

/** Clients by group and condition. */
function byGroupAndCondition(frequencies: ClientFrequency[]): ClientFrequency[][] {
	const groups = new Map<number, ClientFrequency[]>();
	for (const f of frequencies) {
		const list = groups.get(f.key);
		if (list) list.push(f);
		else groups.set(f.key, [f]);
	}
	return [...groups.values()];
}

function frequencyRows(groups: ClientFrequency[][]): FrequencyRow[] {
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

function retentionRows(frequencies: ClientFrequency[], groups: ClientFrequency[][]): RetentionRow[] {
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
	frequencies: ClientFrequency[];
	frequency: FrequencyRow[];
	retention: RetentionRow[];
	rom: WithinSessionChart;
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
	const frequencies = clientFrequencies(cube, units, mask, filters.by);
	const groups = byGroupAndCondition(frequencies);
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
		frequencies,
		frequency: frequencyRows(groups),
		retention: frequencies.length ? retentionRows(frequencies, groups) : [],
		rom: withinSessionChart(cube, units, mask, romCodes, filters.by, 'measure'),
		clients,
		sessions
	};
	if (cube.recent.size >= RECENT_VIEWS) cube.recent.delete(cube.recent.keys().next().value as string);
	cube.recent.set(key, free);
	return free;
}

export function computeDashboard(cube: Cube, filters: Filters): DashboardData {
	const { units, mask, frequencies, frequency, retention, rom, clients, sessions } = measureFree(cube, filters);
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
	for (const f of frequencies) if (f.perMonth !== null) perMonth[f.client] = f.perMonth;
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

	const rates = frequencies.map((f) => f.perMonth).filter((r): r is number => r !== null);
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
		pain:
			pain === code
				? painFromImmediate(immediateGroups, immediateAll, measure.unit)
				: withinSessionChart(cube, units, mask, pain < 0 ? [] : [pain], filters.by, 'condition'),
		rom,
		frequency,
		retention
	};
}
