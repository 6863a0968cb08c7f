/**
 * The analysed sessions as typed arrays in the page, loaded once after every change of data, so that a
 * filter change is answered in milliseconds without a query (see compute-dashboard.ts). Rows are ordered
 * by client, then date (undated last), then visit: the order the SQL metrics use for first and latest.
 */
import type { Database } from '../db/database';
import { courseOrder } from '../definitions/effects';
import { MEASURE_INFO_COLUMNS, type MeasureInfo } from '../metrics/measure-info';
import { NOT_RECORDED } from '../domain/not-recorded';
import { caseMixColumns, covariateValuesSql, encodeCovariate, type CovariateColumn } from '../metrics/case-mix-covariates';

export const NO_DATE = -2147483648;

export interface CubeMeasure extends MeasureInfo {
	kind: string;
}

export interface Cube {
	sessions: number;
	/** Dense client number (a client is a dataset and a client id). */
	client: Int32Array;
	/** Days since 1970-01-01, or NO_DATE. */
	date: Int32Array;
	clinic: Int32Array;
	therapist: Int32Array;
	condition: Int32Array;
	technique: Int32Array;
	names: { clinic: string[]; therapist: string[]; condition: string[]; technique: string[] };
	/** Measurements, ordered as their sessions: session row, measure code, values (NaN when missing). */
	measurement: { row: Int32Array; measure: Int32Array; before: Float64Array; after: Float64Array };
	/** For each measure code, the indexes of its measurements, in session order. */
	byMeasure: Int32Array[];
	measures: CubeMeasure[];
}

/** The analysed clients and their numbers in the cube: the same numbering whenever the data are the same. */
const CUBE_CLIENTS = `SELECT c.dataset_id, c.client_id, c.main_technique,
		          (row_number() OVER (ORDER BY c.dataset_id, c.client_id) - 1)::INTEGER AS client
		   FROM clients c JOIN datasets d ON d.dataset_id = c.dataset_id WHERE d.active`;

const DIMENSIONS = ['clinic', 'therapist', 'condition', 'technique'] as const;

export async function loadCube(db: Database): Promise<Cube> {
	const column = (d: (typeof DIMENSIONS)[number]) => (d === 'technique' ? 'c.main_technique' : `coalesce(s.${d}, '${NOT_RECORDED}')`);
	// Clients are numbered on their own table (far fewer rows than sessions), then sessions sorted once.
	await db.exec(
		`CREATE OR REPLACE TEMP TABLE cube_clients AS ${CUBE_CLIENTS};
		 CREATE OR REPLACE TEMP TABLE cube_sessions AS
		 SELECT s.session_id,
		        (row_number() OVER (ORDER BY c.client, ${courseOrder('s')}) - 1)::INTEGER AS row,
		        c.client,
		        coalesce((s.session_date - DATE '1970-01-01')::INTEGER, ${NO_DATE}) AS date,
		        ${DIMENSIONS.map((d) => `${column(d)} AS ${d}`).join(', ')}
		 FROM sessions s JOIN cube_clients c ON c.dataset_id = s.dataset_id AND c.client_id = s.client_id;
		 CREATE OR REPLACE TEMP TABLE cube_names AS
		 ${DIMENSIONS.map(
				(d) =>
					`SELECT '${d}' AS dimension, v, (row_number() OVER (ORDER BY v) - 1)::INTEGER AS code FROM (SELECT DISTINCT ${d} AS v FROM cube_sessions)`
			).join(' UNION ALL ')};`
	);
	const names = { clinic: [] as string[], therapist: [] as string[], condition: [] as string[], technique: [] as string[] };
	for (const r of await db.query<{ dimension: (typeof DIMENSIONS)[number]; v: string; code: number }>('SELECT * FROM cube_names')) {
		names[r.dimension][r.code] = r.v;
	}
	const join = (d: string) => `JOIN cube_names n_${d} ON n_${d}.dimension = '${d}' AND n_${d}.v = s.${d}`;
	const sessions = await db.queryColumns(
		`SELECT s.client, s.date, ${DIMENSIONS.map((d) => `n_${d}.code AS ${d}`).join(', ')}
		 FROM cube_sessions s ${DIMENSIONS.map(join).join(' ')} ORDER BY s.row`
	);
	const measures = await db.query<CubeMeasure>(`SELECT ${MEASURE_INFO_COLUMNS}, kind FROM measures ORDER BY measure`);
	const measurements = await db.queryColumns(
		`SELECT s.row, (d.code)::INTEGER AS measure,
		        coalesce(m.value_before, 'NaN'::DOUBLE) AS before, coalesce(m.value_after, 'NaN'::DOUBLE) AS after
		 FROM measurements m JOIN cube_sessions s ON s.session_id = m.session_id
		 JOIN (SELECT measure, (row_number() OVER (ORDER BY measure) - 1) AS code FROM measures) d ON d.measure = m.measure
		 ORDER BY s.row, d.code`
	);
	await db.exec('DROP TABLE cube_sessions; DROP TABLE cube_names; DROP TABLE cube_clients;');
	const c = sessions.columns;
	const m = measurements.columns;
	const codes = m.measure as Int32Array;
	const counts = new Int32Array(measures.length);
	for (let k = 0; k < codes.length; k++) counts[codes[k]]++;
	const byMeasure = [...counts].map((n) => new Int32Array(n));
	const filled = new Int32Array(measures.length);
	for (let k = 0; k < codes.length; k++) byMeasure[codes[k]][filled[codes[k]]++] = k;
	return {
		byMeasure,
		sessions: sessions.rows,
		client: c.client as Int32Array,
		date: c.date as Int32Array,
		clinic: c.clinic as Int32Array,
		therapist: c.therapist as Int32Array,
		condition: c.condition as Int32Array,
		technique: c.technique as Int32Array,
		names,
		measurement: {
			row: m.row as Int32Array,
			measure: m.measure as Int32Array,
			before: m.before as Float64Array,
			after: m.after as Float64Array
		},
		measures
	};
}

/**
 * The clients' case mix by their number in the cube, read as typed columns (a category comes back as codes into
 * its levels). Only the case-mix model needs it: read when first asked, not with the cube.
 */
export async function loadCovariates(db: Database): Promise<CovariateColumn[]> {
	const columns = await caseMixColumns(db);
	if (columns.length === 0) return [];
	// A table of its own: a cube may be loading meanwhile.
	await db.exec(`CREATE OR REPLACE TEMP TABLE case_mix_clients AS ${CUBE_CLIENTS}`);
	const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM case_mix_clients');
	const loaded: CovariateColumn[] = [];
	for (const covariate of columns) {
		const values = covariateValuesSql([covariate]);
		const from = `FROM (${values.sql}) v JOIN case_mix_clients c USING (dataset_id, client_id)`;
		const byClient = new Int32Array(n).fill(-1);
		if (covariate.numeric) {
			const { columns: got } = await db.queryColumns(`SELECT c.client, coalesce(v.number, 'NaN'::DOUBLE) AS number ${from}`, values.params);
			for (let i = 0; i < got.client.length; i++) byClient[got.client[i]] = i;
			loaded.push(encodeCovariate(covariate, n, (c) => (byClient[c] < 0 ? undefined : { value: '', number: got.number[byClient[c]] })));
		} else {
			const levels = (await db.query<{ value: string }>(`SELECT DISTINCT v.value ${from} ORDER BY v.value`, values.params)).map(
				(r) => r.value
			);
			const { columns: got } = await db.queryColumns(
				`SELECT c.client, (dense_rank() OVER (ORDER BY v.value) - 1)::INTEGER AS code ${from}`,
				values.params
			);
			for (let i = 0; i < got.client.length; i++) byClient[got.client[i]] = i;
			loaded.push(
				encodeCovariate(covariate, n, (c) => (byClient[c] < 0 ? undefined : { value: levels[got.code[byClient[c]]], number: null }))
			);
		}
	}
	await db.exec('DROP TABLE case_mix_clients');
	return loaded;
}
