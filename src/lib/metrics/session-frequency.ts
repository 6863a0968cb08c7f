/**
 * Session frequency per client: sessions a month over the course (definitions/attendance.ts). Clients with
 * one visit, or all visits on one day, have no frequency and are counted apart. Each client is grouped by the condition of their first visit
 * and their main technique (main-technique.ts), or their first therapist or clinic.
 */
import type { Database } from '../db/database';
import { NOT_RECORDED } from '../domain/not-recorded';
import { sql } from '../definitions/arithmetic';
import { aboveBand, belowBand, inBand, sessionsAMonth } from '../definitions/attendance';
import { DEFAULT_FILTERS, type Filters } from './filters';
import { filteredSessions, groupColumn, type Where } from './filter-sql';

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

/** Each client's attendance over the filtered sessions; `technique` is the comparison's group. */
export function clientFrequencySql(filters: Filters): Where {
	const from = filteredSessions(filters);
	return {
		sql: `
SELECT s.dataset_id, s.client_id,
       coalesce(first(s.condition ORDER BY s.session_date, s.visit), '${NOT_RECORDED}') AS condition,
       coalesce(first(${groupColumn(filters.by)} ORDER BY s.session_date, s.visit), '${NOT_RECORDED}') AS technique,
       count(*) AS sessions, min(s.session_date) AS first_visit, max(s.session_date) AS last_visit,
       ${sessionsAMonth(sql, 'count(*)', 'min(s.session_date)', 'max(s.session_date)')} AS per_month
FROM ${from.sql}
WHERE s.session_date IS NOT NULL
GROUP BY s.dataset_id, s.client_id`,
		params: from.params
	};
}

export function frequencyByGroupSql(filters: Filters): Where {
	const clients = clientFrequencySql(filters);
	return {
		sql: `
WITH client_frequency AS (${clients.sql})
SELECT technique, condition,
       median(per_month) AS "medianPerMonth",
       count(per_month)::INTEGER AS clients,
       count(*)::INTEGER AS "allClients",
       sum(sessions)::INTEGER AS sessions,
       count(*) FILTER (WHERE ${belowBand(sql, 'per_month')})::INTEGER AS "underBand",
       count(*) FILTER (WHERE ${inBand(sql, 'per_month')})::INTEGER AS "inBand",
       count(*) FILTER (WHERE ${aboveBand(sql, 'per_month')})::INTEGER AS "overBand"
FROM client_frequency
GROUP BY ALL
ORDER BY technique, condition`,
		params: clients.params
	};
}

export function frequencyByTechniqueAndCondition(db: Database, filters: Filters = DEFAULT_FILTERS): Promise<FrequencyRow[]> {
	const { sql, params } = frequencyByGroupSql(filters);
	return db.query<FrequencyRow>(sql, params);
}
