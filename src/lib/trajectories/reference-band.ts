/**
 * The typical course of similar clients: at each session number (or each week since the first visit),
 * the median and interquartile range of the measure's before-session value over those clients.
 * Similar = same condition at the first visit, optionally the same main technique; the clients being
 * looked at are left out, so they are compared with others rather than with themselves.
 */
import type { Database, SqlParam } from '../db/database';
import { NOT_RECORDED } from '../domain/not-recorded';
import { SESSION_ORDER } from './client-course';
import type { Axis } from './selection';

export interface BandQuery {
	measures: readonly string[];
	condition: string;
	/** Only clients with this main technique; null for any. */
	technique: string | null;
	axis: Axis;
	/** Client ids left out of the reference. */
	exclude: readonly string[];
}

export interface BandPoint {
	/** Session number; or, over days, the middle day of the week (3, 10, 17…). */
	x: number;
	/** Clients with a value at this point. */
	clients: number;
	q1: number;
	median: number;
	q3: number;
}

/** Days are grouped by week, so a point has enough clients: clients come on different days. */
export const BAND_WEEK = 7;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export function referenceBandSql(query: BandQuery): { sql: string; params: SqlParam[] } {
	const excluded = query.exclude.length ? `AND s.client_id NOT IN (${placeholders(query.exclude.length)})` : '';
	// A client counts once per point: over days, their first value in that week.
	const x = query.axis === 'session' ? 'number' : `(floor(day / ${BAND_WEEK}) * ${BAND_WEEK} + ${Math.floor(BAND_WEEK / 2)})::INTEGER`;
	return {
		sql: `
WITH candidates AS (
	-- Only clients with a session for the condition can have had their first visit for it: numbering
	-- their sessions alone is far cheaper than numbering everyone's.
	SELECT DISTINCT dataset_id, client_id FROM active_sessions WHERE coalesce(condition, '${NOT_RECORDED}') = ?
),
numbered AS (
	SELECT s.dataset_id, s.client_id, s.session_id,
	       row_number() OVER (PARTITION BY s.dataset_id, s.client_id ${SESSION_ORDER}) AS number,
	       s.session_date - min(s.session_date) OVER (PARTITION BY s.dataset_id, s.client_id) AS day,
	       first_value(coalesce(s.condition, '${NOT_RECORDED}')) OVER (PARTITION BY s.dataset_id, s.client_id ${SESSION_ORDER}) AS first_condition
	FROM active_sessions s SEMI JOIN candidates c ON c.dataset_id = s.dataset_id AND c.client_id = s.client_id
	WHERE true ${excluded}
),
similar_clients AS (
	SELECT n.*, ${x} AS x
	FROM numbered n
	LEFT JOIN clients c ON c.dataset_id = n.dataset_id AND c.client_id = n.client_id
	WHERE n.first_condition = ? AND (?::VARCHAR IS NULL OR c.main_technique = ?)
),
per_client AS (
	SELECT m.measure, sim.dataset_id, sim.client_id, sim.x, first(m.value_before ORDER BY sim.number) AS value
	FROM similar_clients sim JOIN measurements m ON m.session_id = sim.session_id
	WHERE m.measure IN (${placeholders(query.measures.length)}) AND m.value_before IS NOT NULL AND sim.x IS NOT NULL
	GROUP BY ALL
)
SELECT measure, x::INTEGER AS x, count(*)::INTEGER AS clients,
       quantile_cont(value, 0.25) AS q1, median(value) AS median, quantile_cont(value, 0.75) AS q3
FROM per_client
GROUP BY measure, x
ORDER BY measure, x`,
		params: [query.condition, ...query.exclude, query.condition, query.technique, query.technique, ...query.measures]
	};
}

/** The band of each measure asked for (a measure nobody similar has gets an empty band). */
export async function loadReferenceBands(db: Database, query: BandQuery): Promise<Record<string, BandPoint[]>> {
	const bands: Record<string, BandPoint[]> = Object.fromEntries(query.measures.map((m) => [m, []]));
	if (query.measures.length === 0) return bands;
	const { sql, params } = referenceBandSql(query);
	for (const { measure, ...point } of await db.query<BandPoint & { measure: string }>(sql, params)) bands[measure].push(point);
	return bands;
}

/** Points drawn: those with at least the minimum number of clients (the others stay in the table, marked). */
export const shownBand = (band: readonly BandPoint[], minClients: number) => band.filter((p) => p.clients >= minClients);
