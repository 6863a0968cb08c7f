/** Starting points for the console, over the data model (data-model.ts). Each runs as it is. */
import { sql } from '../definitions/arithmetic';
import { COURSE_MIN_SESSIONS, courseEffect, courseOrder } from '../definitions/effects';
import { responds } from '../definitions/responder';

export interface ExampleQuery {
	title: string;
	sql: string;
}

export const EXAMPLE_QUERIES: ExampleQuery[] = [
	{
		title: 'Pain relief within a session, per technique',
		sql: `-- immediate effect: before − after on the 0–10 pain scale (positive = less pain)
SELECT t.technique,
       count(*) AS sessions,
       count(DISTINCT (s.dataset_id, s.client_id)) AS clients,
       round(avg(m.value_before - m.value_after), 2) AS mean_pain_relief
FROM active_sessions s
JOIN session_techniques t ON t.session_id = s.session_id
JOIN measurements m ON m.session_id = s.session_id
WHERE m.measure = 'pain_nprs' AND m.value_before IS NOT NULL AND m.value_after IS NOT NULL
GROUP BY t.technique
ORDER BY mean_pain_relief DESC`
	},
	{
		title: 'Sessions per client',
		sql: `SELECT dataset_id, client_id,
       count(*) AS sessions,
       min(session_date) AS first_session,
       max(session_date) AS last_session
FROM active_sessions
GROUP BY dataset_id, client_id
ORDER BY sessions DESC, client_id`
	},
	{
		title: 'Clients per condition',
		sql: `SELECT coalesce(condition, '(not recorded)') AS condition,
       count(DISTINCT (dataset_id, client_id)) AS clients,
       count(*) AS sessions
FROM active_sessions
GROUP BY ALL
ORDER BY clients DESC, condition`
	},
	{
		title: 'Measures on record',
		sql: `SELECT ms.measure, ms.label, ms.unit, ms.direction AS better_when,
       count(m.session_id) AS measurements
FROM measures ms
LEFT JOIN measurements m ON m.measure = ms.measure
GROUP BY ALL
ORDER BY measurements DESC, ms.measure`
	},
	{
		title: 'Responders over the course, per main technique',
		// The dashboard's own definitions (src/lib/definitions/), written out as SQL.
		sql: `-- course effect: first before value (baseline) → latest before value, signed so that positive is better;
-- a responder reaches the measure's meaningful change (points, or percent of the baseline)
WITH measure AS (
  SELECT measure, direction = 'lower' AS lower_better, mcid_points AS points, mcid_percent AS percent
  FROM measures WHERE measure = 'pain_nprs'
),
course AS (
  SELECT s.dataset_id, s.client_id,
         first(m.value_before ORDER BY ${courseOrder('s')}) AS baseline,
         last(m.value_before ORDER BY ${courseOrder('s')}) AS latest
  FROM active_sessions s
  JOIN measurements m ON m.session_id = s.session_id
  WHERE m.measure = (SELECT measure FROM measure) AND m.value_before IS NOT NULL
  GROUP BY ALL
  HAVING count(*) >= ${COURSE_MIN_SESSIONS}
),
effect AS (
  SELECT c.dataset_id, c.client_id, c.baseline,
         ${courseEffect(sql, 'c.baseline', 'c.latest', 'x.lower_better')} AS course_effect
  FROM course c, measure x
)
SELECT k.main_technique,
       count(*) AS clients,
       count(*) FILTER (WHERE ${responds(sql, 'e.course_effect', 'e.baseline', { points: 'x.points', percent: 'x.percent' })}) AS responders
FROM effect e
JOIN clients k USING (dataset_id, client_id), measure x
GROUP BY k.main_technique
ORDER BY k.main_technique`
	},
	{
		title: 'Sessions per month',
		sql: `SELECT strftime(date_trunc('month', session_date), '%Y-%m') AS month,
       count(*) AS sessions,
       count(DISTINCT (dataset_id, client_id)) AS clients
FROM active_sessions
WHERE session_date IS NOT NULL
GROUP BY month
ORDER BY month`
	},
	{
		title: 'The columns of the sessions table',
		sql: 'DESCRIBE sessions'
	}
];
