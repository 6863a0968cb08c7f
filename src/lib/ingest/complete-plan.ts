import type { Database } from '../db/database';
import type { ImportPlan } from './plan';
import { distinctInFile } from './stage-file';
import { guessTimepoint } from './guess-plan';
import { nameMeasures, namesMovements } from './measure-names';
import { column } from './staged-columns';

/** Timepoints and measure names seen beyond the preview's first rows get their default meaning. */
export async function completePlan(
	db: Database,
	file: string,
	plan: ImportPlan
): Promise<{ plan: ImportPlan; measureNames: Map<string, string> }> {
	const distinctValues = (index: number) => distinctInFile(db, file, plan, index);
	const complete: ImportPlan = {
		...plan,
		timepoints: { ...plan.timepoints },
		measures: [...plan.measures],
		measureNames: { ...plan.measureNames }
	};
	const timepoint = column(plan, 'timepoint');
	if (timepoint) {
		let order = Object.keys(complete.timepoints).length + 1;
		for (const v of await distinctValues(timepoint.index)) complete.timepoints[v] ??= guessTimepoint(v, order++);
	}
	const measureNames = new Map<string, string>();
	const name = column(plan, 'measure name');
	if (name && (plan.shape === 'long' || namesMovements(plan))) {
		const values = await distinctValues(name.index);
		nameMeasures(complete, values);
		for (const v of values) if (v in complete.measureNames) measureNames.set(v, complete.measureNames[v]);
	}
	return { plan: complete, measureNames };
}
