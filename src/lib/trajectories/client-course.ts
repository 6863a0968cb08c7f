import { courseOrder } from '../definitions/effects';
import type { Database } from '../db/database';
import { NOT_RECORDED } from '../domain/not-recorded';
import { MEASURE_INFO_COLUMNS, type MeasureInfo } from '../metrics/measure-info';

export interface Reading {
	before: number | null;
	after: number | null;
}

export interface CourseSession {
	sessionId: number;
	/** 1, 2, 3… in the order of the client's sessions: by date, then visit number. */
	number: number;
	date: string | null;
	/** Days since the client's first dated session; null without dates. */
	day: number | null;
	condition: string;
	clinic: string | null;
	therapist: string | null;
	techniques: string[];
	/** Per measure, the values before and after the session. */
	readings: Record<string, Reading>;
}

export interface ClientCourse {
	clientId: string;
	datasetId: number;
	dataset: string;
	/** The id, with the dataset's name when the same id is in several datasets. */
	label: string;
	/** The condition of the first session: the one similar clients are matched on. */
	condition: string;
	mainTechnique: string | null;
	sessions: CourseSession[];
}

/** Session order, the same everywhere on the page (and the same as the course effect's). */
export const SESSION_ORDER = `ORDER BY ${courseOrder('s')}`;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

interface SessionRow {
	datasetId: number;
	dataset: string;
	clientId: string;
	sessionId: number;
	number: number;
	date: string | null;
	day: number | null;
	condition: string;
	clinic: string | null;
	therapist: string | null;
	techniques: string[] | null;
	mainTechnique: string | null;
}

interface ReadingRow {
	sessionId: number;
	measure: string;
	before: number | null;
	after: number | null;
}

/**
 * Every session of the chosen clients in the analysed datasets, with their techniques and readings.
 * A client id found in several datasets gives one course per dataset: they may be different people.
 */
export async function loadCourses(db: Database, clientIds: readonly string[]): Promise<ClientCourse[]> {
	if (clientIds.length === 0) return [];
	const ids = placeholders(clientIds.length);
	const sessions = await db.query<SessionRow>(
		`SELECT s.dataset_id AS "datasetId", d.name AS dataset, s.client_id AS "clientId", s.session_id AS "sessionId",
		        row_number() OVER (PARTITION BY s.dataset_id, s.client_id ${SESSION_ORDER})::INTEGER AS number,
		        s.session_date AS date,
		        (s.session_date - min(s.session_date) OVER (PARTITION BY s.dataset_id, s.client_id))::INTEGER AS day,
		        coalesce(s.condition, '${NOT_RECORDED}') AS condition, s.clinic, s.therapist,
		        (SELECT list(t.technique ORDER BY t.technique) FROM session_techniques t WHERE t.session_id = s.session_id) AS techniques,
		        c.main_technique AS "mainTechnique"
		 FROM active_sessions s
		 JOIN datasets d ON d.dataset_id = s.dataset_id
		 LEFT JOIN clients c ON c.dataset_id = s.dataset_id AND c.client_id = s.client_id
		 WHERE s.client_id IN (${ids})
		 ORDER BY s.dataset_id, s.client_id, number`,
		clientIds
	);
	const readings = await db.query<ReadingRow>(
		`SELECT m.session_id AS "sessionId", m.measure, m.value_before AS before, m.value_after AS after
		 FROM measurements m
		 WHERE m.session_id IN (SELECT session_id FROM active_sessions WHERE client_id IN (${ids}))`,
		clientIds
	);
	const bySession = new Map<number, Record<string, Reading>>();
	for (const r of readings) {
		const of = bySession.get(r.sessionId) ?? {};
		of[r.measure] = { before: r.before, after: r.after };
		bySession.set(r.sessionId, of);
	}

	const courses = new Map<string, ClientCourse>();
	for (const s of sessions) {
		const key = `${s.datasetId}\u0000${s.clientId}`;
		let course = courses.get(key);
		if (!course) {
			course = {
				clientId: s.clientId,
				datasetId: s.datasetId,
				dataset: s.dataset,
				label: s.clientId,
				condition: s.condition,
				mainTechnique: s.mainTechnique,
				sessions: []
			};
			courses.set(key, course);
		}
		course.sessions.push({
			sessionId: s.sessionId,
			number: s.number,
			date: s.date,
			day: s.day,
			condition: s.condition,
			clinic: s.clinic,
			therapist: s.therapist,
			techniques: s.techniques ?? [],
			readings: bySession.get(s.sessionId) ?? {}
		});
	}
	const all = [...courses.values()];
	for (const course of all) {
		if (all.some((other) => other !== course && other.clientId === course.clientId))
			course.label = `${course.clientId} (${course.dataset})`;
	}
	// In the order the user picked them.
	return all.sort((a, b) => clientIds.indexOf(a.clientId) - clientIds.indexOf(b.clientId) || a.datasetId - b.datasetId);
}

/** The measures any of the courses has a value for. */
function measuresIn(courses: readonly ClientCourse[]): string[] {
	const found = new Set<string>();
	for (const c of courses)
		for (const s of c.sessions) for (const [m, r] of Object.entries(s.readings)) if (r.before !== null || r.after !== null) found.add(m);
	return [...found];
}

/** What is known of the courses' measures: pain first, then range of motion, function, the rest. */
export async function courseMeasures(db: Database, courses: readonly ClientCourse[]): Promise<MeasureInfo[]> {
	const measures = measuresIn(courses);
	if (measures.length === 0) return [];
	return db.query<MeasureInfo>(
		`SELECT ${MEASURE_INFO_COLUMNS}
		 FROM measures WHERE measure IN (${placeholders(measures.length)})
		 ORDER BY list_position(['pain', 'rom', 'function', 'other'], kind), label`,
		measures
	);
}
