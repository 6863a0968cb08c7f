/**
 * One file, from bytes to stored sessions: stage it, check every row, store the good ones in one
 * transaction. Every row read ends up imported, rejected (with reasons) or a duplicate; a failure
 * anywhere leaves the stored data as it was.
 */
import type { Database } from '../db/database';
import type { ImportPlan } from './plan';
import { decodeText } from './decode';
import { saveMeasures } from '../db/schema';
import { clearRejects, distinctInFile, readerRejects, READER_REJECTS, type ReaderReject } from './stage-file';
import { countFates, failedRows, markDuplicates, ROWS, SKIPPED } from './check-rows';
import { deriveRows } from './derive-rows';
import { storeSessions } from './store-sessions';
import { guessTimepoint } from './guess-plan';
import { headerWords } from './header-words';
import { knownMeasure, measureKey, newMeasure } from './guess-roles';
import { column } from './staged-columns';
import { recordSpans, type RecordSpans } from './record-lines';
import { readerReason, recordAtLine, recordFields, type RejectedRow } from './rejected-rows';

export class ImportError extends Error {}

export interface ImportCounts {
	read: number;
	imported: number;
	rejected: number;
	duplicates: number;
}

export interface ImportOutcome extends ImportCounts {
	fileName: string;
	datasetId: number | null;
	sessions: number;
	header: string[];
	rejectedRows: RejectedRow[];
}

export interface ImportOptions {
	/** Key for pseudonyms: the same key gives the same pseudonym across imports. */
	secret: string;
	datasetName?: string;
	/** The generated demo clinic: flagged, and never analysed together with real data. */
	isDemo?: boolean;
	onStep?: (step: string) => void;
}

const FILE = 'import-file.csv';

/** "Read 14 rows · imported 8 · rejected 5 · 1 duplicate" */
export function describeCounts(c: ImportCounts): string {
	const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
	return [
		`Read ${plural(c.read, 'row', 'rows')}`,
		`imported ${c.imported.toLocaleString('en')}`,
		`rejected ${c.rejected.toLocaleString('en')}`,
		plural(c.duplicates, 'duplicate', 'duplicates')
	].join(' · ');
}

export function planProblems(plan: ImportPlan): string[] {
	const problems: string[] = [];
	if (!column(plan, 'client')) problems.push('No column is chosen as the client id: choose the column that identifies each client.');
	const kinds = new Set(plan.columns.map((c) => c.role.kind));
	if (kinds.has('measure name') !== kinds.has('measure value')) {
		problems.push('Long format needs both a measure-name column and a value column.');
	}
	for (const kind of ['client', 'date', 'visit', 'timepoint', 'clinic', 'therapist', 'technique', 'condition', 'duration'] as const) {
		if (plan.columns.filter((c) => c.role.kind === kind).length > 1) problems.push(`More than one column is chosen as ${kind}.`);
	}
	return problems;
}

/** Timepoints and measure names seen beyond the preview's first rows get their default meaning. */
async function completePlan(db: Database, plan: ImportPlan): Promise<{ plan: ImportPlan; measureNames: Map<string, string> }> {
	const distinctValues = (index: number) => distinctInFile(db, FILE, plan, index);
	const complete: ImportPlan = { ...plan, timepoints: { ...plan.timepoints }, measures: [...plan.measures] };
	const timepoint = column(plan, 'timepoint');
	if (timepoint) {
		let order = Object.keys(complete.timepoints).length + 1;
		for (const v of await distinctValues(timepoint.index)) complete.timepoints[v] ??= guessTimepoint(v, order++);
	}
	const measureNames = new Map<string, string>();
	const name = column(plan, 'measure name');
	if (plan.shape === 'long' && name) {
		for (const v of await distinctValues(name.index)) {
			const key = plan.measureNames[v] ?? knownMeasure(headerWords(v), null, false) ?? measureKey(headerWords(v));
			measureNames.set(v, key);
			if (!complete.measures.some((m) => m.measure === key)) complete.measures.push(newMeasure(key, v, ''));
		}
	}
	return { plan: complete, measureNames };
}

async function storeDataset(
	db: Database,
	plan: ImportPlan,
	counts: ImportCounts,
	options: ImportOptions,
	measureNames: Map<string, string>
) {
	const isDemo = options.isDemo ?? false;
	return db.transaction(async (tx) => {
		const [{ id }] = await tx.query<{ id: number }>('SELECT (coalesce(max(dataset_id), 0) + 1)::INTEGER AS id FROM datasets');
		// Real data is never shown mixed with the demo clinic.
		await tx.query('UPDATE datasets SET active = false WHERE is_demo <> ?', [isDemo]);
		await tx.query(`INSERT INTO datasets VALUES (?, ?, ?, now()::TIMESTAMP, ?, true, ?, ?, ?, ?)`, [
			id,
			options.datasetName ?? plan.fileName,
			isDemo ? null : plan.fileName,
			isDemo,
			counts.read,
			counts.imported,
			counts.rejected,
			counts.duplicates
		]);
		await saveMeasures(tx, plan.measures);
		await storeSessions(tx, plan, id, options.secret, measureNames);
		const [{ sessions }] = await tx.query<{ sessions: number }>(
			'SELECT count(*)::INTEGER AS sessions FROM sessions WHERE dataset_id = ?',
			[id]
		);
		return { id, sessions };
	});
}

/** Rejected rows with their lines, reasons and fields as written, from the reader and from the checks. */
async function rejectedRows(
	db: Database,
	plan: ImportPlan,
	text: () => Promise<string>,
	reader: Awaited<ReturnType<typeof readerRejects>>
): Promise<RejectedRow[]> {
	const checked = await failedRows(db, plan);
	if (reader.length === 0 && checked.length === 0) return [];
	const header = plan.columns.map((c) => c.header);
	const source = await text();
	const spans: RecordSpans = recordSpans(source, plan.dialect);
	const readerLines = new Map<number, string[]>();
	for (const r of reader) readerLines.set(r.line, [...(readerLines.get(r.line) ?? []), readerReason(r, header)]);

	const rows: RejectedRow[] = [];
	for (const [line, reasons] of readerLines) {
		const index = recordAtLine(spans, line);
		rows.push({ line, reason: [...new Set(reasons)].join('; '), fields: index >= 0 ? recordFields(source, spans, index, plan.dialect) : [] });
	}
	// The n-th row the reader kept is the n-th record whose line it did not reject.
	const wanted = new Set(checked.map((c) => c.row));
	const byRow = new Map<number, number>();
	let kept = 0;
	for (let k = 0; k < spans.count && byRow.size < wanted.size; k++) {
		if (readerLines.has(spans.lines[k])) continue;
		kept++;
		if (wanted.has(kept)) byRow.set(kept, k);
	}
	for (const c of checked) {
		const index = byRow.get(c.row);
		rows.push({
			line: index === undefined ? NaN : spans.lines[index],
			reason: c.problems.join('; '),
			fields: index === undefined ? [] : recordFields(source, spans, index, plan.dialect)
		});
	}
	return rows.sort((a, b) => a.line - b.line);
}

async function cleanUp(db: Database) {
	await db.exec(
		`DROP TABLE IF EXISTS ${ROWS}; DROP TABLE IF EXISTS ${SKIPPED};
		 DROP TABLE IF EXISTS ${READER_REJECTS}; DROP TABLE IF EXISTS import_scans; DROP TABLE IF EXISTS import_obs;
		 DROP TABLE IF EXISTS import_keyed; DROP TABLE IF EXISTS import_sessions; DROP TABLE IF EXISTS import_measure_names;
		 DROP TABLE IF EXISTS import_techniques; DROP TABLE IF EXISTS import_conditions;`
	);
	await db.dropFile(FILE).catch(() => undefined);
}

export async function runImport(
	db: Database,
	data: Blob | string,
	givenPlan: ImportPlan,
	options: ImportOptions
): Promise<ImportOutcome> {
	const outcome = await importOnce(db, data, givenPlan, options);
	if (outcome !== LATIN_1) return outcome;
	// The sample looked like UTF-8 but later bytes are not: a Latin-1 export with its first accent further down.
	const bytes = new Uint8Array(await (data as Blob).arrayBuffer());
	const plan = { ...givenPlan, encoding: 'windows-1252' as const };
	const retried = await importOnce(db, decodeText(bytes, 'windows-1252'), plan, options);
	if (retried === LATIN_1) throw new ImportError(`${givenPlan.fileName} is not valid text in any encoding we read.`);
	return retried;
}

const LATIN_1 = Symbol('not UTF-8 after all');
const isInvalidText = (r: ReaderReject) => /UNICODE|ENCODING/.test(r.errorType) || /invalid unicode/i.test(r.message);

async function importOnce(
	db: Database,
	data: Blob | string,
	givenPlan: ImportPlan,
	options: ImportOptions
): Promise<ImportOutcome | typeof LATIN_1> {
	const problems = planProblems(givenPlan);
	if (problems.length) throw new ImportError(`${givenPlan.fileName}: ${problems.join(' ')}`);
	const step = options.onStep ?? (() => {});
	try {
		step('Reading the file');
		await db.registerFile(FILE, data);
		await clearRejects(db);
		let plan = givenPlan;
		let measureNames = new Map<string, string>();
		try {
			({ plan, measureNames } = await completePlan(db, givenPlan));
			await deriveRows(db, FILE, plan, options.secret);
		} catch (error) {
			throw new ImportError(`${givenPlan.fileName} could not be read: ${error instanceof Error ? error.message : String(error)}`);
		}
		const reader = await readerRejects(db);
		if (typeof data !== 'string' && reader.some(isInvalidText)) return LATIN_1;
		step('Checking every row');
		await markDuplicates(db);
		const fates = await countFates(db);
		const readerRejected = new Set(reader.map((r) => r.line)).size;
		const counts: ImportCounts = {
			read: fates.staged + readerRejected,
			imported: fates.kept,
			rejected: fates.rejected + readerRejected,
			duplicates: fates.duplicates
		};
		if (counts.read === 0) throw new ImportError(`${plan.fileName} has a header but no data rows.`);

		let datasetId: number | null = null;
		let sessions = 0;
		if (counts.imported > 0) {
			step('Storing sessions');
			const stored = await storeDataset(db, plan, counts, options, measureNames);
			datasetId = stored.id;
			sessions = stored.sessions;
			await db.exec('CHECKPOINT');
		}
		step('Collecting rejected rows');
		const text = async () => (typeof data === 'string' ? data : await data.text());
		return {
			fileName: plan.fileName,
			datasetId,
			sessions,
			header: plan.columns.map((c) => c.header),
			rejectedRows: await rejectedRows(db, plan, text, reader),
			...counts
		};
	} finally {
		await cleanUp(db);
	}
}
