/**
 * The rows that passed their checks as sessions, in two steps. `prepareSessions` works them out in
 * temporary tables (the page draws its charts from them, cube/staged-cube.ts); `storeSessions` moves them
 * into the canonical tables, inside the caller's transaction. Where each row is one session (most clinic
 * exports) the rows go straight in; where sessions are built from several rows (pre/post rows, long
 * format) or one row holds several visits (pain_t1, pain_t2…), the measurements are gathered first and
 * grouped into sessions.
 */
import type { Database } from '../db/database';
import { MATCH_KEY_SQL } from '../db/schema';
import { TECHNIQUE_SEPARATOR } from './technique-separator';
import type { ColumnPlan, ImportPlan } from './plan';
import { ROWS } from './check-rows';
import { NOT_RECORDED } from '../domain/not-recorded';
import { column, columnLabel, fragment, join, stagedName, trimmed, type Fragment } from './staged-columns';
import { GENERIC_ROM, namesMovements } from './measure-names';

const OBSERVATIONS = 'import_obs';
const KEYED = 'import_keyed';
const GROUPED = 'import_sessions';
export const IMPORT_CLIENTS = 'import_clients';
/** Each spelling of a condition (raw) and its canonical label (condition). */
export const CONDITIONS = 'import_conditions';
const TECHNIQUES = 'import_techniques';

/**
 * Every row is exactly one session. Not so when a movement column names each row's range of motion and
 * the rows have dates or visits: a session that measured two movements has a row for each.
 */
export function rowIsSession(plan: ImportPlan): boolean {
	return (
		plan.shape !== 'long' &&
		!plan.columns.some((c) => c.role.kind === 'measure' && c.role.visit !== undefined) &&
		!Object.values(plan.timepoints).some((m) => 'timing' in m) &&
		!(namesMovements(plan) && (column(plan, 'date') || column(plan, 'visit')))
	);
}

interface MeasureGroup {
	measure: string;
	visit: number | null;
	before: string[];
	after: string[];
	value: string[];
}

/** Measure columns grouped by (measure, visit): each group gives one before/after pair a row. */
function measureGroups(plan: ImportPlan): MeasureGroup[] {
	const groups = new Map<string, MeasureGroup>();
	for (const c of plan.columns) {
		if (c.role.kind !== 'measure') continue;
		const key = `${c.role.measure}\u0000${c.role.visit ?? ''}`;
		const group = groups.get(key) ?? { measure: c.role.measure, visit: c.role.visit ?? null, before: [], after: [], value: [] };
		group[c.role.timing].push(`r.${stagedName(c.index)}`);
		groups.set(key, group);
	}
	return [...groups.values()];
}

const NAMES = 'import_measure_names';

/** The rows of a group and its measure: the movement a row names, for generic range-of-motion columns. */
function groupSource(plan: ImportPlan, group: MeasureGroup): { from: string; measure: Fragment } {
	const name = column(plan, 'measure name');
	if (name && group.measure === GENERIC_ROM && namesMovements(plan)) {
		return {
			from: `${ROWS} r LEFT JOIN ${NAMES} n ON n.name = ${trimmed(`r.${stagedName(name.index)}`)}`,
			measure: fragment('coalesce(n.measure, ?)', [group.measure])
		};
	}
	return { from: `${ROWS} r`, measure: fragment('?', [group.measure]) };
}

async function storeMeasureNames(db: Database, measureNames: Map<string, string>) {
	await db.exec(`CREATE OR REPLACE TEMP TABLE ${NAMES} (name VARCHAR, measure VARCHAR)`);
	for (const [n, m] of measureNames) await db.query(`INSERT INTO ${NAMES} VALUES (?, ?)`, [n, m]);
}

const firstOf = (columns: string[]) =>
	columns.length === 0 ? 'NULL::DOUBLE' : columns.length === 1 ? columns[0] : `coalesce(${columns.join(', ')})`;

/** Before and after for a group; a lone value counts as before, unless the row's timepoint says after. */
function pair(group: MeasureGroup): { before: string; after: string } {
	const value = firstOf(group.value);
	return {
		before: `coalesce(${firstOf(group.before)}, CASE WHEN r.row_timing = 'after' THEN NULL ELSE ${value} END)`,
		after: `coalesce(${firstOf(group.after)}, CASE WHEN r.row_timing = 'after' THEN ${value} END)`
	};
}

/**
 * Labels are normalised once per distinct spelling, not once per row: a year of sessions uses a few dozen
 * spellings. Unknown labels are kept as written (trimmed).
 */
async function normaliseLabels(db: Database) {
	await db.query(
		`CREATE OR REPLACE TEMP TABLE ${TECHNIQUES} AS
		 SELECT DISTINCT raw, coalesce(tv.technique, part) AS technique
		 FROM (SELECT raw, trim(unnest(string_split_regex(raw, ?))) AS part
		       FROM (SELECT DISTINCT techniques_raw AS raw FROM ${ROWS} WHERE keep AND techniques_raw IS NOT NULL)) p
		 LEFT JOIN technique_vocabulary tv ON tv.alias = ${MATCH_KEY_SQL('p.part')}
		 WHERE part <> ''`,
		[TECHNIQUE_SEPARATOR]
	);
	await db.exec(
		`CREATE OR REPLACE TEMP TABLE ${CONDITIONS} AS
		 SELECT raw, coalesce(cv.condition, raw) AS condition
		 FROM (SELECT DISTINCT condition_raw AS raw FROM ${ROWS} WHERE keep AND condition_raw IS NOT NULL) c
		 LEFT JOIN condition_vocabulary cv ON cv.alias = ${MATCH_KEY_SQL('c.raw')}`
	);
}

/**
 * The import's sessions before they are stored, as SQL over its temporary tables. `key` is unique per
 * session and orders sessions as the file does: a stored session's id is the dataset's base plus its key.
 */
export interface SessionSource {
	/** key, client, session_date, given_visit (NULL: numbered by date), clinic, therapist, condition_raw, techniques_raw, duration */
	sessions: string;
	/** key, measure, value_before, value_after: one row per session and measure taken. */
	measurements: Fragment;
	/** Sessions are rows of the file (import_rows), or grouped from them (import_sessions). */
	rowIsSession: boolean;
}

function extraColumns(plan: ImportPlan): ColumnPlan[] {
	return plan.columns.filter((c) => c.role.kind === 'extra' && c.privacy !== 'drop');
}

/** An extra attribute's name: its header, or its position when the header is empty or repeated. */
const extraName = (plan: ImportPlan, c: ColumnPlan) =>
	columnLabel(
		plan.columns.map((p) => p.header),
		c.index
	);

function extraValue(c: ColumnPlan, secret: string): Fragment {
	const value = `NULLIF(${trimmed(`CAST(r.${stagedName(c.index)} AS VARCHAR)`)}, '')`;
	return c.privacy === 'pseudonymise' ? fragment(`'P-' || substr(sha256(? || ':' || ${value}), 1, 12)`, [secret]) : fragment(value);
}

function rowSessions(plan: ImportPlan): SessionSource {
	// Every measure in one statement: one insert instead of one per measure column pair.
	const groups = measureGroups(plan).map((group) => {
		const { before, after } = pair(group);
		const { from, measure } = groupSource(plan, group);
		return fragment(
			`SELECT r.source_row AS key, ${measure.sql} AS measure, ${before} AS value_before, ${after} AS value_after FROM ${from}
			 WHERE r.keep AND (${before} IS NOT NULL OR ${after} IS NOT NULL)`,
			measure.params
		);
	});
	return {
		sessions: `SELECT r.source_row AS key, r.client, r.session_date, r.row_visit AS given_visit, r.clinic, r.therapist,
		                  r.condition_raw, r.techniques_raw, r.duration
		           FROM ${ROWS} r WHERE r.keep`,
		measurements: groups.length ? join(groups, ' UNION ALL ') : NO_MEASUREMENTS,
		rowIsSession: true
	};
}

const NO_MEASUREMENTS = fragment(
	'SELECT NULL::BIGINT AS key, NULL::VARCHAR AS measure, NULL::DOUBLE AS value_before, NULL::DOUBLE AS value_after WHERE false'
);

async function gatherObservations(db: Database, plan: ImportPlan) {
	const selects: Fragment[] = measureGroups(plan).map((group) => {
		const { before, after } = pair(group);
		const { from, measure } = groupSource(plan, group);
		return fragment(
			`SELECT r.source_row, coalesce(?::INTEGER, r.row_visit) AS visit, ${measure.sql} AS measure, ${before} AS value_before, ${after} AS value_after FROM ${from} WHERE r.keep`,
			[group.visit, ...measure.params]
		);
	});
	const name = column(plan, 'measure name');
	const value = column(plan, 'measure value');
	if (plan.shape === 'long' && name && value) {
		const v = `r.${stagedName(value.index)}`;
		selects.push(
			fragment(
				`SELECT r.source_row, r.row_visit, n.measure,
				        CASE WHEN r.row_timing = 'after' THEN NULL ELSE ${v} END, CASE WHEN r.row_timing = 'after' THEN ${v} END
				 FROM ${ROWS} r JOIN ${NAMES} n ON n.name = ${trimmed(`r.${stagedName(name.index)}`)} WHERE r.keep`
			)
		);
	}
	const union = selects.length
		? join(selects, ' UNION ALL ')
		: fragment('SELECT NULL::BIGINT, NULL::INTEGER, NULL::VARCHAR, NULL::DOUBLE, NULL::DOUBLE WHERE false');
	await db.query(
		`CREATE OR REPLACE TEMP TABLE ${OBSERVATIONS} AS
		 SELECT * FROM (${union.sql}) o(source_row, visit, measure, value_before, value_after)
		 WHERE value_before IS NOT NULL OR value_after IS NOT NULL`,
		union.params
	);
}

const GROUP_KEY = `g.client = k.client AND g.session_date IS NOT DISTINCT FROM k.session_date AND g.key_visit IS NOT DISTINCT FROM k.key_visit`;

async function groupedSessions(db: Database, plan: ImportPlan): Promise<SessionSource> {
	await gatherObservations(db, plan);
	await db.exec(
		`CREATE OR REPLACE TEMP TABLE ${KEYED} AS
		 SELECT r.source_row, r.client, r.session_date, o.visit AS key_visit
		 FROM ${ROWS} r JOIN (SELECT DISTINCT source_row, visit FROM ${OBSERVATIONS}) o USING (source_row)
		 UNION ALL
		 SELECT r.source_row, r.client, r.session_date, r.row_visit
		 FROM ${ROWS} r WHERE r.keep AND r.source_row NOT IN (SELECT source_row FROM ${OBSERVATIONS});
		 CREATE OR REPLACE TEMP TABLE ${GROUPED} AS
		 SELECT row_number() OVER (ORDER BY k.client, k.session_date NULLS LAST, k.key_visit NULLS LAST) AS n,
		        k.client, k.session_date, k.key_visit,
		        first(r.clinic ORDER BY r.source_row) FILTER (WHERE r.clinic IS NOT NULL) AS clinic,
		        first(r.therapist ORDER BY r.source_row) FILTER (WHERE r.therapist IS NOT NULL) AS therapist,
		        first(r.condition_raw ORDER BY r.source_row) FILTER (WHERE r.condition_raw IS NOT NULL) AS condition_raw,
		        string_agg(DISTINCT r.techniques_raw, ';') AS techniques_raw,
		        first(r.duration ORDER BY r.source_row) FILTER (WHERE r.duration IS NOT NULL) AS duration
		 FROM ${KEYED} k JOIN ${ROWS} r USING (source_row)
		 GROUP BY k.client, k.session_date, k.key_visit;`
	);
	return {
		sessions: `SELECT g.n AS key, g.client, g.session_date, g.key_visit AS given_visit, g.clinic, g.therapist,
		                  g.condition_raw, g.techniques_raw, g.duration
		           FROM ${GROUPED} g`,
		measurements: fragment(
			`SELECT g.n AS key, o.measure, max(o.value_before) AS value_before, max(o.value_after) AS value_after
			 FROM ${OBSERVATIONS} o
			 JOIN ${KEYED} k ON k.source_row = o.source_row AND k.key_visit IS NOT DISTINCT FROM o.visit
			 JOIN ${GROUPED} g ON ${GROUP_KEY}
			 GROUP BY g.n, o.measure`
		),
		rowIsSession: false
	};
}

/**
 * Each client's main technique: the one in most of their sessions, ties alphabetical (the definition of
 * metrics/main-technique.ts, which holds it for stored sessions), counted once per spelling of a session's
 * techniques rather than once per session.
 */
async function summariseImportClients(db: Database, source: SessionSource) {
	await db.exec(
		`CREATE OR REPLACE TEMP TABLE ${IMPORT_CLIENTS} AS
		 WITH spellings AS (SELECT client, techniques_raw, count(*) AS n FROM (${source.sessions}) GROUP BY ALL),
		      used AS (SELECT s.client, t.technique, sum(s.n) AS n FROM spellings s JOIN ${TECHNIQUES} t ON t.raw = s.techniques_raw GROUP BY ALL),
		      main AS (SELECT client, first(technique ORDER BY n DESC, technique) AS technique FROM used GROUP BY client)
		 SELECT c.client AS client_id, coalesce(m.technique, '${NOT_RECORDED}') AS main_technique
		 FROM (SELECT DISTINCT client FROM spellings) c LEFT JOIN main m USING (client)`
	);
}

const MEASUREMENTS = 'import_measurements';
const MEASURE_COLUMNS = new Set(['measure', 'measure name', 'measure value']);

/** Drops columns of the staged rows nothing reads any more: the table is the import's largest, and stays until it is stored. */
async function dropColumns(db: Database, names: string[]) {
	if (names.length) await db.exec(names.map((name) => `ALTER TABLE ${ROWS} DROP COLUMN IF EXISTS ${name};`).join('\n'));
}

/**
 * Works the kept rows out as sessions, measurements and clients, in temporary tables; stores nothing. The
 * rows' checks and rejected rows must be done: their results and the file's columns of measures (gathered
 * into import_measurements) are dropped from the rows, keeping what storing reads.
 */
export async function prepareSessions(db: Database, plan: ImportPlan, measureNames: Map<string, string>): Promise<SessionSource> {
	await dropColumns(db, ['valid', 'problems']);
	await storeMeasureNames(db, measureNames);
	const gathered = rowIsSession(plan) ? rowSessions(plan) : await groupedSessions(db, plan);
	await db.query(`CREATE OR REPLACE TEMP TABLE ${MEASUREMENTS} AS ${gathered.measurements.sql}`, gathered.measurements.params);
	const source = { ...gathered, measurements: fragment(`SELECT key, measure, value_before, value_after FROM ${MEASUREMENTS}`) };
	await db.exec(`DROP TABLE IF EXISTS ${OBSERVATIONS}`);
	await dropColumns(db, ['row_timing', ...plan.columns.filter((c) => MEASURE_COLUMNS.has(c.role.kind)).map((c) => stagedName(c.index))]);
	await normaliseLabels(db);
	await summariseImportClients(db, source);
	return source;
}

/** Stores what prepareSessions worked out as dataset `datasetId`, its session ids following `base`. */
export async function storeSessions(
	db: Database,
	plan: ImportPlan,
	source: SessionSource,
	datasetId: number,
	base: number,
	secret: string
): Promise<void> {
	await db.query(
		`INSERT INTO sessions
		 SELECT ?::BIGINT + s.key, ?::INTEGER, s.client, s.session_date,
		        coalesce(s.given_visit, row_number() OVER (PARTITION BY s.client ORDER BY s.session_date NULLS LAST, s.key))::INTEGER,
		        s.clinic, s.therapist, c.condition, s.duration
		 FROM (${source.sessions}) s LEFT JOIN ${CONDITIONS} c ON c.raw = s.condition_raw`,
		[base, datasetId]
	);
	// import_techniques holds each (spelling, technique) once, and each session is one key: no pair repeats.
	await db.query(
		`INSERT INTO session_techniques
		 SELECT ?::BIGINT + s.key, t.technique FROM (${source.sessions}) s JOIN ${TECHNIQUES} t ON t.raw = s.techniques_raw`,
		[base]
	);
	await db.query(
		`INSERT INTO measurements SELECT ?::BIGINT + m.key, m.measure, m.value_before, m.value_after FROM (${source.measurements.sql}) m`,
		[base, ...source.measurements.params]
	);
	for (const c of extraColumns(plan)) {
		const value = extraValue(c, secret);
		if (source.rowIsSession) {
			await db.query(
				`INSERT INTO session_extras SELECT ?::BIGINT + r.source_row, ?, ${value.sql} AS v FROM ${ROWS} r WHERE r.keep AND v IS NOT NULL`,
				[base, extraName(plan, c), ...value.params]
			);
		} else {
			await db.query(
				`INSERT INTO session_extras
				 SELECT DISTINCT ?::BIGINT + g.n, ?, ${value.sql} AS v
				 FROM ${KEYED} k JOIN ${ROWS} r USING (source_row) JOIN ${GROUPED} g ON ${GROUP_KEY}
				 WHERE v IS NOT NULL`,
				[base, extraName(plan, c), ...value.params]
			);
		}
	}
	await db.query(`INSERT INTO row_hashes SELECT ?::INTEGER, row_hash FROM ${ROWS} WHERE keep`, [datasetId]);
	await db.query(`INSERT INTO clients SELECT ?::INTEGER, client_id, main_technique FROM ${IMPORT_CLIENTS}`, [datasetId]);
}

/** The sessions' tables, once the import is saved or discarded (the staged rows are check-rows.ts'). */
export const dropSessionTables = (db: Database) =>
	db.exec(
		[OBSERVATIONS, KEYED, GROUPED, IMPORT_CLIENTS, CONDITIONS, TECHNIQUES, NAMES, MEASUREMENTS]
			.map((t) => `DROP TABLE IF EXISTS ${t};`)
			.join(' ')
	);
