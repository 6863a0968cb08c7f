import { getContext, setContext } from 'svelte';
import type { Database } from '../db/database';
import { importData } from '../ingest/decode';
import { memoryProblem, sizeProblem } from '../ingest/file-size';
import type { Preview } from '../ingest/sniff';
import { previewFile } from '../ingest/preview-file';
import type { ImportPlan } from '../ingest/plan';
import { applyEdit, type PlanEdit } from '../ingest/plan-edits';
import { describeCounts, ImportError, planProblems, stageImport, type ImportOutcome, type StagedImport } from '../ingest/run-import';
import { clearImportNote, interruptedImport, noteImport, pageStorage, takeImportNote, type Interrupted } from '../ingest/import-note';
import { pseudonymKey } from '../ingest/pseudonym-key';
import { rehearseImport } from './rehearse-import';
import { whenIdle } from './when-idle';
import { holdOffline } from '../offline/register-offline';

/** After the dashboard has drawn, before a first import is rehearsed (`Importer.rehearse`): before the offline cache. */
const REHEARSAL_DELAY_MS = 2000;

/**
 * The page has one database, and each visit to the dashboard its own Importer: imports, their saves and the
 * rehearsal take turns whichever Importer started them (their temporary tables have fixed names, ids are
 * taken one at a time).
 */
const turns = {
	/** The last import's save, or the rehearsal: the next import waits for it. */
	last: Promise.resolve() as Promise<unknown>,
	rehearsal: null as AbortController | null,
	/** Rehearsed once a page, and only before any file is dropped. */
	rehearsed: false,
	dropped: false
};

export const IMPORT_STEPS = [
	'Reading the file',
	'Checking every row',
	'Collecting rejected rows',
	'Gathering sessions',
	'Storing sessions'
];

/** A file the user dropped, waiting for them to check its columns. */
export class PendingFile {
	plan = $state() as ImportPlan;
	readonly problems = $derived(planProblems(this.plan));

	constructor(
		readonly file: File,
		plan: ImportPlan,
		readonly preview: Preview
	) {
		this.plan = plan;
	}

	/** A change the user made in the preview (ingest/plan-edits.ts). */
	edit(change: PlanEdit) {
		this.plan = applyEdit($state.snapshot(this.plan) as ImportPlan, change);
	}
}

export interface ImportProgress {
	file: string;
	fileNumber: number;
	files: number;
	step: string;
	/** 0–1 over all files and steps. */
	fraction: number;
}

/** Where an import is shown: the dashboard. */
export interface ImportTarget {
	/** Draws the analysed data with `staged`, not yet stored; calls `read` once nothing more is read from the database. */
	show(staged: StagedImport, read: () => void): Promise<void>;
	/** Draws the analysed data as stored. */
	refresh(): Promise<void>;
	/** What reads or writes the stored data waits until `done` settles. */
	storing(done: Promise<unknown>): void;
}

/** The last file's save, after its charts: "Saving…", then "Saved". */
export interface Saving {
	file: string;
	saved: boolean;
}

/**
 * Drop → preview → confirm → import. Every file but the last is stored before the next is read; the last
 * is drawn from memory first and stored after, the page saying so. The database and the dashboard come
 * in as functions.
 */
export class Importer {
	pending = $state<PendingFile[]>([]);
	progress = $state<ImportProgress | null>(null);
	outcomes = $state<ImportOutcome[]>([]);
	alert = $state<string | null>(null);
	saving = $state<Saving | null>(null);
	/** An import a reload or a closed page cut short, and whether it got stored. */
	interrupted = $state<Interrupted | null>(null);

	readonly busy = $derived(this.progress !== null);
	readonly status = $derived(this.outcomes.map((o) => `${o.fileName}: ${describeCounts(o)}`));

	private readonly notes = pageStorage();

	constructor(
		private readonly database: () => Promise<Database>,
		private readonly target: ImportTarget
	) {}

	/** Says what became of an import the last page did not finish. */
	async recall(): Promise<void> {
		const note = takeImportNote(this.notes);
		if (!note) return;
		this.interrupted = await interruptedImport(await this.database(), note);
	}

	/** The offline cache is installed once no file is being previewed or imported (offline/register-offline.ts). */
	addFiles(files: Iterable<File>): Promise<void> {
		turns.dropped = true;
		const previewed = this.preview(files);
		holdOffline(previewed);
		return previewed;
	}

	importAll(): Promise<void> {
		const imported = this.importFiles();
		holdOffline(imported.then(() => turns.last));
		return imported;
	}

	private async preview(files: Iterable<File>): Promise<void> {
		this.alert = null;
		const problems: string[] = [];
		// Said as each file is refused, not once all are previewed: many files take a while.
		const refuse = (problem: string) => {
			problems.push(problem);
			this.alert = problems.join(' ');
		};
		for (const file of files) {
			const tooLarge = sizeProblem(file.name, file.size);
			if (tooLarge) {
				refuse(tooLarge);
				continue;
			}
			try {
				const { plan, preview } = await previewFile(file);
				this.pending.push(new PendingFile(file, plan, preview));
			} catch (error) {
				refuse(error instanceof Error ? error.message : String(error));
			}
		}
	}

	/**
	 * Once a page, a while after the dashboard has drawn, in idle time, if no file has been dropped: made-up
	 * sessions read and dropped (rehearse-import.ts), so that the user's first import runs on compiled code.
	 * Started as the charts drew, it slowed a file dropped at once (2.2–3.1 s to its charts, against 1.5–2.1 s
	 * without). An import confirmed while it runs stops it at its next step; the offline cache waits for it.
	 */
	rehearse(): void {
		setTimeout(
			() =>
				whenIdle(() => {
					if (turns.rehearsed || turns.dropped) return;
					turns.rehearsed = true;
					const rehearsal = (turns.rehearsal = new AbortController());
					turns.last = turns.last.then(async () => rehearseImport(await this.database(), rehearsal.signal)).catch(() => undefined);
					holdOffline(turns.last);
				}),
			REHEARSAL_DELAY_MS
		);
	}

	discard(file: PendingFile) {
		this.pending = this.pending.filter((p) => p !== file);
	}

	private async importFiles(): Promise<void> {
		const files = [...this.pending];
		if (files.length === 0) return;
		this.alert = null;
		this.interrupted = null;
		const problems: string[] = [];
		let shown = false;
		try {
			const db = await this.database();
			if (this.saving && !this.saving.saved) {
				this.progress = {
					file: this.saving.file,
					fileNumber: 0,
					files: files.length,
					step: 'Waiting until the last import is saved',
					fraction: 0
				};
			} else this.progress = { file: files[0].file.name, fileNumber: 1, files: files.length, step: IMPORT_STEPS[0], fraction: 0 };
			turns.rehearsal?.abort();
			await turns.last;
			this.outcomes = [];
			this.saving = null;
			const secret = await pseudonymKey(db);
			let last: StagedImport | null = null;
			for (const [i, pending] of files.entries()) {
				const report = (step: string) => {
					const within = Math.max(0, IMPORT_STEPS.indexOf(step)) / IMPORT_STEPS.length;
					this.progress = { file: pending.file.name, fileNumber: i + 1, files: files.length, step, fraction: (i + within) / files.length };
				};
				report(IMPORT_STEPS[0]);
				// The file before is stored before this one is read.
				if (last) {
					const previous = last;
					last = null;
					try {
						this.outcomes.push(await this.store(previous));
					} catch (error) {
						problems.push(`${previous.outcome.fileName}: ${error instanceof Error ? error.message : String(error)}`);
					}
				}
				try {
					noteImport(this.notes, { fileName: pending.file.name, datasetId: null });
					const data = await importData(pending.file, pending.plan.encoding);
					last = await stageImport(db, data, $state.snapshot(pending.plan) as ImportPlan, { secret, onStep: report });
					this.discard(pending);
				} catch (error) {
					clearImportNote(this.notes);
					problems.push(
						error instanceof ImportError
							? error.message
							: (memoryProblem(pending.file.name, error) ??
									`${pending.file.name}: ${error instanceof Error ? error.message : String(error)}`)
					);
				}
			}
			this.progress = { file: '', fileNumber: files.length, files: files.length, step: 'Drawing the charts', fraction: 1 };
			if (last?.source) {
				const staged = last;
				this.outcomes.push(staged.outcome);
				let saving: Promise<unknown> | null = null;
				const save = () => (saving ??= this.saveAfterCharts(staged));
				try {
					await this.target.show(staged, save);
				} finally {
					save();
				}
				shown = true;
			} else if (last) {
				// Nothing to draw (every row a duplicate or rejected): nothing to store either.
				this.outcomes.push(await this.store(last));
			}
			if (!shown) await this.target.refresh();
		} finally {
			this.progress = null;
			if (problems.length) this.alert = `Nothing was stored from: ${problems.join(' ')}`;
		}
	}

	/** Stores a file before the next is read. */
	private async store(staged: StagedImport): Promise<ImportOutcome> {
		noteImport(this.notes, { fileName: staged.outcome.fileName, datasetId: staged.source ? staged.slot.datasetId : null });
		try {
			return await staged.save();
		} finally {
			clearImportNote(this.notes);
		}
	}

	/** Stores the file the charts already show, saying so; a failure stores nothing and redraws what is stored. */
	private saveAfterCharts(staged: StagedImport): Promise<unknown> {
		const file = staged.outcome.fileName;
		this.saving = { file, saved: false };
		noteImport(this.notes, { fileName: file, datasetId: staged.slot.datasetId });
		const done = staged.save().then(
			(outcome) => {
				clearImportNote(this.notes);
				this.outcomes = this.outcomes.map((o) => (o === staged.outcome ? outcome : o));
				this.saving = { file, saved: true };
			},
			async (error) => {
				clearImportNote(this.notes);
				this.saving = null;
				this.alert = `${file} could not be saved, so nothing of it was stored: ${error instanceof Error ? error.message : String(error)}. Import it again.`;
				// Not awaited: the refresh reads the stored data once this save has settled.
				void this.target.refresh();
			}
		);
		turns.last = done;
		this.target.storing(done);
		return done;
	}
}

const KEY = Symbol('importer');
export const setImporter = (importer: Importer) => setContext(KEY, importer);
export const getImporter = () => getContext<Importer>(KEY);
