/**
 * The two effects of docs/domain.md, never mixed, each summarised per group (main technique, therapist or
 * clinic) × condition at the client level:
 * - immediate: within a session, before → after, averaged over each client's sessions;
 * - course: the client's first session's before → their latest session's before (two sessions or more).
 * Changes are signed so that positive is better for the measure's direction.
 */
import type { Database, SqlParam } from '../db/database';
import { type Filters } from './filters';
import { filteredSessions, groupColumn } from './filter-sql';
import { NOT_RECORDED } from '../domain/not-recorded';
import { meanInterval, standardisedResponseMean, type Interval } from '../statistics/summaries';
import type { Moments } from '../statistics/least-squares';
import { sql } from '../definitions/arithmetic';
import { COURSE_MIN_SESSIONS, courseEffect, courseOrder, immediateEffect } from '../definitions/effects';
import { responds } from '../definitions/responder';

export type Effect = 'immediate' | 'course';

export interface EffectRow {
	group: string;
	condition: string;
	clients: number;
	sessions: number;
	mean: number;
	sd: number | null;
	q1: number;
	median: number;
	q3: number;
	/** Course only: clients whose change reaches the meaningful change. */
	responders: number | null;
	/** Sums over the clients of their baseline (x) and change (y), for models adjusted for baseline. */
	moments: Moments;
}

export interface EffectSummary extends EffectRow {
	ci: Interval | null;
	srm: number | null;
	responderRate: number | null;
	hidden: boolean;
}

/**
 * The per-client values of one effect, for the filtered sessions and one measure, each with its baseline:
 * the first before-session value for the course, the mean before-session value of the sessions with a
 * change for the immediate effect (what an adjusted comparison of either holds equal).
 */
export function clientEffectSql(effect: Effect, filters: Filters): { sql: string; params: SqlParam[] } {
	const from = filteredSessions(filters);
	const measurements = `
		m AS (
			SELECT s.dataset_id, s.client_id, coalesce(${groupColumn(filters.by)}, '${NOT_RECORDED}') AS grp,
			       coalesce(s.condition, '${NOT_RECORDED}') AS condition, s.session_date, s.visit, s.session_id,
			       m.value_before AS b, m.value_after AS a,
			       (SELECT direction FROM measures WHERE measure = ?) = 'lower' AS lower_better
			FROM ${from.sql} JOIN measurements m ON m.session_id = s.session_id
			WHERE m.measure = ?
		)`;
	// In the order the placeholders appear: the direction look-up, the filters, the measure.
	const params: SqlParam[] = [filters.measure, ...from.params, filters.measure];
	if (effect === 'immediate') {
		return {
			sql: `WITH ${measurements}
				SELECT dataset_id, client_id, grp, condition,
				       avg(${immediateEffect(sql, 'b', 'a', 'lower_better')}) AS value, count(*) AS sessions,
				       avg(b) AS baseline
				FROM m WHERE b IS NOT NULL AND a IS NOT NULL GROUP BY ALL`,
			params
		};
	}
	return {
		sql: `WITH ${measurements},
			course AS (
				SELECT dataset_id, client_id, grp, condition, any_value(lower_better) AS lower_better,
				       first(b ORDER BY ${courseOrder('m')}) AS baseline, last(b ORDER BY ${courseOrder('m')}) AS latest, count(*) AS sessions
				FROM m WHERE b IS NOT NULL GROUP BY ALL HAVING count(*) >= ${COURSE_MIN_SESSIONS}
			)
			SELECT dataset_id, client_id, grp, condition,
			       ${courseEffect(sql, 'baseline', 'latest', 'lower_better')} AS value, sessions, baseline
			FROM course`,
		params
	};
}

/** The meaningful change, the user's or else the measure's, as a one-row CTE `t` (points, percent); binds both and the measure. */
export function thresholdsCte(filters: Filters): { sql: string; params: SqlParam[] } {
	return {
		sql: 't AS (SELECT coalesce(?::DOUBLE, mcid_points) AS points, coalesce(?::DOUBLE, mcid_percent) AS percent FROM measures WHERE measure = ?)',
		params: [filters.mcidPoints, filters.mcidPercent, filters.measure]
	};
}

/** Whether a client's course change (`value`, from `baseline`) reaches the meaningful change in `t` (definitions/responder.ts). */
export const responderSql = (value: string, baseline: string) =>
	responds(sql, value, baseline, { points: 't.points', percent: 't.percent' });

/** The sums behind `moments` (x the baseline, y the value), as columns named for `momentsOf`. */
export const MOMENT_SUMS = (x: string, y: string) =>
	`sum(${x}) AS m_x, sum(${y}) AS m_y, sum(${x} * ${x}) AS m_xx, sum(${x} * ${y}) AS m_xy, sum(${y} * ${y}) AS m_yy`;

type WithSums<T> = Omit<T, 'moments'> & { m_x: number; m_y: number; m_xx: number; m_xy: number; m_yy: number };

/** A row of group statistics from SQL, its sums gathered into `moments`. */
export function momentsOf<T extends EffectRow>({ m_x, m_y, m_xx, m_xy, m_yy, ...row }: WithSums<T>): T {
	return { ...row, moments: { n: row.clients, x: m_x, y: m_y, xx: m_xx, xy: m_xy, yy: m_yy } } as unknown as T;
}

/** Group statistics of one effect. Thresholds: the user's, or the measure's defaults. */
export function effectGroupsSql(effect: Effect, filters: Filters): { sql: string; params: SqlParam[] } {
	const clients = clientEffectSql(effect, filters);
	const thresholds = thresholdsCte(filters);
	const responder = effect === 'course' ? `count(*) FILTER (WHERE ${responderSql('value', 'baseline')})::INTEGER` : 'NULL::INTEGER';
	return {
		sql: `WITH per_client AS (${clients.sql}), ${thresholds.sql}
			SELECT grp AS "group", condition, count(*)::INTEGER AS clients, sum(sessions)::INTEGER AS sessions,
			       avg(value) AS mean, stddev_samp(value) AS sd,
			       quantile_cont(value, 0.25) AS q1, median(value) AS median, quantile_cont(value, 0.75) AS q3,
			       ${responder} AS responders, ${MOMENT_SUMS('baseline', 'value')}
			FROM per_client, t
			GROUP BY grp, condition
			ORDER BY condition, grp`,
		params: [...clients.params, ...thresholds.params]
	};
}

/** Adds intervals and the SRM, and hides groups under the minimum size. Groups are compared in contrasts.ts. */
export function summariseEffects(rows: EffectRow[], minClients: number): EffectSummary[] {
	return rows.map((row) => ({
		...row,
		hidden: row.clients < minClients,
		ci: row.sd === null ? null : meanInterval(row.mean, row.sd, row.clients),
		srm: row.sd === null ? null : standardisedResponseMean(row.mean, row.sd),
		responderRate: row.responders === null ? null : row.responders / row.clients
	}));
}

/** Mean, SD and n of several groups taken together (from their own means, SDs and ns). */
export function pool(groups: { mean: number; sd: number | null; clients: number }[]) {
	const n = groups.reduce((s, g) => s + g.clients, 0);
	if (n < 2) return null;
	const mean = groups.reduce((s, g) => s + g.mean * g.clients, 0) / n;
	const squares = groups.reduce((s, g) => s + (g.clients - 1) * (g.sd ?? 0) ** 2 + g.clients * (g.mean - mean) ** 2, 0);
	return { mean, sd: Math.sqrt(squares / (n - 1)), n };
}

export async function effectSummaries(db: Database, effect: Effect, filters: Filters): Promise<EffectSummary[]> {
	const { sql, params } = effectGroupsSql(effect, filters);
	const rows = await db.query<WithSums<EffectRow>>(sql, params);
	return summariseEffects(rows.map(momentsOf), filters.minClients);
}
