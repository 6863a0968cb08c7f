/**
 * The changes a user makes to a file's plan in the preview. Each is applied to a copy, and the shape is worked
 * out again from the roles after every one, so no edit can leave the plan's shape behind its columns.
 */
import type { ColumnPlan, ImportPlan, PairReading, RoleKind, Timing } from './plan';
import { measureKey, newMeasure } from './guess-roles';
import { headerWords } from './header-words';
import { nameMeasures } from './measure-names';
import { shapeOf } from './guess-plan';

export type PlanEdit = (plan: ImportPlan) => void;

export function applyEdit(plan: ImportPlan, edit: PlanEdit): ImportPlan {
	const next = structuredClone(plan);
	edit(next);
	next.shape = shapeOf(next);
	return next;
}

function ensureMeasure(plan: ImportPlan, key: string, header: string) {
	if (!plan.measures.some((m) => m.measure === key)) plan.measures.push(newMeasure(key, header, ''));
}

const columnOf = (plan: ImportPlan, index: number): ColumnPlan => plan.columns.find((c) => c.index === index)!;

/** A new role for a column; `values` are its values in the preview (a measure-name column names measures by them). */
export const setRole =
	(index: number, kind: RoleKind, values: readonly string[]): PlanEdit =>
	(plan) => {
		const c = columnOf(plan, index);
		if (kind === 'measure') {
			const key = measureKey(headerWords(c.header));
			ensureMeasure(plan, key, c.header);
			c.role = { kind, measure: key, timing: 'value' };
		} else {
			c.role = { kind } as ColumnPlan['role'];
		}
		if (kind === 'measure name') nameMeasures(plan, values);
	};

export const setMeasure =
	(index: number, key: string): PlanEdit =>
	(plan) => {
		const c = columnOf(plan, index);
		if (c.role.kind !== 'measure') return;
		ensureMeasure(plan, key, c.header);
		c.role = { ...c.role, measure: key };
	};

export const setTiming =
	(index: number, timing: Timing): PlanEdit =>
	(plan) => {
		const c = columnOf(plan, index);
		if (c.role.kind === 'measure') c.role = { ...c.role, timing };
	};

/** The visit a measure column holds; empty or not a whole number: none. */
export const setVisit =
	(index: number, visit: string): PlanEdit =>
	(plan) => {
		const c = columnOf(plan, index);
		if (c.role.kind !== 'measure') return;
		const n = Number(visit);
		const { visit: _old, ...rest } = c.role;
		c.role = visit.trim() === '' || !Number.isInteger(n) ? rest : { ...rest, visit: n };
	};

/** What a timepoint value means: 'before' or 'after' within a session, or a visit number. */
export const setTimepoint =
	(value: string, meaning: string): PlanEdit =>
	(plan) => {
		plan.timepoints[value] = meaning === 'before' || meaning === 'after' ? { timing: meaning } : { visit: Number(meaning) };
	};

/** Before/after columns read as two visits of a trial, or as one session (trial-reading.ts). */
export const readPairsAs =
	(reading: PairReading): PlanEdit =>
	(plan) => {
		plan.pairsAre = reading;
	};
