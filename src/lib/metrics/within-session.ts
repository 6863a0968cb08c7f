/**
 * Immediate effect: the change within one session (before → after), signed so that positive is better
 * for the measure's direction. Compared at the client level: each client's mean over their sessions first,
 * then the mean over clients, so a client with many sessions does not outweigh one with few.
 * Clients are grouped by their main technique (main-technique.ts).
 */
import type { Database } from '../db/database';
import { NOT_RECORDED } from './settings';
import { MAIN_TECHNIQUE_SQL } from './main-technique';

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

export const IMPROVEMENT_SQL = `CASE d.direction WHEN 'lower' THEN m.value_before - m.value_after
	ELSE m.value_after - m.value_before END`;

/**
 * Parameters: one bound value that selects measures, matched against `measure` for 'measure-key'
 * or against `kind` for 'measure-kind'.
 */
export function withinSessionChangeSql(by: WithinSessionGroup, select: 'measure-key' | 'measure-kind'): string {
	const group = by === 'condition' ? `coalesce(s.condition, '${NOT_RECORDED}')` : 'd.label';
	const filter = select === 'measure-key' ? 'd.measure = ?' : 'd.kind = ?';
	return `
WITH main_technique AS (${MAIN_TECHNIQUE_SQL}),
session_change AS (
	SELECT s.session_id, s.dataset_id, s.client_id, ${group} AS grp, d.unit, ${IMPROVEMENT_SQL} AS improvement
	FROM measurements m
	JOIN active_sessions s ON s.session_id = m.session_id
	JOIN measures d ON d.measure = m.measure
	WHERE ${filter} AND m.value_before IS NOT NULL AND m.value_after IS NOT NULL
),
per_client AS (
	SELECT mt.technique, c.grp, c.unit, c.dataset_id, c.client_id,
	       avg(c.improvement) AS improvement, count(*) AS sessions
	FROM session_change c JOIN main_technique mt USING (dataset_id, client_id)
	GROUP BY ALL
)
SELECT technique, grp AS "group", unit, avg(improvement) AS "meanChange",
       count(*)::INTEGER AS clients, sum(sessions)::INTEGER AS sessions
FROM per_client
GROUP BY ALL
ORDER BY technique, "group"`;
}

export interface Totals {
	clients: number;
	sessions: number;
}

/** Distinct clients and sessions behind a within-session chart (a client in several cells counts once). */
export function withinSessionTotalsSql(select: 'measure-key' | 'measure-kind'): string {
	return `
SELECT count(DISTINCT (s.dataset_id, s.client_id))::INTEGER AS clients, count(DISTINCT s.session_id)::INTEGER AS sessions
FROM measurements m
JOIN active_sessions s ON s.session_id = m.session_id
JOIN measures d ON d.measure = m.measure
WHERE ${select === 'measure-key' ? 'd.measure = ?' : 'd.kind = ?'}
  AND m.value_before IS NOT NULL AND m.value_after IS NOT NULL`;
}

export interface WithinSessionChart {
	rows: WithinSessionRow[];
	totals: Totals;
}

async function withinSessionChart(
	db: Database,
	by: WithinSessionGroup,
	select: 'measure-key' | 'measure-kind',
	value: string
): Promise<WithinSessionChart> {
	const rows = await db.query<WithinSessionRow>(withinSessionChangeSql(by, select), [value]);
	const [totals] = await db.query<Totals>(withinSessionTotalsSql(select), [value]);
	return { rows, totals };
}

export const painByTechniqueAndCondition = (db: Database) =>
	withinSessionChart(db, 'condition', 'measure-key', 'pain_nprs');

export const romByTechniqueAndMovement = (db: Database) => withinSessionChart(db, 'measure', 'measure-kind', 'rom');
