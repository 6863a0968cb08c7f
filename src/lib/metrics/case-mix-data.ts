/** The case-mix model's rows from SQL: each client's course per provider and condition, with their case mix. */
import type { Database } from '../db/database';
import { clientEffectSql } from './effects';
import type { Filters } from './filters';
import { caseMix, type CaseMix, type CaseMixData } from './case-mix';
import { caseMixColumns, covariateValuesSql, encodeCovariate } from './case-mix-covariates';
import { byString } from '../format/text-order';

interface CourseRow {
	dataset_id: number;
	client_id: string;
	grp: string;
	condition: string;
	value: number;
	baseline: number;
}

export async function caseMixOf(db: Database, filters: Filters): Promise<CaseMix | null> {
	if (filters.by === 'technique') return null;
	const course = clientEffectSql('course', filters);
	const rows = await db.query<CourseRow>(course.sql, course.params);
	const columns = await caseMixColumns(db);
	const values = columns.length ? covariateValuesSql(columns) : null;
	const found = values
		? await db.query<{ dataset_id: number; client_id: string; name: string; value: string; number: number | null }>(
				values.sql,
				values.params
			)
		: [];
	const key = (datasetId: number, clientId: string) => `${datasetId}\u0000${clientId}`;
	const byClient = new Map<string, Map<string, { value: string; number: number | null }>>();
	for (const f of found) {
		const k = key(f.dataset_id, f.client_id);
		if (!byClient.has(k)) byClient.set(k, new Map());
		byClient.get(k)!.set(f.name, f);
	}
	const groupNames = [...new Set(rows.map((r) => r.grp))].sort(byString);
	const conditionNames = [...new Set(rows.map((r) => r.condition))].sort(byString);
	const data: CaseMixData = {
		count: rows.length,
		group: Int32Array.from(rows, (r) => groupNames.indexOf(r.grp)),
		groupNames,
		condition: Int32Array.from(rows, (r) => conditionNames.indexOf(r.condition)),
		conditionNames,
		baseline: Float64Array.from(rows, (r) => r.baseline),
		change: Float64Array.from(rows, (r) => r.value),
		covariates: columns.map((covariate) =>
			encodeCovariate(covariate, rows.length, (i) => byClient.get(key(rows[i].dataset_id, rows[i].client_id))?.get(covariate.name))
		)
	};
	return caseMix(data, filters.minClients);
}
