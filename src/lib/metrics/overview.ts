import type { Database } from '../db/database';
import { clientEffectSql, responderSql, thresholdsCte } from './effects';
import { type Filters } from './filters';
import { filteredSessions } from './filter-sql';
import { clientFrequencySql } from './session-frequency';

/** What the analysis covers: the datasets included in it. */
export interface StoredData {
	datasets: number;
	clients: number;
	sessions: number;
	/** The analysis shows only the generated demo clinic. */
	demoOnly: boolean;
	firstDate: string | null;
	lastDate: string | null;
}

export async function storedData(db: Database): Promise<StoredData> {
	const [row] = await db.query<StoredData>(`
		SELECT (SELECT count(*) FROM datasets WHERE active)::INTEGER AS datasets,
		       (SELECT count(*) FROM clients c JOIN datasets d ON d.dataset_id = c.dataset_id WHERE d.active)::INTEGER AS clients,
		       (SELECT count(*) FROM active_sessions)::INTEGER AS sessions,
		       coalesce((SELECT bool_and(is_demo) FROM datasets WHERE active), false) AS "demoOnly",
		       (SELECT min(session_date) FROM active_sessions) AS "firstDate",
		       (SELECT max(session_date) FROM active_sessions) AS "lastDate"`);
	return row;
}

export async function hasAnyDataset(db: Database): Promise<boolean> {
	const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM datasets');
	return n > 0;
}

export interface Headline {
	clients: number;
	sessions: number;
	medianImmediate: number | null;
	immediateClients: number;
	medianCourse: number | null;
	courseClients: number;
	responders: number;
	medianPerMonth: number | null;
	frequencyClients: number;
}

/** The figures at the top of the dashboard, for the filtered data and the chosen measure, each with its n. */
export async function headline(db: Database, filters: Filters): Promise<Headline> {
	const from = filteredSessions(filters);
	const immediate = clientEffectSql('immediate', filters);
	const course = clientEffectSql('course', filters);
	const frequency = clientFrequencySql(filters);
	const thresholds = thresholdsCte(filters);
	const [row] = await db.query<Headline>(
		`WITH i AS (${immediate.sql}), c AS (${course.sql}), f AS (${frequency.sql}), ${thresholds.sql}
		 SELECT (SELECT count(DISTINCT (s.dataset_id, s.client_id)) FROM ${from.sql})::INTEGER AS clients,
		        (SELECT count(*) FROM ${from.sql})::INTEGER AS sessions,
		        (SELECT median(value) FROM i) AS "medianImmediate",
		        (SELECT count(DISTINCT (dataset_id, client_id)) FROM i)::INTEGER AS "immediateClients",
		        (SELECT median(value) FROM c) AS "medianCourse",
		        (SELECT count(DISTINCT (dataset_id, client_id)) FROM c)::INTEGER AS "courseClients",
		        (SELECT count(DISTINCT (dataset_id, client_id)) FROM c, t WHERE ${responderSql('value', 'baseline')})::INTEGER AS responders,
		        (SELECT median(per_month) FROM f) AS "medianPerMonth",
		        (SELECT count(per_month) FROM f)::INTEGER AS "frequencyClients"`,
		[...immediate.params, ...course.params, ...frequency.params, ...thresholds.params, ...from.params, ...from.params]
	);
	return row;
}

export interface FilterChoices {
	clinics: string[];
	therapists: string[];
	techniques: string[];
	conditions: string[];
	measures: { measure: string; label: string; unit: string; kind: string }[];
	firstDate: string | null;
	lastDate: string | null;
}

/**
 * The filters, their measure one the analysed data have: after importing a file of grip strengths, the
 * dashboard shows grip strength rather than an empty pain chart (the first measure, pain first).
 */
export function withMeasureInData(filters: Filters, choices: FilterChoices | null): Filters {
	const measures = choices?.measures ?? [];
	if (measures.length === 0 || measures.some((m) => m.measure === filters.measure)) return filters;
	return { ...filters, measure: measures[0].measure, mcidPoints: null, mcidPercent: null };
}

/** What the filters can choose from: the values present in the analysed datasets. */
export async function filterChoices(db: Database): Promise<FilterChoices> {
	const list = async (sql: string) => (await db.query<{ v: string }>(sql)).map((r) => r.v);
	const [dates] = await db.query<{ first: string | null; last: string | null }>(
		'SELECT min(session_date) AS first, max(session_date) AS last FROM active_sessions'
	);
	return {
		clinics: await list('SELECT DISTINCT clinic AS v FROM active_sessions WHERE clinic IS NOT NULL ORDER BY 1'),
		therapists: await list('SELECT DISTINCT therapist AS v FROM active_sessions WHERE therapist IS NOT NULL ORDER BY 1'),
		techniques: await list(
			'SELECT DISTINCT c.main_technique AS v FROM clients c JOIN datasets d ON d.dataset_id = c.dataset_id WHERE d.active ORDER BY 1'
		),
		conditions: await list('SELECT DISTINCT condition AS v FROM active_sessions WHERE condition IS NOT NULL ORDER BY 1'),
		measures: await db.query(
			`SELECT DISTINCT d.measure, d.label, d.unit, d.kind FROM measurements m
			 JOIN active_sessions s ON s.session_id = m.session_id JOIN measures d ON d.measure = m.measure
			 ORDER BY list_position(['pain', 'rom', 'function', 'other'], d.kind), d.label`
		),
		firstDate: dates.first,
		lastDate: dates.last
	};
}
