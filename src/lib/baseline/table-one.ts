/**
 * Table 1: baseline characteristics by group (main technique or arm, therapist, clinic), over the
 * sessions the filters keep: n, each measure's baseline mean (SD), each extra column as mean (SD), median
 * (IQR) or counts (%), missing counts (shape-table-one.ts; the SQL in baseline-sql.ts). No significance
 * tests: CONSORT 2010 advises against them in a table of baseline characteristics. Groups under the minimum
 * size keep their label and show no figure.
 */
import type { Database } from '../db/database';
import type { Filters } from '../metrics/filters';
import { extraShapesSql, extrasSql, groupsSql, levelsSql, measuresSql, type Query } from './baseline-sql';
import { extraSummary, type ExtraShape } from './extra-summary';
import { shapeTableOne } from './shape-table-one';

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
