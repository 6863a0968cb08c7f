/**
 * Table 1's figures as SQL over the sessions the filters keep. The unit is a client in a group
 * (dataset, client, group), as in the effects. A unit's baseline value of an extra column is the one at its
 * first session, by date (undated last), then visit, then session, as the case-mix covariates read it: a value
 * first written later (a satisfaction score after treatment) is not a baseline. A measure's baseline is its
 * first before-session value, as the course effect's. Figures are worked out
 * for the groups shown only, so a group under the minimum size leaves no level or count in the table;
 * only how a column is summarised is decided over all the analysed data (extraShapesSql).
 * Extra names and group names are values: bound, never pasted.
 */
import { courseOrder } from '../definitions/effects';
import type { SqlParam } from '../db/database';
import { type Filters } from '../metrics/filters';
import { filteredSessions, groupColumn } from '../metrics/filter-sql';
import { NOT_RECORDED } from '../domain/not-recorded';

export interface Query {
	sql: string;
	params: SqlParam[];
}

const FIRST = `ORDER BY ${courseOrder('k')}`;

/** CTEs `kept` (sessions with their group `grp`), `units` (clients per group) and `shown` (groups at the minimum size). */
function keptSql(filters: Filters): Query {
	const from = filteredSessions(filters);
	return {
		sql: `kept AS (
				SELECT s.session_id, s.dataset_id, s.client_id, s.session_date, s.visit, coalesce(${groupColumn(filters.by)}, ?) AS grp
				FROM ${from.sql}
			),
			units AS (
				SELECT grp, count(*)::INTEGER AS clients
				FROM (SELECT DISTINCT dataset_id, client_id, grp FROM kept)
				GROUP BY grp
			),
			shown AS (SELECT grp FROM units WHERE clients >= ?)`,
		params: [NOT_RECORDED, ...from.params, filters.minClients]
	};
}

/** Each group and its number of clients: group, clients. */
export function groupsSql(filters: Filters): Query {
	const kept = keptSql(filters);
	return { sql: `WITH ${kept.sql} SELECT grp AS "group", clients FROM units`, params: kept.params };
}

/** CTE `b` from `first_values` (value): the value as a finite number, or NULL. */
const NUMBERS = `b AS (
		SELECT *, CASE WHEN isfinite(TRY_CAST(value AS DOUBLE)) THEN TRY_CAST(value AS DOUBLE) END AS number
		FROM first_values
	)`;

/** CTE `b`: each unit's value of each extra column at its first session (trimmed text), and that value as a number. */
function extraBaselinesSql(filters: Filters): Query {
	const kept = keptSql(filters);
	return {
		sql: `${kept.sql},
			first_sessions AS (
				SELECT k.dataset_id, k.client_id, k.grp, first(k.session_id ${FIRST}) AS session_id
				FROM kept k WHERE k.grp IN (SELECT grp FROM shown)
				GROUP BY k.dataset_id, k.client_id, k.grp
			),
			first_values AS (
				SELECT f.dataset_id, f.client_id, f.grp, e.name, trim(e.value) AS value
				FROM first_sessions f JOIN session_extras e ON e.session_id = f.session_id
				WHERE trim(e.value) <> ''
			),
			${NUMBERS}`,
		params: kept.params
	};
}

/**
 * Per extra column, over every client of the analysed data whatever the filters (a column's kind and shape
 * are the column's, not the selection's): clients with a value, with a number, distinct numbers, skewness.
 */
export function extraShapesSql(): Query {
	return {
		sql: `WITH first_sessions AS (
				SELECT k.dataset_id, k.client_id, first(k.session_id ${FIRST}) AS session_id
				FROM active_sessions k GROUP BY k.dataset_id, k.client_id
			),
			first_values AS (
				SELECT e.name, trim(e.value) AS value
				FROM first_sessions f JOIN session_extras e ON e.session_id = f.session_id
				WHERE trim(e.value) <> ''
			),
			${NUMBERS}
			SELECT name, count(*)::INTEGER AS "values", count(number)::INTEGER AS numbers,
			       count(DISTINCT number)::INTEGER AS "distinctNumbers", skewness(number) AS skewness
			FROM b GROUP BY name`,
		params: []
	};
}

/** Per extra column and group shown: clients with a value, with a number, and the numbers' mean, SD and quartiles. */
export function extrasSql(filters: Filters): Query {
	const b = extraBaselinesSql(filters);
	return {
		sql: `WITH ${b.sql}
			SELECT name, grp AS "group", count(*)::INTEGER AS "values", count(number)::INTEGER AS numbers,
			       avg(number) AS mean, stddev_samp(number) AS sd, quantile_cont(number, 0.25) AS q1,
			       quantile_cont(number, 0.5) AS median, quantile_cont(number, 0.75) AS q3
			FROM b
			GROUP BY name, grp`,
		params: b.params
	};
}

/** Clients per level of the named categorical columns, per group: name, group, level, clients. */
export function levelsSql(filters: Filters, names: readonly string[]): Query {
	const b = extraBaselinesSql(filters);
	return {
		sql: `WITH ${b.sql}
			SELECT name, grp AS "group", value AS level, count(*)::INTEGER AS clients
			FROM b WHERE name IN (${names.map(() => '?').join(', ')})
			GROUP BY name, grp, value`,
		params: [...b.params, ...names]
	};
}

/** Per measure and group: its label and unit, clients with a baseline value, their mean and SD. */
export function measuresSql(filters: Filters): Query {
	const kept = keptSql(filters);
	return {
		sql: `WITH ${kept.sql},
			first_values AS (
				SELECT k.dataset_id, k.client_id, k.grp, m.measure, first(m.value_before ${FIRST}) AS value
				FROM kept k JOIN measurements m ON m.session_id = k.session_id
				WHERE k.grp IN (SELECT grp FROM shown) AND m.value_before IS NOT NULL
				GROUP BY k.dataset_id, k.client_id, k.grp, m.measure
			)
			SELECT f.measure, coalesce(any_value(d.label), f.measure) AS label, coalesce(any_value(d.unit), '') AS unit,
			       f.grp AS "group", count(*)::INTEGER AS clients, avg(f.value) AS mean, stddev_samp(f.value) AS sd
			FROM first_values f LEFT JOIN measures d ON d.measure = f.measure
			GROUP BY f.measure, f.grp`,
		params: kept.params
	};
}
