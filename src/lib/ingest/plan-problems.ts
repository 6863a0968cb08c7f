/** A plan that cannot be imported as it stands, said before anything is read: what to choose instead. */
import type { ColumnPlan, ImportPlan } from './plan';
import { numbersRows } from './trial-reading';
import { namesMovements } from './measure-names';
import { column, columnLabel } from './staged-columns';

export function planProblems(plan: ImportPlan): string[] {
	const problems: string[] = [];
	if (!column(plan, 'client') && !numbersRows(plan)) {
		problems.push('No column is chosen as the client id: choose the column that identifies each client.');
	}
	const kinds = new Set(plan.columns.map((c) => c.role.kind));
	if (kinds.has('measure name') !== kinds.has('measure value') && !namesMovements(plan)) {
		problems.push('Long format needs both a measure-name column and a value column.');
	}
	const headers = plan.columns.map((c) => c.header);
	const names = (columns: ColumnPlan[]) => columns.map((c) => columnLabel(headers, c.index)).join(', ');
	// Several technique columns are one list; every other role is one column.
	for (const kind of ['client', 'date', 'visit', 'timepoint', 'clinic', 'therapist', 'condition', 'duration'] as const) {
		const chosen = plan.columns.filter((c) => c.role.kind === kind);
		if (chosen.length > 1) problems.push(`More than one column is chosen as ${kind}: ${names(chosen)}.`);
	}
	// Two columns for one measure at one timing would be merged, the second read only where the first is empty.
	const byMeasure = new Map<string, ColumnPlan[]>();
	for (const c of plan.columns) {
		if (c.role.kind !== 'measure') continue;
		const key = `${c.role.measure}|${c.role.timing}|${c.role.visit ?? ''}`;
		byMeasure.set(key, [...(byMeasure.get(key) ?? []), c]);
	}
	for (const chosen of byMeasure.values()) {
		if (chosen.length < 2 || chosen[0].role.kind !== 'measure') continue;
		const { measure, timing, visit } = chosen[0].role;
		const label = plan.measures.find((m) => m.measure === measure)?.label ?? measure;
		const when = timing === 'value' ? (visit ? `at visit ${visit}` : 'as a value') : timing;
		problems.push(`More than one column is chosen as ${label} ${when}: ${names(chosen)}. Keep one; the others can be extra attributes.`);
	}
	return problems;
}
