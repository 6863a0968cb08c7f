/**
 * What the trial view reads from the database, as aggregates so that it scales: per arm and timepoint the
 * values' summary; per arm, condition and follow-up the sums of (baseline, follow-up) pairs under the chosen
 * analysis population and the count reaching the chosen value; per arm the flow of participants.
 * A unit is a client in an arm and condition, as in the dashboard's effects; a timepoint is a visit number.
 */
import type { Database, SqlParam } from '../db/database';
import { type Filters } from '../metrics/filters';
import { filteredSessions, groupColumn } from '../metrics/filter-sql';
import { NOT_RECORDED } from '../domain/not-recorded';
import { MOMENT_SUMS } from '../metrics/effects';
import type { Population } from './trial-settings';

/** Timepoints the view shows at most: the first ones (a clinic's session numbers can run long). */
export const MAX_TIMEPOINTS = 12;

export interface TimepointSummary {
	arm: string;
	visit: number;
	n: number;
	mean: number;
	sd: number | null;
	q1: number;
	median: number;
	q3: number;
	/** Units whose value reaches the chosen one (null without one). */
	reaching: number | null;
}

export interface PairSums {
	arm: string;
	condition: string;
	visit: number;
	/** Units with a baseline value, and those of them with a value at this follow-up. */
	withBaseline: number;
	withFollowUp: number;
	/** The analysed units (per the population) and their sums of baseline (x) and follow-up (y). */
	n: number;
	m_x: number;
	m_y: number;
	m_xx: number;
	m_xy: number;
	m_yy: number;
	reaching: number | null;
}

export interface ArmCount {
	arm: string;
	/** Units with any session in view: everyone allocated to the arm that the data hold. */
	units: number;
}

export interface TrialData {
	timepoints: number[];
	/** Timepoints past MAX_TIMEPOINTS, not shown. */
	moreTimepoints: number;
	summaries: TimepointSummary[];
	pairs: PairSums[];
	arms: ArmCount[];
}

/** Each unit's value of the measure at each visit (the mean, should one visit hold two sessions). */
function unitValues(filters: Filters): { sql: string; params: SqlParam[] } {
	const from = filteredSessions(filters);
	return {
		sql: `v AS (
			SELECT s.dataset_id, s.client_id, coalesce(${groupColumn(filters.by)}, '${NOT_RECORDED}') AS arm,
			       coalesce(s.condition, '${NOT_RECORDED}') AS condition, s.visit, avg(m.value_before) AS value
			FROM ${from.sql} JOIN measurements m ON m.session_id = s.session_id
			WHERE m.measure = ? AND m.value_before IS NOT NULL AND s.visit IS NOT NULL
			GROUP BY ALL
		)`,
		params: [...from.params, filters.measure]
	};
}

/** "value reaches the chosen one": at or below it when lower is better, at or above otherwise. */
const reaches = (value: string, lowerIsBetter: boolean) => `${value} ${lowerIsBetter ? '<=' : '>='} ?::DOUBLE`;

export async function trialData(
	db: Database,
	filters: Filters,
	options: { population: Population; reach: number | null; lowerIsBetter: boolean }
): Promise<TrialData> {
	const values = unitValues(filters);
	const visits = await db.query<{ visit: number }>(`WITH ${values.sql} SELECT DISTINCT visit FROM v ORDER BY visit`, values.params);
	const timepoints = visits.map((v) => v.visit).slice(0, MAX_TIMEPOINTS);
	const moreTimepoints = Math.max(0, visits.length - MAX_TIMEPOINTS);
	const from = filteredSessions(filters);
	const arms = await db.query<ArmCount>(
		`SELECT coalesce(${groupColumn(filters.by)}, '${NOT_RECORDED}') AS arm,
		        count(DISTINCT (s.dataset_id, s.client_id, coalesce(s.condition, '${NOT_RECORDED}')))::INTEGER AS units
		 FROM ${from.sql} GROUP BY 1 ORDER BY 1`,
		from.params
	);
	if (timepoints.length === 0) return { timepoints, moreTimepoints, summaries: [], pairs: [], arms };
	const reach = options.reach;
	const reachingOf = (value: string) =>
		reach === null ? 'NULL::INTEGER' : `count(*) FILTER (WHERE ${reaches(value, options.lowerIsBetter)})::INTEGER`;
	const shown = timepoints.map(() => '?').join(', ');
	const summaries = await db.query<TimepointSummary>(
		`WITH ${values.sql}
		 SELECT arm, visit, count(*)::INTEGER AS n, avg(value) AS mean, stddev_samp(value) AS sd,
		        quantile_cont(value, 0.25) AS q1, median(value) AS median, quantile_cont(value, 0.75) AS q3,
		        ${reachingOf('value')} AS reaching
		 FROM v WHERE visit IN (${shown}) GROUP BY arm, visit ORDER BY arm, visit`,
		[...values.params, ...(reach === null ? [] : [reach]), ...timepoints]
	);
	const [baseline, ...followUps] = timepoints;
	if (followUps.length === 0) return { timepoints, moreTimepoints, summaries, pairs: [], arms };
	// With everyone who has a baseline, a missing follow-up is no change for the means and not reaching for the
	// shares (which count observed values only, over all analysed).
	const y = options.population === 'bocf' ? 'coalesce(f.value, b.value)' : 'f.value';
	const pairs = await db.query<PairSums>(
		`WITH ${values.sql},
		 b AS (SELECT * FROM v WHERE visit = ?),
		 t AS (SELECT * FROM (VALUES ${followUps.map(() => '(?::INTEGER)').join(', ')}) t(visit)),
		 paired AS (
			SELECT b.arm, b.condition, t.visit, b.value AS baseline, f.value AS observed, ${y} AS y
			FROM b CROSS JOIN t
			LEFT JOIN v f ON f.dataset_id = b.dataset_id AND f.client_id = b.client_id AND f.arm = b.arm
			              AND f.condition = b.condition AND f.visit = t.visit
		 ),
		 -- Sums over the analysed units only: a baseline without a follow-up to pair with is left out of them.
		 p AS (SELECT *, CASE WHEN y IS NOT NULL THEN baseline END AS x FROM paired)
		 SELECT arm, condition, visit, count(*)::INTEGER AS "withBaseline", count(observed)::INTEGER AS "withFollowUp",
		        count(y)::INTEGER AS n, ${MOMENT_SUMS('x', 'y')}, ${reachingOf('observed')} AS reaching
		 FROM p GROUP BY arm, condition, visit ORDER BY arm, condition, visit`,
		[...values.params, baseline, ...followUps, ...(reach === null ? [] : [reach])]
	);
	return { timepoints, moreTimepoints, summaries, pairs, arms };
}
