/**
 * The dashboard's figures for one set of filters, computed from the cube in the page: the same
 * definitions as the SQL in metrics/ (which stays the reference; a test holds the two equal).
 */
import type { Cube, CubeMeasure } from './load-cube';
import { NO_DATE } from './load-cube';
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

/** DuckDB's quantile_cont: linear interpolation at (n − 1) × p of the sorted values. */
export function quantile(sorted: number[], p: number): number {
	const h = (sorted.length - 1) * p;
	const lo = Math.floor(h);
	return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const groupAndCondition = (v: { g: number; c: number }) => v.g * 65536 + v.c;

/** Which sessions the filters keep. */
function sessionMask(cube: Cube, filters: Filters): Uint8Array {
	const mask = new Uint8Array(cube.sessions);
	const from = filters.from ? DAY(filters.from) : null;
	const to = filters.to ? DAY(filters.to) : null;
	const allowed = (names: string[], chosen: string[]) => (chosen.length ? names.map((n) => chosen.includes(n) && n !== NOT_RECORDED) : null);
	const clinics = allowed(cube.names.clinic, filters.clinics);
	const therapists = allowed(cube.names.therapist, filters.therapists);
	const conditions = allowed(cube.names.condition, filters.conditions);
	const techniques = filters.techniques.length ? cube.names.technique.map((n) => filters.techniques.includes(n)) : null;
	for (let i = 0; i < cube.sessions; i++) {
		const d = cube.date[i];
		if (from !== null && (d === NO_DATE || d < from)) continue;
		if (to !== null && (d === NO_DATE || d > to)) continue;
		if (clinics && !clinics[cube.clinic[i]]) continue;
		if (therapists && !therapists[cube.therapist[i]]) continue;
		if (conditions && !conditions[cube.condition[i]]) continue;
		if (techniques && !techniques[cube.technique[i]]) continue;
		mask[i] = 1;
	}
	return mask;
}

function groupOf(cube: Cube, by: Filters['by']): { codes: Int32Array; names: string[] } {
	return by === 'technique'
		? { codes: cube.technique, names: cube.names.technique }
		: by === 'therapist'
			? { codes: cube.therapist, names: cube.names.therapist }
			: { codes: cube.clinic, names: cube.names.clinic };
}

interface ClientValue {
	client: number;
	/** Codes of the group and the condition, for grouping without building strings. */
	g: number;
	c: number;
	group: string;
	condition: string;
	value: number;
	sessions: number;
	baseline: number | null;
}

/**
 * Per client × group × condition: the immediate change (mean over sessions) or the course change.
 * Rows come in client order, so each client's few group × condition pairs are gathered in a small list.
 */
function clientEffects(
	cube: Cube,
	mask: Uint8Array,
	measure: number,
	effect: 'immediate' | 'course',
	by: Filters['by'],
	direction: string,
	splitByCondition = true
): ClientValue[] {
	const group = groupOf(cube, by);
	const lower = direction === 'lower';
	const open: { g: number; c: number; sum: number; n: number; first: number; last: number }[] = [];
	const out: ClientValue[] = [];
	let client = -1;
	const flush = () => {
		for (const a of open) {
			if (effect === 'course' && a.n < 2) continue;
			out.push({
				client,
				g: a.g,
				c: a.c,
				group: group.names[a.g],
				condition: cube.names.condition[a.c],
				sessions: a.n,
				value: effect === 'immediate' ? a.sum / a.n : lower ? a.first - a.last : a.last - a.first,
				baseline: effect === 'immediate' ? null : a.first
			});
		}
		open.length = 0;
	};
	const m = cube.measurement;
	const indexes = cube.byMeasure[measure];
	for (let j = 0; j < indexes.length; j++) {
		const k = indexes[j];
		const row = m.row[k];
		if (!mask[row]) continue;
		const b = m.before[k];
		const a = m.after[k];
		if (Number.isNaN(b) || (effect === 'immediate' && Number.isNaN(a))) continue;
		if (cube.client[row] !== client) {
			flush();
			client = cube.client[row];
		}
		const g = group.codes[row];
		const c = splitByCondition ? cube.condition[row] : 0;
		let e = null;
		for (let x = 0; x < open.length; x++) if (open[x].g === g && open[x].c === c) e = open[x];
		if (!e) open.push((e = { g, c, sum: 0, n: 0, first: b, last: b }));
		e.sum += lower ? b - a : a - b;
		e.n++;
		e.last = b;
	}
	flush();
	return out;
}

function stats(values: number[]) {
	const n = values.length;
	const mean = values.reduce((s, v) => s + v, 0) / n;
	const sd = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : null;
	const sorted = [...values].sort((a, b) => a - b);
	return { mean, sd, q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75) };
}

function isResponder(v: ClientValue, measure: CubeMeasure, filters: Filters): boolean {
	const points = filters.mcidPoints ?? measure.mcidPoints ?? Infinity;
	const percent = filters.mcidPercent ?? measure.mcidPercent;
	return v.value >= points || (percent !== null && v.baseline !== null && v.baseline !== 0 && v.value / Math.abs(v.baseline) >= percent);
}

/** Client values grouped by a numeric key, named by `nameOf`. */
function groupRows(
	values: ClientValue[],
	keyOf: (v: ClientValue) => number,
	nameOf: (v: ClientValue) => [string, string],
	responders: ((v: ClientValue) => boolean) | null
): EffectRow[] {
	const groups = new Map<number, { group: string; condition: string; values: ClientValue[] }>();
	for (const v of values) {
		const key = keyOf(v);
		let g = groups.get(key);
		if (!g) {
			const [group, condition] = nameOf(v);
			groups.set(key, (g = { group, condition, values: [] }));
		}
		g.values.push(v);
	}
	return [...groups.values()].map(({ group, condition, values: vs }) => ({
		group,
		condition,
		clients: vs.length,
		sessions: vs.reduce((s, v) => s + v.sessions, 0),
		...stats(vs.map((v) => v.value)),
		responders: responders ? vs.filter(responders).length : null
	}));
}

interface ClientFrequency {
	client: number;
	group: string;
	condition: string;
	sessions: number;
	first: number;
	last: number;
	perMonth: number | null;
}

function clientFrequencies(cube: Cube, mask: Uint8Array, by: Filters['by']): ClientFrequency[] {
	const group = groupOf(cube, by);
	const out: ClientFrequency[] = [];
	let current: ClientFrequency | null = null;
	for (let i = 0; i < cube.sessions; i++) {
		if (!mask[i] || cube.date[i] === NO_DATE) continue;
		if (!current || current.client !== cube.client[i]) {
			current = { client: cube.client[i], group: group.names[group.codes[i]], condition: cube.names.condition[cube.condition[i]], sessions: 0, first: cube.date[i], last: cube.date[i], perMonth: null };
			out.push(current);
		}
		current.sessions++;
		current.last = cube.date[i];
	}
	for (const f of out) f.perMonth = f.last > f.first ? ((f.sessions - 1) * 30) / (f.last - f.first) : null;
	return out;
}

function withinSessionChart(
	cube: Cube,
	mask: Uint8Array,
	measures: number[],
	by: Filters['by'],
	groupBy: 'condition' | 'measure',
	/** Already computed for the chosen measure (the same client values): not computed twice. */
	known?: { code: number; values: ClientValue[] }
): WithinSessionChart {
	// One value per client and group (and condition, or movement): their mean change; then the mean of those.
	const rows = new Map<number, WithinSessionRow & { sumOfMeans: number }>();
	for (const code of measures) {
		const measure = cube.measures[code];
		const values =
			known && known.code === code && groupBy === 'condition'
				? known.values
				: clientEffects(cube, mask, code, 'immediate', by, measure.direction, groupBy === 'condition');
		for (const v of values) {
			const key = groupBy === 'condition' ? groupAndCondition(v) : v.g * 65536 + code;
			let r = rows.get(key);
			if (!r) {
				const group = groupBy === 'condition' ? v.condition : measure.label;
				rows.set(key, (r = { technique: v.group, group, unit: measure.unit, meanChange: 0, clients: 0, sessions: 0, sumOfMeans: 0 }));
			}
			r.sumOfMeans += v.value;
			r.clients++;
			r.sessions += v.sessions;
		}
	}
	const clientSeen = new Uint8Array(cube.sessions ? cube.client[cube.sessions - 1] + 1 : 0);
	const sessionSeen = new Uint8Array(cube.sessions);
	let clients = 0;
	let sessions = 0;
	const m = cube.measurement;
	for (const code of measures) {
		for (const k of cube.byMeasure[code]) {
			const row = m.row[k];
			if (!mask[row] || Number.isNaN(m.before[k]) || Number.isNaN(m.after[k])) continue;
			if (!clientSeen[cube.client[row]]) (clientSeen[cube.client[row]] = 1), clients++;
			if (!sessionSeen[row]) (sessionSeen[row] = 1), sessions++;
		}
	}
	const out = [...rows.values()]
		.map(({ sumOfMeans, ...r }) => ({ ...r, meanChange: sumOfMeans / r.clients }))
		.sort((a, b) => byString(a.technique, b.technique) || byString(a.group, b.group) || byString(a.unit, b.unit));
	return { rows: out, totals: { clients, sessions } };
}

/** Clients by group and condition. */
function byGroupAndCondition(frequencies: ClientFrequency[]): ClientFrequency[][] {
	const groups = new Map<string, ClientFrequency[]>();
	for (const f of frequencies) {
		const key = `${f.group}\u0000${f.condition}`;
		const list = groups.get(key);
		if (list) list.push(f);
		else groups.set(key, [f]);
	}
	return [...groups.values()];
}

function frequencyRows(frequencies: ClientFrequency[]): FrequencyRow[] {
	return byGroupAndCondition(frequencies)
		.map((fs) => {
			const rates = fs.map((f) => f.perMonth).filter((r): r is number => r !== null).sort((a, b) => a - b);
			return {
				technique: fs[0].group,
				condition: fs[0].condition,
				medianPerMonth: rates.length ? quantile(rates, 0.5) : null,
				clients: rates.length,
				allClients: fs.length,
				sessions: fs.reduce((s, f) => s + f.sessions, 0),
				underBand: rates.filter((r) => r < FREQUENCY_BAND.low).length,
				inBand: rates.filter((r) => r >= FREQUENCY_BAND.low && r <= FREQUENCY_BAND.high).length,
				overBand: rates.filter((r) => r > FREQUENCY_BAND.high).length
			};
		})
		.sort((a, b) => byString(a.technique, b.technique) || byString(a.condition, b.condition));
}

function retentionRows(frequencies: ClientFrequency[]): RetentionRow[] {
	const end = frequencies.reduce((max, f) => Math.max(max, f.last), -Infinity);
	const median = (xs: number[]) => (xs.length ? quantile([...xs].sort((a, b) => a - b), 0.5) : null);
	return byGroupAndCondition(frequencies)
		.map((fs) => ({
			technique: fs[0].group,
			condition: fs[0].condition,
			eligible: RETENTION_WEEKS.map((w) => fs.filter((f) => f.first + w * 7 <= end).length),
			retained: RETENTION_WEEKS.map((w) => fs.filter((f) => f.first + w * 7 <= end && f.last - f.first >= w * 7).length),
			medianGapDays: median(fs.filter((f) => f.sessions > 1).map((f) => (f.last - f.first) / (f.sessions - 1))),
			medianCourseDays: median(fs.map((f) => f.last - f.first))
		}))
		.sort((a, b) => byString(a.technique, b.technique) || byString(a.condition, b.condition));
}

export function computeDashboard(cube: Cube, filters: Filters): DashboardData {
	const mask = sessionMask(cube, filters);
	const code = cube.measures.findIndex((m) => m.measure === filters.measure);
	const measure: CubeMeasure =
		cube.measures[code] ?? { measure: filters.measure, label: filters.measure, unit: '', direction: 'higher', kind: 'other', mcidPoints: null, mcidPercent: null, mcidSource: '' };
	const immediateValues = code < 0 ? [] : clientEffects(cube, mask, code, 'immediate', filters.by, measure.direction);
	const courseValues = code < 0 ? [] : clientEffects(cube, mask, code, 'course', filters.by, measure.direction);
	const responder = (v: ClientValue) => isResponder(v, measure, filters);
	const order = (rows: EffectRow[]) => rows.sort((a, b) => byString(a.condition, b.condition) || byString(a.group, b.group));
	const pair = (v: ClientValue): [string, string] => [v.group, v.condition];
	const immediate = summariseEffects(order(groupRows(immediateValues, groupAndCondition, pair, null)), filters.minClients);
	const course = summariseEffects(order(groupRows(courseValues, groupAndCondition, pair, responder)), filters.minClients);

	const frequencies = clientFrequencies(cube, mask, filters.by);
	const perMonth = new Map(frequencies.map((f) => [f.client, f.perMonth]));
	const techniqueCourse = filters.by === 'technique' ? courseValues : code < 0 ? [] : clientEffects(cube, mask, code, 'course', 'technique', measure.direction);
	const banded = techniqueCourse.filter((v) => perMonth.get(v.client) != null);
	const band = (v: ClientValue) => {
		const r = perMonth.get(v.client)!;
		return r < FREQUENCY_BAND.low ? BAND_ORDER[0] : r <= FREQUENCY_BAND.high ? BAND_ORDER[1] : BAND_ORDER[2];
	};
	const bandRows = groupRows(banded, (v) => BAND_ORDER.indexOf(band(v)), (v) => [band(v), 'All conditions'], responder);
	const bands: EffectSummary[] = summariseEffects(BAND_ORDER.flatMap((b) => bandRows.filter((r) => r.group === b)), filters.minClients);

	const pain = cube.measures.findIndex((m) => m.measure === 'pain_nprs');
	const romCodes = cube.measures.flatMap((m, i) => (m.kind === 'rom' ? [i] : []));
	let clients = 0;
	let sessions = 0;
	let lastClient = -1;
	for (let i = 0; i < cube.sessions; i++) {
		if (!mask[i]) continue;
		sessions++;
		// Rows are in client order: a kept row of another client is a new client.
		if (cube.client[i] !== lastClient) {
			clients++;
			lastClient = cube.client[i];
		}
	}
	const sortedValues = (vs: ClientValue[]) => vs.map((v) => v.value).sort((a, b) => a - b);
	const rates = frequencies.map((f) => f.perMonth).filter((r): r is number => r !== null).sort((a, b) => a - b);
	const figures: Headline = {
		clients,
		sessions,
		medianImmediate: immediateValues.length ? quantile(sortedValues(immediateValues), 0.5) : null,
		immediateClients: new Set(immediateValues.map((v) => v.client)).size,
		medianCourse: courseValues.length ? quantile(sortedValues(courseValues), 0.5) : null,
		courseClients: new Set(courseValues.map((v) => v.client)).size,
		responders: new Set(courseValues.filter(responder).map((v) => v.client)).size,
		medianPerMonth: rates.length ? quantile(rates, 0.5) : null,
		frequencyClients: rates.length
	};
	const { kind: _kind, ...info } = measure;
	return {
		measure: info,
		figures,
		immediate,
		course,
		bands,
		pain: withinSessionChart(cube, mask, pain < 0 ? [] : [pain], filters.by, 'condition', { code, values: immediateValues }),
		rom: withinSessionChart(cube, mask, romCodes, filters.by, 'measure'),
		frequency: frequencyRows(frequencies),
		retention: frequencies.length ? retentionRows(frequencies) : []
	};
}
