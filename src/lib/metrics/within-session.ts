/**
 * Immediate effect: the change within one session (before → after), signed so that positive is better
 * for the measure's direction. Compared at the client level: each client's mean over their sessions first,
 * then the mean over clients, so a client with many sessions does not outweigh one with few.
 * Clients are grouped by their main technique (main-technique.ts), or by therapist or clinic.
 */
import { sql } from '../definitions/arithmetic';
import { immediateEffect } from '../definitions/effects';
import type { Database } from '../db/database';
import { NOT_RECORDED } from '../domain/not-recorded';
import { DEFAULT_FILTERS, type Filters } from './filters';
import { filteredSessions, groupColumn, type Where } from './filter-sql';

export type WithinSessionGroup = 'condition' | 'measure';

export interface WithinSessionRow {
	technique: string;
	/** The condition, or the measure's label. */
	group: string;
	unit: string;
	meanChange: number;
	clients: number;
	sessions: number;
}

const IMPROVEMENT_SQL = immediateEffect(sql, 'm.value_before', 'm.value_after', "d.direction = 'lower'");

/** Client means of the immediate change, by group (main technique, therapist or clinic) × condition or movement. */
export function withinSessionChangeSql(by: WithinSessionGroup, select: 'measure-key' | 'measure-kind', filters: Filters): Where {
	const from = filteredSessions(filters);
	const group = by === 'condition' ? `coalesce(s.condition, '${NOT_RECORDED}')` : 'd.label';
	const filter = select === 'measure-key' ? 'd.measure = ?' : 'd.kind = ?';
	return {
		sql: `
WITH per_client AS (
	SELECT coalesce(${groupColumn(filters.by)}, '${NOT_RECORDED}') AS technique, ${group} AS grp, d.unit,
	       s.dataset_id, s.client_id, avg(${IMPROVEMENT_SQL}) AS improvement, count(*) AS sessions
	FROM ${from.sql}
	JOIN measurements m ON m.session_id = s.session_id
	JOIN measures d ON d.measure = m.measure
	WHERE ${filter} AND m.value_before IS NOT NULL AND m.value_after IS NOT NULL
	GROUP BY ALL
)
SELECT technique, grp AS "group", unit, avg(improvement) AS "meanChange",
       count(*)::INTEGER AS clients, sum(sessions)::INTEGER AS sessions
FROM per_client
GROUP BY ALL
ORDER BY technique, "group"`,
		params: from.params
	};
}

export interface Totals {
	clients: number;
	sessions: number;
}

export interface WithinSessionChart {
	rows: WithinSessionRow[];
	totals: Totals;
}

async function withinSessionChart(
	db: Database,
	by: WithinSessionGroup,
	select: 'measure-key' | 'measure-kind',
	value: string,
	filters: Filters
): Promise<WithinSessionChart> {
	const { sql, params } = withinSessionChangeSql(by, select, filters);
	const rows = await db.query<WithinSessionRow>(sql, [...params, value]);
	const from = filteredSessions(filters);
	const [totals] = await db.query<Totals>(
		`SELECT count(DISTINCT (s.dataset_id, s.client_id))::INTEGER AS clients, count(DISTINCT s.session_id)::INTEGER AS sessions
		 FROM ${from.sql} JOIN measurements m ON m.session_id = s.session_id JOIN measures d ON d.measure = m.measure
		 WHERE ${select === 'measure-key' ? 'd.measure = ?' : 'd.kind = ?'}
		   AND m.value_before IS NOT NULL AND m.value_after IS NOT NULL`,
		[...from.params, value]
	);
	return { rows, totals };
}

export const painByTechniqueAndCondition = (db: Database, filters: Filters = DEFAULT_FILTERS) =>
	withinSessionChart(db, 'condition', 'measure-key', 'pain_nprs', filters);

export const romByTechniqueAndMovement = (db: Database, filters: Filters = DEFAULT_FILTERS) =>
	withinSessionChart(db, 'measure', 'measure-kind', 'rom', filters);
