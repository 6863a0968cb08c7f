/**
 * Table 1: baseline characteristics by group (main technique or arm, therapist, clinic), over the
 * sessions the filters keep. Rows: the number of clients; each measure's baseline mean (SD) (the measure
 * the dashboard shows first, then by label); each extra column by name, as mean (SD) or median (IQR) or
 * counts (%) (extra-summary.ts); under a variable,
 * its missing count when a group shown has clients without a value. No significance tests: CONSORT 2010
 * advises against them in a table of baseline characteristics. Groups under the minimum size keep their
 * label and show no figure.
 */
import type { Database } from '../db/database';
import type { Filters } from '../metrics/filters';
import { NOT_RECORDED } from '../metrics/settings';
import { count, hiddenOr } from '../components/dashboard/format';
import { extraShapesSql, extrasSql, groupsSql, levelsSql, measuresSql, type Query } from './baseline-sql';
import { extraSummary, type ExtraShape } from './extra-summary';
import { orderLevels, otherLabel } from './levels';
import { countPercent, meanSd, medianIqr, placesFor } from './cells';

export type TableOneRowKind = 'n' | 'measure' | 'numeric' | 'categorical' | 'level' | 'missing';

export interface TableOneRow {
	/** The measure or extra column the row belongs to ('n' for the first row). */
	variable: string;
	label: string;
	/** 'categorical' heads a categorical variable's levels (its cells are empty). */
	kind: TableOneRowKind;
	/** One per group, formatted for display; "hidden (n<5)" for a group under the minimum size; null for no value. */
	cells: (string | null)[];
}

export interface TableOne {
	groups: string[];
	hiddenGroups: string[];
	minClients: number;
	rows: TableOneRow[];
}

export interface GroupSize {
	group: string;
	clients: number;
}

export interface ExtraShapeRow extends ExtraShape {
	name: string;
}

export interface ExtraFigures {
	name: string;
	group: string;
	values: number;
	numbers: number;
	mean: number | null;
	sd: number | null;
	q1: number | null;
	median: number | null;
	q3: number | null;
}

export interface LevelCount {
	name: string;
	group: string;
	level: string;
	clients: number;
}

export interface MeasureFigures {
	measure: string;
	label: string;
	unit: string;
	group: string;
	clients: number;
	mean: number | null;
	sd: number | null;
}

/** What the queries return, for `shapeTableOne`. */
export interface TableOneFigures {
	groups: GroupSize[];
	shapes: ExtraShapeRow[];
	extras: ExtraFigures[];
	levels: LevelCount[];
	measures: MeasureFigures[];
}

/** Groups by name, "Not recorded" last. */
const byName = (a: string, b: string) => Number(a === NOT_RECORDED) - Number(b === NOT_RECORDED) || a.localeCompare(b, 'en');

export function shapeTableOne(figures: TableOneFigures, filters: Pick<Filters, 'minClients' | 'measure'>): TableOne {
	const min = filters.minClients;
	const sizes = [...figures.groups].sort((a, b) => byName(a.group, b.group));
	const groups = sizes.map((g) => g.group);
	const n = new Map(sizes.map((g) => [g.group, g.clients]));
	const shown = groups.filter((g) => n.get(g)! >= min);
	const rows: TableOneRow[] = [];

	/** Cells of a row: `cell(group)` for the groups shown, why not for the others. */
	const cellsOf = (cell: (group: string) => string | null) =>
		groups.map((g) => hiddenOr(n.get(g)!, min, shown.includes(g) ? cell(g) : null));
	/** A missing row under a variable, when a group shown has clients without a value. */
	const missing = (variable: string, withValue: (group: string) => number) => {
		if (shown.every((g) => withValue(g) >= n.get(g)!)) return;
		rows.push({ variable, label: 'missing', kind: 'missing', cells: cellsOf((g) => count(n.get(g)! - withValue(g))) });
	};

	rows.push({ variable: 'n', label: 'Clients, n', kind: 'n', cells: cellsOf((g) => count(n.get(g)!)) });

	const measures = groupBy(figures.measures, (m) => m.measure);
	const measureOrder = [...measures.keys()].sort(
		(a, b) => Number(b === filters.measure) - Number(a === filters.measure) || measures.get(a)![0].label.localeCompare(measures.get(b)![0].label, 'en')
	);
	for (const measure of measureOrder) {
		const per = new Map(measures.get(measure)!.map((m) => [m.group, m]));
		const { label, unit } = measures.get(measure)![0];
		const places = placesFor([...per.values()].map((m) => m.mean));
		rows.push({
			variable: measure,
			label: `${label}${unit ? `, ${unit}` : ''}, mean (SD)`,
			kind: 'measure',
			cells: cellsOf((g) => (per.has(g) ? meanSd(per.get(g)!.mean, per.get(g)!.sd, places) : null))
		});
		missing(measure, (g) => per.get(g)?.clients ?? 0);
	}

	const extras = groupBy(figures.extras, (e) => e.name);
	const levels = groupBy(figures.levels, (l) => l.name);
	const shapes = new Map(figures.shapes.map((s) => [s.name, s]));
	for (const name of [...extras.keys()].sort((a, b) => a.localeCompare(b, 'en'))) {
		const per = new Map(extras.get(name)!.map((e) => [e.group, e]));
		const summary = extraSummary(shapes.get(name)!);
		if (summary === 'n (%)') {
			rows.push({ variable: name, label: `${name}, n (%)`, kind: 'categorical', cells: groups.map(() => '') });
			rows.push(...levelRows(name, levels.get(name) ?? [], (g) => per.get(g)?.values ?? 0, cellsOf));
			missing(name, (g) => per.get(g)?.values ?? 0);
			continue;
		}
		const median = summary === 'median (IQR)';
		const places = placesFor([...per.values()].map((e) => (median ? e.median : e.mean)));
		rows.push({
			variable: name,
			label: `${name}, ${summary}`,
			kind: 'numeric',
			cells: cellsOf((g) => {
				const e = per.get(g);
				if (!e) return null;
				return median ? medianIqr(e.median, e.q1, e.q3, places) : meanSd(e.mean, e.sd, places);
			})
		});
		missing(name, (g) => per.get(g)?.numbers ?? 0);
	}
	return { groups, hiddenGroups: groups.filter((g) => !shown.includes(g)), minClients: min, rows };
}

function levelRows(
	name: string,
	counts: LevelCount[],
	withValue: (group: string) => number,
	cellsOf: (cell: (group: string) => string | null) => (string | null)[]
): TableOneRow[] {
	const overall = new Map<string, number>();
	for (const c of counts) overall.set(c.level, (overall.get(c.level) ?? 0) + c.clients);
	const { named, other } = orderLevels(overall);
	const clients = (group: string, among: string[]) =>
		counts.filter((c) => c.group === group && among.includes(c.level)).reduce((s, c) => s + c.clients, 0);
	const row = (label: string, among: string[]): TableOneRow => ({
		variable: name,
		label,
		kind: 'level',
		cells: cellsOf((g) => countPercent(clients(g, among), withValue(g)))
	});
	return [...named.map((level) => row(level, [level])), ...(other.length ? [row(otherLabel(other.length), other)] : [])];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
	return map;
}

/** Table 1 of the analysed data under the filters. */
export async function tableOne(db: Database, filters: Filters): Promise<TableOne> {
	const run = <T extends object>({ sql, params }: Query) => db.query<T>(sql, params);
	const [groups, shapes, extras, measures] = await Promise.all([
		run<GroupSize>(groupsSql(filters)),
		run<ExtraShapeRow>(extraShapesSql()),
		run<ExtraFigures>(extrasSql(filters)),
		run<MeasureFigures>(measuresSql(filters))
	]);
	const shown = new Set(extras.map((e) => e.name));
	const categorical = shapes.filter((s) => shown.has(s.name) && extraSummary(s) === 'n (%)').map((s) => s.name);
	const levels = categorical.length ? await run<LevelCount>(levelsSql(filters, categorical)) : [];
	return shapeTableOne({ groups, shapes, extras, levels, measures }, filters);
}
