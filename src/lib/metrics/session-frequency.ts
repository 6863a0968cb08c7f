/**
 * Session frequency per client: sessions per 30 days over the course, (sessions − 1) × 30 / days from
 * first to last visit, so weekly visits give about 4.3. Clients with one visit, or all visits on one day,
 * have no frequency and are counted apart. Each client is grouped by the condition of their first visit
 * and their main technique (main-technique.ts).
 */
import type { Database } from '../db/database';
import { FREQUENCY_BAND, NOT_RECORDED } from './settings';
import { MAIN_TECHNIQUE_SQL } from './main-technique';

export interface FrequencyRow {
	technique: string;
	condition: string;
	medianPerMonth: number | null;
	/** Clients with a frequency (2+ visits on different days). */
	clients: number;
	/** All clients in the group, single-visit ones included. */
	allClients: number;
	sessions: number;
	underBand: number;
	inBand: number;
	overBand: number;
}

export const CLIENT_FREQUENCY_SQL = `
WITH course AS (
	SELECT dataset_id, client_id, count(*) AS sessions,
	       min(session_date) AS first_visit, max(session_date) AS last_visit,
	       coalesce(first(condition ORDER BY session_date, visit), '${NOT_RECORDED}') AS condition
	FROM active_sessions
	WHERE session_date IS NOT NULL
	GROUP BY dataset_id, client_id
),
main_technique AS (${MAIN_TECHNIQUE_SQL})
SELECT c.dataset_id, c.client_id, c.condition, mt.technique, c.sessions, c.first_visit, c.last_visit,
       CASE WHEN c.last_visit > c.first_visit THEN (c.sessions - 1) * 30.0 / (c.last_visit - c.first_visit) END
         AS per_month
FROM course c JOIN main_technique mt USING (dataset_id, client_id)`;

export const FREQUENCY_BY_TECHNIQUE_CONDITION_SQL = `
WITH client_frequency AS (${CLIENT_FREQUENCY_SQL})
SELECT technique, condition,
       median(per_month) AS "medianPerMonth",
       count(per_month)::INTEGER AS clients,
       count(*)::INTEGER AS "allClients",
       sum(sessions)::INTEGER AS sessions,
       count(*) FILTER (WHERE per_month < ${FREQUENCY_BAND.low})::INTEGER AS "underBand",
       count(*) FILTER (WHERE per_month BETWEEN ${FREQUENCY_BAND.low} AND ${FREQUENCY_BAND.high})::INTEGER AS "inBand",
       count(*) FILTER (WHERE per_month > ${FREQUENCY_BAND.high})::INTEGER AS "overBand"
FROM client_frequency
GROUP BY ALL
ORDER BY technique, condition`;

export function frequencyByTechniqueAndCondition(db: Database): Promise<FrequencyRow[]> {
	return db.query<FrequencyRow>(FREQUENCY_BY_TECHNIQUE_CONDITION_SQL);
}
