/** Starting points for the console, over the data model (data-model.ts). Each runs as it is. */
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
