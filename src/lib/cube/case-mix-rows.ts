/** The course values a filter keeps, with each client's case mix: the rows of the case-mix model, from the cube. */
import type { Cube } from './load-cube';
import type { Kept } from './effect-index';
import type { CaseMixData } from '../metrics/case-mix';

export function caseMixRows(cube: Cube, kept: Kept, groupNames: string[]): CaseMixData {
	const { index, whole, part } = kept;
	const sorted = index.sorted.course;
	const cut = kept.cut.course;
	const size = sorted.at.length + cut.length;
	const client = new Int32Array(size);
	const group = new Int32Array(size);
	const condition = new Int32Array(size);
	const baseline = new Float64Array(size);
	const change = new Float64Array(size);
	let n = 0;
	const add = (c: number, bucket: number, value: number, first: number) => {
		client[n] = c;
		group[n] = index.buckets[bucket].group;
		condition[n] = index.buckets[bucket].condition;
		baseline[n] = first;
		change[n++] = value;
	};
	for (let i = 0; i < sorted.at.length; i++) {
		if (whole[sorted.at[i]]) add(sorted.client[i], sorted.bucket[i], sorted.value[i], sorted.baseline[i]);
	}
	for (const x of cut) add(index.client[x], index.bucket[x], part.course[x], part.baseline[x]);
	const clients = client.subarray(0, n);
	return {
		count: n,
		group: group.subarray(0, n),
		groupNames,
		condition: condition.subarray(0, n),
		conditionNames: cube.names.condition,
		baseline: baseline.subarray(0, n),
		change: change.subarray(0, n),
		covariates: cube.covariates.map(({ covariate, numbers, texts }) => ({
			covariate,
			numbers: numbers ? Float64Array.from(clients, (c) => numbers[c]) : null,
			texts: texts ? Array.from(clients, (c) => texts[c]) : null
		}))
	};
}
