/**
 * Table 1's rows from its figures: n; each measure (the one the dashboard shows first, then by label); each
 * extra column by name, as extra-summary.ts decides; a missing row under a variable when a group shown has
 * clients without a value. Groups under the minimum size keep their column, every figure withheld.
 */
import type { Filters } from '../metrics/filters';
import { NOT_RECORDED } from '../domain/not-recorded';
import { count, hiddenOr } from '../format/numbers';
import { extraSummary } from './extra-summary';
import { orderLevels, otherLabel } from './levels';
import { countPercent, meanSd, medianIqr, placesFor } from './cells';
import type { LevelCount, TableOne, TableOneFigures, TableOneRow } from './table-one';

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
		(a, b) =>
			Number(b === filters.measure) - Number(a === filters.measure) ||
			measures.get(a)![0].label.localeCompare(measures.get(b)![0].label, 'en')
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
		const shape = shapes.get(name);
		if (!shape) continue; // stored between the two queries
		const summary = extraSummary(shape);
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
	for (const item of items) {
		const k = key(item);
		if (map.has(k)) map.get(k)!.push(item);
		else map.set(k, [item]);
	}
	return map;
}
