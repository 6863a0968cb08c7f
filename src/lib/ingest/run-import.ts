/**
 * One file, from bytes to stored sessions, in the steps a user would name: the plan checked, the file read (and
 * decoded), every row checked, the rejected rows collected, the sessions gathered in temporary tables (the page
 * can draw them at once: stageImport), then stored in one transaction (StagedImport.save). Every row read ends up
 * imported, rejected (with reasons) or a duplicate; a failure anywhere, or a page closed before the transaction
 * commits, leaves the stored data as they were. Each step drops its own temporary tables.
 */
import type { Database } from '../db/database';
import type { ImportPlan } from './plan';
import { countFates, markDuplicates } from './check-rows';
import { dropSessionTables, prepareSessions, type SessionSource } from './store-sessions';
import { withPairsRead } from './trial-reading';
import { dropReadTables, readFile, releaseFile } from './read-file';
import { collectRejectedRows } from './collect-rejected';
import { nextSlot, storeDataset, type Slot } from './store-dataset';
import { planProblems } from './plan-problems';
import { ImportError, type ImportCounts, type ImportOptions, type ImportOutcome } from './import-outcome';

export { ImportError, describeCounts, type ImportCounts, type ImportOptions, type ImportOutcome } from './import-outcome';
export { planProblems } from './plan-problems';

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
	const planned = withPairsRead(givenPlan);
	const problems = planProblems(planned);
	if (problems.length) throw new ImportError(`${planned.fileName}: ${problems.join(' ')}`);
	const step = options.onStep ?? (() => {});
	try {
		step('Reading the file');
		const read = await readFile(db, data, planned, options);
		const { plan } = read;

		step('Checking every row');
		await markDuplicates(db);
		const fates = await countFates(db);
		const readerRejected = new Set(read.reader.map((r) => r.line)).size;
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
			rejectedRows: await collectRejectedRows(db, plan, read.text, read.reader),
			...counts
		};

		step('Gathering sessions');
		const source = counts.imported > 0 ? await prepareSessions(db, plan, read.measureNames) : null;
		const slot = await nextSlot(db);
		await releaseFile(db);
		return staged(db, { outcome, plan, counts, source, slot }, options);
	} catch (error) {
		await cleanUp(db);
		throw error;
	}
}

/** The store step, for later: `save` stores the sessions in one transaction, `discard` drops them. */
function staged(
	db: Database,
	{
		outcome,
		plan,
		counts,
		source,
		slot
	}: { outcome: ImportOutcome; plan: ImportPlan; counts: ImportCounts; source: SessionSource | null; slot: Slot },
	options: ImportOptions
): StagedImport {
	const step = options.onStep ?? (() => {});
	let settled: Promise<ImportOutcome> | null = null;
	return {
		outcome,
		plan,
		datasetName: options.datasetName ?? plan.fileName,
		isDemo: options.isDemo ?? false,
		source,
		slot,
		save: () =>
			(settled ??= (async () => {
				try {
					if (!source) return outcome;
					step('Storing sessions');
					const stored = await storeDataset(db, plan, counts, options, source);
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
}

async function cleanUp(db: Database) {
	await dropReadTables(db);
	await dropSessionTables(db);
}
