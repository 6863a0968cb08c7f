/**
 * What the dashboard reads after an import, worked out before the import is stored: its cube, the filter
 * choices, the figures of what is analysed and the dataset list, from the import's temporary tables
 * (ingest/store-sessions.ts) and the stored datasets analysed with it. The charts come from memory, and
 * the save follows them. Once stored, loadCube and the queries of metrics/overview.ts and
 * datasets/stored-datasets.ts give the same (a test holds them equal).
 *
 * Analysed datasets are all demo or all real (the demo is never mixed with real data): after the import,
 * the stored datasets analysed are those analysed now if they are of the import's kind, else none.
 */
import type { Database } from '../db/database';
import type { StagedImport } from '../ingest/run-import';
import { CONDITIONS, IMPORT_CLIENTS } from '../ingest/store-sessions';
import { measureRow } from '../db/schema';
import { MEASURE_INFO_COLUMNS } from '../metrics/measure-info';
import { NOT_RECORDED } from '../domain/not-recorded';
import { filterChoices, type FilterChoices, type StoredData } from '../metrics/overview';
import { listDatasets, type StoredDataset } from '../datasets/stored-datasets';
import { loadCube, NO_DATE, type Cube, type CubeMeasure } from './load-cube';
import { byCodePoint, orderMeasurements, orderSessions } from './session-order';

export interface AnalysedData {
	cube: Cube;
	stored: StoredData;
	choices: FilterChoices;
	datasets: StoredDataset[];
}

const DIMENSIONS = ['clinic', 'therapist', 'condition', 'technique'] as const;
type Dimension = (typeof DIMENSIONS)[number];

const CELLS = 'import_cells';
const VALUES = 'import_values';
const NAMES = 'import_names';
const NUMBERS = 'import_client_numbers';
const MEASURES = 'import_measures';
const KIND_ORDER = ['pain', 'rom', 'function', 'other'];

const emptyCube = (measures: CubeMeasure[]): Cube => ({
	sessions: 0,
	client: new Int32Array(0),
	date: new Int32Array(0),
	clinic: new Int32Array(0),
	therapist: new Int32Array(0),
	condition: new Int32Array(0),
	technique: new Int32Array(0),
	names: { clinic: [], therapist: [], condition: [], technique: [] },
	measurement: { row: new Int32Array(0), measure: new Int32Array(0), before: new Float64Array(0), after: new Float64Array(0) },
	byMeasure: measures.map(() => new Int32Array(0)),
	measures
});

/** The measures as they will be stored: the plan's declarations replace stored ones. */
async function declareMeasures(db: Database, staged: StagedImport): Promise<CubeMeasure[]> {
	const declared = [...new Map(staged.plan.measures.map((m) => [m.measure, m])).values()];
	const keys = declared.map(() => '?').join(', ');
	// Typed, as a column of NULLs alone would be text.
	const rows = declared.map(() => '(?, ?, ?, ?, ?::DOUBLE, ?::DOUBLE, ?, ?::DOUBLE, ?::DOUBLE, ?::VARCHAR)').join(', ');
	await db.query(
		`CREATE OR REPLACE TEMP TABLE ${MEASURES} AS
		 SELECT * FROM measures${declared.length ? ` WHERE measure NOT IN (${keys}) UNION ALL SELECT * FROM (VALUES ${rows})` : ''}`,
		[...declared.map((m) => m.measure), ...declared.flatMap(measureRow)]
	);
	return db.query<CubeMeasure>(`SELECT ${MEASURE_INFO_COLUMNS}, kind FROM ${MEASURES} ORDER BY measure`);
}

/**
 * The import's sessions gathered into cells (client × clinic × therapist × condition), each with its sessions'
 * keys, dates and visits as lists: the labels are coded per cell, not per session. Then the distinct values
 * of each dimension (NULL among them), their codes, and the clients' numbers.
 */
async function importCells(db: Database, sessions: string): Promise<{ dimension: Dimension; value: string | null }[]> {
	await db.exec(
		`CREATE OR REPLACE TEMP TABLE ${CELLS} AS
		 SELECT x.*, c.condition FROM (
		   SELECT s.client, s.clinic, s.therapist, s.condition_raw, list(s.key::INTEGER) AS keys,
		          list(coalesce((s.session_date - DATE '1970-01-01')::INTEGER, ${NO_DATE})) AS dates,
		          list(coalesce(s.given_visit::DOUBLE, 'NaN'::DOUBLE)) AS visits
		   FROM (${sessions}) s GROUP BY ALL
		 ) x LEFT JOIN ${CONDITIONS} c ON c.raw = x.condition_raw;
		 CREATE OR REPLACE TEMP TABLE ${VALUES} AS
		 ${['clinic', 'therapist', 'condition'].map((d) => `SELECT '${d}' AS dimension, ${d} AS value FROM ${CELLS} GROUP BY ALL`).join(' UNION ALL ')}
		 UNION ALL SELECT DISTINCT 'technique', main_technique FROM ${IMPORT_CLIENTS};
		 CREATE OR REPLACE TEMP TABLE ${NAMES} AS
		 SELECT dimension, v, (row_number() OVER (PARTITION BY dimension ORDER BY v) - 1)::INTEGER AS code
		 FROM (SELECT DISTINCT dimension, coalesce(value, '${NOT_RECORDED}') AS v FROM ${VALUES});
		 CREATE OR REPLACE TEMP TABLE ${NUMBERS} AS
		 SELECT c.client_id, (row_number() OVER (ORDER BY c.client_id) - 1)::INTEGER AS number, n.code AS technique
		 FROM ${IMPORT_CLIENTS} c JOIN ${NAMES} n ON n.dimension = 'technique' AND n.v = c.main_technique;`
	);
	return db.query(`SELECT dimension, value FROM ${VALUES}`);
}

/**
 * A column as one list: a result of one row decodes as one batch where a million rows come in hundreds
 * (the order of the rows is the page's to make, by key). No rows give an empty list.
 */
const listOf = (expression: string, name: string, type = 'INTEGER') => `coalesce(list(${expression}), []::${type}[]) AS ${name}`;

const sortedUnion = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])].sort(byCodePoint);

/** Codes of `from` names in `to`, a list holding them all. */
function recode(from: readonly string[], to: readonly string[]): Int32Array {
	const at = new Map(to.map((name, code) => [name, code]));
	const out = new Int32Array(from.length);
	for (let i = 0; i < from.length; i++) out[i] = at.get(from[i])!;
	return out;
}

/** `stored` with its codes mapped, then `added` taken in `order` with its codes mapped (plain loops: TypedArray.from iterates). */
function appendInt(
	stored: Int32Array,
	storedMap: Int32Array | null,
	added: Int32Array,
	order: Int32Array,
	addedMap: Int32Array | null,
	shift = 0
): Int32Array {
	const out = new Int32Array(stored.length + order.length);
	if (storedMap) for (let i = 0; i < stored.length; i++) out[i] = storedMap[stored[i]];
	else out.set(stored);
	const at = stored.length;
	if (addedMap) for (let k = 0; k < order.length; k++) out[at + k] = addedMap[added[order[k]]];
	else for (let k = 0; k < order.length; k++) out[at + k] = added[order[k]] + shift;
	return out;
}

function appendFloat(stored: Float64Array, added: Float64Array, order: Int32Array): Float64Array {
	const out = new Float64Array(stored.length + order.length);
	out.set(stored);
	const at = stored.length;
	for (let k = 0; k < order.length; k++) out[at + k] = added[order[k]];
	return out;
}

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Dashboard data for the stored datasets analysed after the import, with the import not yet stored. */
export async function loadWithImport(db: Database, staged: StagedImport): Promise<AnalysedData> {
	try {
		return await analysedWithImport(db, staged);
	} finally {
		// This module's temporary tables, whatever happened: the import's own stay until it is saved or discarded.
		await db.exec([CELLS, VALUES, NAMES, NUMBERS, MEASURES].map((t) => `DROP TABLE IF EXISTS ${t};`).join(' '));
	}
}

async function analysedWithImport(db: Database, staged: StagedImport): Promise<AnalysedData> {
	const source = staged.source;
	if (!source) throw new Error('loadWithImport: nothing was imported');
	const [{ same }] = await db.query<{ same: number }>('SELECT count(*)::INTEGER AS same FROM datasets WHERE active AND is_demo = ?', [
		staged.isDemo
	]);
	const measures = await declareMeasures(db, staged);
	const values = await importCells(db, source.sessions);
	const names = await db.query<{ dimension: Dimension; v: string; code: number }>(`SELECT dimension, v, code FROM ${NAMES}`);
	const localNames = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as string[]])) as Record<Dimension, string[]>;
	for (const r of names) localNames[r.dimension][r.code] = r.v;

	// Each cell's codes, and its sessions one after another: one row of lists, one result batch to decode.
	// Every query is sent at once: the database works through them while the page orders what came back.
	const cellsRead = db.queryColumns(
		`SELECT ${listOf('n.number', 'client')}, ${['clinic', 'therapist', 'condition'].map((d) => listOf(`n_${d}.code`, d)).join(', ')},
		        ${listOf('n.technique', 'technique')}, ${listOf('len(x.keys)::INTEGER', 'sessions')},
		        coalesce(flatten(list(x.keys)), []) AS key, coalesce(flatten(list(x.dates)), []) AS date,
		        coalesce(flatten(list(x.visits)), []::DOUBLE[]) AS visit
		 FROM ${CELLS} x JOIN ${NUMBERS} n ON n.client_id = x.client
		 ${['clinic', 'therapist', 'condition']
				.map((d) => `JOIN ${NAMES} n_${d} ON n_${d}.dimension = '${d}' AND n_${d}.v = coalesce(x.${d}, '${NOT_RECORDED}')`)
				.join(' ')}`
	);
	const clientsRead = db.query<{ clients: number }>(`SELECT count(*)::INTEGER AS clients FROM ${NUMBERS}`);
	const dropped = db.exec(`DROP TABLE ${CELLS}; DROP TABLE ${NAMES}; DROP TABLE ${NUMBERS};`);
	const measurementsRead = db.queryColumns(
		`SELECT ${listOf('m.key::INTEGER', 'key')}, ${listOf('d.code', 'measure')},
		        ${listOf(`coalesce(m.value_before, 'NaN'::DOUBLE)`, 'before', 'DOUBLE')}, ${listOf(`coalesce(m.value_after, 'NaN'::DOUBLE)`, 'after', 'DOUBLE')}
		 FROM (${source.measurements.sql}) m
		 JOIN (SELECT measure, (row_number() OVER (ORDER BY measure) - 1)::INTEGER AS code FROM ${MEASURES}) d ON d.measure = m.measure`,
		source.measurements.params
	);
	// The stored part: loaded as ever, its measure codes taken to the declared list.
	const storedRead = same ? loadCube(db) : Promise.resolve(emptyCube(measures));
	const listed = readLists(db, same);

	const c = (await cellsRead).columns;
	const [{ clients }] = await clientsRead;
	const perCell = c.sessions as Int32Array;
	const s: Record<'client' | Dimension, Int32Array> = {
		client: new Int32Array(c.key.length),
		clinic: new Int32Array(c.key.length),
		therapist: new Int32Array(c.key.length),
		condition: new Int32Array(c.key.length),
		technique: new Int32Array(c.key.length)
	};
	for (const d of ['client', ...DIMENSIONS] as const) {
		const byCell = c[d] as Int32Array;
		const out = s[d];
		for (let cell = 0, i = 0; cell < perCell.length; cell++) out.fill(byCell[cell], i, (i += perCell[cell]));
	}
	const client = s.client;
	const { order } = orderSessions(client, c.date as Int32Array, c.visit as Float64Array, c.key as Int32Array, clients);
	const n = order.length;
	const stored = await storedRead;
	const storedClients = stored.sessions ? stored.client[stored.sessions - 1] + 1 : 0;
	const measureCodes = recode(
		stored.measures.map((m) => m.measure),
		measures.map((m) => m.measure)
	);
	const allNames = Object.fromEntries(DIMENSIONS.map((d) => [d, sortedUnion(stored.names[d], localNames[d])])) as Cube['names'];
	const codes = (d: Dimension) =>
		appendInt(stored[d], recode(stored.names[d], allNames[d]), s[d], order, recode(localNames[d], allNames[d]));

	// Each measurement's session row, then measurements in row and measure order.
	const keys = c.key as Int32Array;
	let maxKey = 0;
	for (let i = 0; i < n; i++) if (keys[i] > maxKey) maxKey = keys[i];
	const rowOfKey = new Int32Array(maxKey + 1);
	for (let k = 0; k < n; k++) rowOfKey[keys[order[k]]] = k;
	await dropped;
	const m = (await measurementsRead).columns;
	const mKey = m.key as Int32Array;
	const mRow = new Int32Array(mKey.length);
	for (let k = 0; k < mKey.length; k++) mRow[k] = rowOfKey[mKey[k]];
	const mOrder = orderMeasurements(mRow, m.measure as Int32Array, n);
	const measurement = {
		row: appendInt(stored.measurement.row, null, mRow, mOrder, null, stored.sessions),
		measure: appendInt(stored.measurement.measure, measureCodes, m.measure as Int32Array, mOrder, null),
		before: appendFloat(stored.measurement.before, m.before as Float64Array, mOrder),
		after: appendFloat(stored.measurement.after, m.after as Float64Array, mOrder)
	};
	const counts = new Int32Array(measures.length);
	for (let k = 0; k < measurement.measure.length; k++) counts[measurement.measure[k]]++;
	const byMeasure = [...counts].map((c) => new Int32Array(c));
	const filled = new Int32Array(measures.length);
	for (let k = 0; k < measurement.measure.length; k++) byMeasure[measurement.measure[k]][filled[measurement.measure[k]]++] = k;

	const cube: Cube = {
		sessions: stored.sessions + n,
		client: appendInt(stored.client, null, client, order, null, storedClients),
		date: appendInt(stored.date, null, c.date as Int32Array, order, null),
		clinic: codes('clinic'),
		therapist: codes('therapist'),
		condition: codes('condition'),
		technique: codes('technique'),
		names: allNames,
		measurement,
		byMeasure,
		measures
	};
	return {
		cube,
		...describe(staged, cube, values, await listed, same, storedClients + clients, clients, n)
	};
}

interface Lists {
	/** The stored data's choices, when stored datasets are analysed with the import. */
	before: FilterChoices | null;
	datasets: StoredDataset[];
	/** Every declared measure as the filter lists it, in its order. */
	measures: (FilterChoices['measures'][number] & { measure: string })[];
}

/** What the lists read from the database, asked for with the cube's queries. */
async function readLists(db: Database, storedDatasets: number): Promise<Lists> {
	const [before, datasets, measures] = await Promise.all([
		storedDatasets ? filterChoices(db) : null,
		listDatasets(db),
		db.query<Lists['measures'][number]>(
			`SELECT measure, label, unit, kind FROM ${MEASURES} ORDER BY list_position(['${KIND_ORDER.join("', '")}'], kind), label`
		)
	]);
	return { before, datasets, measures };
}

/** Filter choices, figures and the dataset list, the import's part from its own tables. */
function describe(
	staged: StagedImport,
	cube: Cube,
	values: { dimension: Dimension; value: string | null }[],
	lists: Lists,
	storedDatasets: number,
	allClients: number,
	clients: number,
	sessions: number
): Omit<AnalysedData, 'cube'> {
	const before = lists.before;
	const listed = (d: Dimension) => values.flatMap((v) => (v.dimension === d && v.value !== null ? [v.value] : []));
	let first = Infinity;
	let last = -Infinity;
	for (let k = 0; k < cube.sessions; k++) {
		const d = cube.date[k];
		if (d === NO_DATE) continue;
		if (d < first) first = d;
		if (d > last) last = d;
	}
	const firstDate = first === Infinity ? null : isoDay(first);
	const lastDate = last === -Infinity ? null : isoDay(last);
	const measured = new Set(cube.measures.flatMap((m, code) => (cube.byMeasure[code].length ? [m.measure] : [])));
	const measures = lists.measures.filter((m) => measured.has(m.measure));
	const choices: FilterChoices = {
		clinics: sortedUnion(before?.clinics ?? [], listed('clinic')),
		therapists: sortedUnion(before?.therapists ?? [], listed('therapist')),
		techniques: sortedUnion(before?.techniques ?? [], listed('technique')),
		conditions: sortedUnion(before?.conditions ?? [], listed('condition')),
		measures,
		firstDate,
		lastDate
	};
	const stored: StoredData = {
		datasets: storedDatasets + 1,
		clients: allClients,
		sessions: cube.sessions,
		demoOnly: staged.isDemo,
		firstDate,
		lastDate
	};
	const { outcome, slot, isDemo } = staged;
	const datasets: StoredDataset[] = [
		...lists.datasets.map((d) => ({ ...d, active: d.active && d.isDemo === isDemo })),
		{
			datasetId: slot.datasetId,
			name: staged.datasetName,
			sourceFile: isDemo ? null : outcome.fileName,
			importedAt: new Date().toISOString(),
			isDemo,
			active: true,
			sessions,
			clients,
			rowsRead: outcome.read,
			rowsRejected: outcome.rejected,
			rowsDuplicate: outcome.duplicates
		}
	];
	return { stored, choices, datasets };
}
