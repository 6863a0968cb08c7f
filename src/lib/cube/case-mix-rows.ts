/** The course values a filter keeps, with each client's case mix: the rows of the case-mix model, from the cube. */
import type { Cube } from './load-cube';
import type { CovariateColumn } from '../metrics/case-mix-covariates';
import type { Kept } from './effect-index';
import type { CaseMixData } from '../metrics/case-mix';
import { gatherCovariate } from '../metrics/case-mix-covariates';

/** `covariates`: each client's case mix by client number (loadCovariates). */
export function caseMixRows(cube: Cube, covariates: CovariateColumn[], kept: Kept, groupNames: string[]): CaseMixData {
	const { index, whole } = kept;
	const sorted = index.sorted.course;
	const cut = kept.cut.course;
	const size = sorted.at.length + cut.at.length;
	const groupOf = Int32Array.from(index.buckets, (b) => b.group);
	const conditionOf = Int32Array.from(index.buckets, (b) => b.condition);
	const client = new Int32Array(size);
	const group = new Int32Array(size);
	const condition = new Int32Array(size);
	const baseline = new Float64Array(size);
	const change = new Float64Array(size);
	let n = 0;
	for (let i = 0; i < sorted.at.length; i++) {
		if (!whole[sorted.at[i]]) continue;
		const b = sorted.bucket[i];
		client[n] = sorted.client[i];
		group[n] = groupOf[b];
		condition[n] = conditionOf[b];
		baseline[n] = sorted.baseline[i];
		change[n++] = sorted.value[i];
	}
	for (let k = 0; k < cut.at.length; k++) {
		const b = cut.bucket[k];
		client[n] = cut.client[k];
		group[n] = groupOf[b];
		condition[n] = conditionOf[b];
		baseline[n] = cut.baseline[k];
		change[n++] = cut.value[k];
	}
	const clients = client.subarray(0, n);
	return {
		count: n,
		group: group.subarray(0, n),
		groupNames,
		condition: condition.subarray(0, n),
		conditionNames: cube.names.condition,
		baseline: baseline.subarray(0, n),
		change: change.subarray(0, n),
		covariates: covariates.map((column) => gatherCovariate(column, clients))
	};
}
