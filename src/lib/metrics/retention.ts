/**
 * Retention: of the clients who could have been seen for N weeks, the share still attending after N weeks
 * (definitions/attendance.ts).
 */
import type { Database } from '../db/database';
import type { Filters } from './filters';
import { clientFrequencySql } from './session-frequency';
import { sql } from '../definitions/arithmetic';
import { followable, RETENTION_WEEKS, stillAttending } from '../definitions/attendance';

export interface RetentionRow {
	technique: string;
	condition: string;
	/** Per week mark: clients who could be followed that long, and of them those still attending. */
	eligible: number[];
	retained: number[];
	medianGapDays: number | null;
	medianCourseDays: number | null;
}

export async function retentionByGroup(db: Database, filters: Filters): Promise<RetentionRow[]> {
	const clients = clientFrequencySql(filters);
	const marks = RETENTION_WEEKS.map(
		(w) => `list_value(count(*) FILTER (WHERE ${followable(sql, 'first_visit', 'data_end', w)})::INTEGER,
		                   count(*) FILTER (WHERE ${followable(sql, 'first_visit', 'data_end', w)} AND ${stillAttending(sql, 'first_visit', 'last_visit', w)})::INTEGER)`
	);
	const rows = await db.query<{ technique: string; condition: string; marks: number[][]; gap: number | null; course: number | null }>(
		`WITH f AS (${clients.sql}), e AS (SELECT max(last_visit) AS data_end FROM f)
		 SELECT technique, condition, [${marks.join(', ')}] AS marks,
		        median(CASE WHEN sessions > 1 THEN (last_visit - first_visit) / (sessions - 1) END) AS gap,
		        median(last_visit - first_visit) AS course
		 FROM f, e GROUP BY ALL ORDER BY technique, condition`,
		clients.params
	);
	return rows.map((r) => ({
		technique: r.technique,
		condition: r.condition,
		eligible: r.marks.map((m) => m[0]),
		retained: r.marks.map((m) => m[1]),
		medianGapDays: r.gap,
		medianCourseDays: r.course
	}));
}
