/**
 * One file, from bytes to stored sessions: read it, check every row, work the good ones out as sessions
 * in temporary tables (stageImport: the page can draw them at once), then store them in one transaction
 * (StagedImport.save). Every row read ends up imported, rejected (with reasons) or a duplicate; a failure
 * anywhere, or a page closed before the transaction commits, leaves the stored data as they were.
 */
import type { Database } from '../db/database';
import type { ColumnPlan, ImportPlan } from './plan';
import { decodeText, looksLikeUtf8 } from './decode';
import { saveMeasures } from '../db/schema';
import { clearRejects, distinctInFile, dropReaderTables, readerRejects, type ReaderReject } from './stage-file';
import { countFates, dropCheckedRows, failedRows, markDuplicates } from './check-rows';
import { deriveRows } from './derive-rows';
import { dropSessionTables, prepareSessions, storeSessions, type SessionSource } from './store-sessions';
import { guessTimepoint } from './guess-plan';
import { nameMeasures, namesMovements } from './measure-names';
import { numbersRows, withPairsRead } from './trial-reading';
import { numberRowsAsInFile } from './numbered-rows';
import { column, columnLabel } from './staged-columns';
import { lastLineOf, readerDialect, recordSpans, type RecordSpans } from './record-lines';
import { inFileLines, lineReasons, recordAtLine, recordFields, type RejectedRow } from './rejected-rows';
import { readerInput } from './reader-input';

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
	if (!column(plan, 'client') && !numbersRows(plan)) {
		problems.push('No column is chosen as the client id: choose the column that identifies each client.');
	}
	const kinds = new Set(plan.columns.map((c) => c.role.kind));
	if (kinds.has('measure name') !== kinds.has('measure value') && !namesMovements(plan)) {
		problems.push('Long format needs both a measure-name column and a value column.');
	}
	const headers = plan.columns.map((c) => c.header);
	const names = (columns: ColumnPlan[]) => columns.map((c) => columnLabel(headers, c.index)).join(', ');
	// Several technique columns are one list; every other role is one column.
	for (const kind of ['client', 'date', 'visit', 'timepoint', 'clinic', 'therapist', 'condition', 'duration'] as const) {
		const chosen = plan.columns.filter((c) => c.role.kind === kind);
		if (chosen.length > 1) problems.push(`More than one column is chosen as ${kind}: ${names(chosen)}.`);
	}
	// Two columns for one measure at one timing would be merged, the second read only where the first is empty.
	const byMeasure = new Map<string, ColumnPlan[]>();
	for (const c of plan.columns) {
		if (c.role.kind !== 'measure') continue;
		const key = `${c.role.measure}|${c.role.timing}|${c.role.visit ?? ''}`;
		byMeasure.set(key, [...(byMeasure.get(key) ?? []), c]);
	}
	for (const chosen of byMeasure.values()) {
		if (chosen.length < 2 || chosen[0].role.kind !== 'measure') continue;
		const { measure, timing, visit } = chosen[0].role;
		const label = plan.measures.find((m) => m.measure === measure)?.label ?? measure;
		const when = timing === 'value' ? (visit ? `at visit ${visit}` : 'as a value') : timing;
		problems.push(`More than one column is chosen as ${label} ${when}: ${names(chosen)}. Keep one; the others can be extra attributes.`);
	}
	return problems;
}

/** Timepoints and measure names seen beyond the preview's first rows get their default meaning. */
async function completePlan(db: Database, plan: ImportPlan): Promise<{ plan: ImportPlan; measureNames: Map<string, string> }> {
	const distinctValues = (index: number) => distinctInFile(db, FILE, plan, index);
	const complete: ImportPlan = {
		...plan,
		timepoints: { ...plan.timepoints },
		measures: [...plan.measures],
		measureNames: { ...plan.measureNames }
	};
	const timepoint = column(plan, 'timepoint');
	if (timepoint) {
		let order = Object.keys(complete.timepoints).length + 1;
		for (const v of await distinctValues(timepoint.index)) complete.timepoints[v] ??= guessTimepoint(v, order++);
	}
	const measureNames = new Map<string, string>();
	const name = column(plan, 'measure name');
	if (name && (plan.shape === 'long' || namesMovements(plan))) {
		const values = await distinctValues(name.index);
		nameMeasures(complete, values);
		for (const v of values) if (v in complete.measureNames) measureNames.set(v, complete.measureNames[v]);
	}
	return { plan: complete, measureNames };
}

/** Where the staged dataset goes: its id and the session id its keys are added to. */
interface Slot {
	datasetId: number;
	base: number;
}

/** The next dataset id and the last session id: nothing else writes datasets or sessions until the save. */
async function nextSlot(db: Database): Promise<Slot> {
	const [slot] = await db.query<Slot>(
		`SELECT (SELECT coalesce(max(dataset_id), 0) + 1 FROM datasets)::INTEGER AS "datasetId",
		        (SELECT coalesce(max(session_id), 0) FROM sessions)::BIGINT AS base`
	);
	return slot;
}

async function storeDataset(db: Database, plan: ImportPlan, counts: ImportCounts, options: ImportOptions, source: SessionSource) {
	const isDemo = options.isDemo ?? false;
	return db.transaction(async (tx) => {
		const { datasetId: id, base } = await nextSlot(tx);
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
		await storeSessions(tx, plan, source, id, base, options.secret);
		const [{ sessions }] = await tx.query<{ sessions: number }>('SELECT count(*)::INTEGER AS sessions FROM sessions WHERE dataset_id = ?', [
			id
		]);
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
	const checked = await failedRows(db);
	if (reader.length === 0 && checked.length === 0) return [];
	const header = plan.columns.map((c) => c.header);
	const source = await text();
	const spans: RecordSpans = recordSpans(source, readerDialect(plan));
	const extentOf = (line: number) => {
		const index = recordAtLine(spans, line);
		return index < 0 ? undefined : { lastLine: lastLineOf(source, spans, index), toEnd: spans.ends[index] === source.length };
	};
	const readerLines = lineReasons(inFileLines(reader, spans), header, extentOf);

	const rows: RejectedRow[] = [];
	for (const [line, reason] of readerLines) {
		const index = recordAtLine(spans, line);
		rows.push({ line, reason, fields: index >= 0 ? recordFields(source, spans, index, plan.dialect) : [] });
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

/** Each step drops its own temporary tables. */
async function cleanUp(db: Database) {
	await dropReaderTables(db);
	await dropCheckedRows(db);
	await dropSessionTables(db);
	await db.dropFile(FILE).catch(() => undefined);
}

/**
 * A file read and checked, its sessions worked out in temporary tables and nothing stored yet: `save`
 * stores them in one transaction, `discard` drops them. Until either, no other import can start (the
 * temporary tables have fixed names) and nothing else should write datasets or sessions.
 */
export interface StagedImport {
	outcome: ImportOutcome;
	plan: ImportPlan;
	/** The dataset's name in the list. */
	datasetName: string;
	isDemo: boolean;
	/** The sessions to draw from; null when no row is imported. */
	source: SessionSource | null;
	/** The id the dataset will be stored under, and its sessions' base id. */
	slot: Slot;
	/** Stores the sessions (one transaction, then a checkpoint) and drops the temporary tables; the outcome with its dataset id. */
	save(): Promise<ImportOutcome>;
	discard(): Promise<void>;
}

/** Reads, checks and stores one file. */
export async function runImport(db: Database, data: Blob | string, givenPlan: ImportPlan, options: ImportOptions): Promise<ImportOutcome> {
	return (await stageImport(db, data, givenPlan, options)).save();
}

/** Reads and checks one file and works out its sessions, storing nothing (see StagedImport). */
export async function stageImport(db: Database, data: Blob | string, givenPlan: ImportPlan, options: ImportOptions): Promise<StagedImport> {
	// Before/after columns read as visits are stored as visit columns from here on.
	givenPlan = withPairsRead(givenPlan);
	const outcome = await importRead(db, data, givenPlan, options, 'give up');
	if (outcome !== NOT_UTF_8) return done(outcome);
	const bytes = new Uint8Array(await (data as Blob).arrayBuffer());
	// UTF-8 with a few damaged bytes: the rows holding them are rejected, the others imported as they are.
	if (looksLikeUtf8(bytes, false)) return done(await importRead(db, data, givenPlan, options, 'reject rows'));
	// The sample looked like UTF-8 but later bytes are not: a Latin-1 export with its first accent further down.
	const plan = { ...givenPlan, encoding: 'windows-1252' as const };
	return done(await importRead(db, decodeText(bytes, 'windows-1252'), plan, options, 'reject rows'));
}

const NOT_UTF_8 = Symbol('not UTF-8 after all');
const MIXED_LINE_ENDINGS = Symbol('line endings the reader cannot mix');
type Attempt = StagedImport | typeof NOT_UTF_8 | typeof MIXED_LINE_ENDINGS;
/** When the reader meets bytes that are not UTF-8: give up (to try another encoding) or reject their rows. */
type InvalidText = 'give up' | 'reject rows';

const done = (outcome: Attempt): StagedImport => {
	if (typeof outcome === 'symbol') throw new Error(`runImport: unexpected ${outcome.description}`);
	return outcome;
};
const isInvalidText = (r: ReaderReject) => /UNICODE|ENCODING/.test(r.errorType) || /invalid unicode/i.test(r.message);
/** DuckDB's messages go on with a list of its settings; the first line says what happened. */
const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0].trim();

/** Reads the file as the dialect says; a file whose lines end in more than one way is read again with one kind. */
async function importRead(
	db: Database,
	source: Blob | string,
	plan: ImportPlan,
	options: ImportOptions,
	invalidText: InvalidText
): Promise<Attempt> {
	const input = (unifyLineEndings: boolean) => readerInput(source, { ...readerDialect(plan), unifyLineEndings });
	const outcome = await importOnce(db, source, await input(false), plan, options, invalidText, false);
	if (outcome !== MIXED_LINE_ENDINGS) return outcome;
	return importOnce(db, source, await input(true), plan, options, invalidText, true);
}

/**
 * `source` is the file as given (its text gives rejected rows their fields); `input` is what the reader
 * reads: the same, or the same with comment lines blanked and line endings made one kind.
 */
async function importOnce(
	db: Database,
	source: Blob | string,
	input: Blob | string | Uint8Array,
	givenPlan: ImportPlan,
	options: ImportOptions,
	invalidText: InvalidText,
	unifiedLineEndings: boolean
): Promise<Attempt> {
	const problems = planProblems(givenPlan);
	if (problems.length) throw new ImportError(`${givenPlan.fileName}: ${problems.join(' ')}`);
	const step = options.onStep ?? (() => {});
	let staged = false;
	try {
		step('Reading the file');
		await db.registerFile(FILE, input);
		await clearRejects(db);
		let plan = givenPlan;
		let measureNames = new Map<string, string>();
		try {
			({ plan, measureNames } = await completePlan(db, givenPlan));
			await deriveRows(db, FILE, plan, options.secret);
		} catch (error) {
			if (!unifiedLineEndings && /state machine reached an invalid state/i.test(firstLine(error))) return MIXED_LINE_ENDINGS;
			throw new ImportError(`${givenPlan.fileName} could not be read: ${firstLine(error)}`);
		}
		const reader = await readerRejects(db);
		if (invalidText === 'give up' && typeof source !== 'string' && reader.some(isInvalidText)) return NOT_UTF_8;
		const text = async () => (typeof source === 'string' ? source : await source.text());
		if (numbersRows(plan) && reader.length) await numberRowsAsInFile(db, plan, options.secret, await text(), reader);
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

		step('Collecting rejected rows');
		const outcome: ImportOutcome = {
			fileName: plan.fileName,
			datasetId: null,
			sessions: 0,
			header: plan.columns.map((c) => c.header),
			rejectedRows: await rejectedRows(db, plan, text, reader),
			...counts
		};
		step('Gathering sessions');
		const sessionSource = counts.imported > 0 ? await prepareSessions(db, plan, measureNames) : null;
		const slot = await nextSlot(db);
		await db.dropFile(FILE).catch(() => undefined);
		let settled: Promise<ImportOutcome> | null = null;
		const stagedImport: StagedImport = {
			outcome,
			plan,
			datasetName: options.datasetName ?? plan.fileName,
			isDemo: options.isDemo ?? false,
			source: sessionSource,
			slot,
			save: () =>
				(settled ??= (async () => {
					try {
						if (!sessionSource) return outcome;
						step('Storing sessions');
						const stored = await storeDataset(db, plan, counts, options, sessionSource);
						await db.exec('CHECKPOINT');
						return { ...outcome, datasetId: stored.id, sessions: stored.sessions };
					} finally {
						await cleanUp(db);
					}
				})()),
			discard: async () => {
				if (!settled) settled = cleanUp(db).then(() => outcome);
				await settled.catch(() => undefined);
			}
		};
		staged = true;
		return stagedImport;
	} finally {
		if (!staged) await cleanUp(db);
	}
}
