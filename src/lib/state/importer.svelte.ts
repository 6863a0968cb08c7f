import { getContext, setContext } from 'svelte';
import type { Database } from '../db/database';
import { importData } from '../ingest/decode';
import { memoryProblem, sizeProblem } from '../ingest/file-size';
import type { Preview } from '../ingest/sniff';
import { previewFile } from '../ingest/preview-file';
import type { ImportPlan } from '../ingest/plan';
import { applyEdit, type PlanEdit } from '../ingest/plan-edits';
import { describeCounts, ImportError, planProblems, runImport, type ImportOutcome } from '../ingest/run-import';
import { pseudonymKey } from '../ingest/pseudonym-key';

export const IMPORT_STEPS = ['Reading the file', 'Checking every row', 'Storing sessions', 'Collecting rejected rows'];

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

/** Drop → preview → confirm → import. The database and the dashboard's refresh come in as functions. */
export class Importer {
	pending = $state<PendingFile[]>([]);
	progress = $state<ImportProgress | null>(null);
	outcomes = $state<ImportOutcome[]>([]);
	alert = $state<string | null>(null);

	readonly busy = $derived(this.progress !== null);
	readonly status = $derived(this.outcomes.map((o) => `${o.fileName}: ${describeCounts(o)}`));

	constructor(
		private readonly database: () => Promise<Database>,
		private readonly afterImport: () => Promise<void>
	) {}

	async addFiles(files: Iterable<File>): Promise<void> {
		this.alert = null;
		const problems: string[] = [];
		for (const file of files) {
			const tooLarge = sizeProblem(file.name, file.size);
			if (tooLarge) {
				problems.push(tooLarge);
				continue;
			}
			try {
				const { plan, preview } = await previewFile(file);
				this.pending.push(new PendingFile(file, plan, preview));
			} catch (error) {
				problems.push(error instanceof Error ? error.message : String(error));
			}
		}
		if (problems.length) this.alert = problems.join(' ');
	}

	discard(file: PendingFile) {
		this.pending = this.pending.filter((p) => p !== file);
	}

	async importAll(): Promise<void> {
		const files = [...this.pending];
		if (files.length === 0) return;
		this.alert = null;
		this.outcomes = [];
		const problems: string[] = [];
		try {
			const db = await this.database();
			const secret = await pseudonymKey(db);
			for (const [i, pending] of files.entries()) {
				const report = (step: string) => {
					const within = Math.max(0, IMPORT_STEPS.indexOf(step)) / IMPORT_STEPS.length;
					this.progress = { file: pending.file.name, fileNumber: i + 1, files: files.length, step, fraction: (i + within) / files.length };
				};
				report(IMPORT_STEPS[0]);
				try {
					const data = await importData(pending.file, pending.plan.encoding);
					const outcome = await runImport(db, data, $state.snapshot(pending.plan) as ImportPlan, { secret, onStep: report });
					this.outcomes.push(outcome);
					this.discard(pending);
				} catch (error) {
					problems.push(
						error instanceof ImportError
							? error.message
							: (memoryProblem(pending.file.name, error) ?? `${pending.file.name}: ${error instanceof Error ? error.message : String(error)}`)
					);
				}
			}
			this.progress = { file: '', fileNumber: files.length, files: files.length, step: 'Redrawing the charts', fraction: 1 };
			await this.afterImport();
		} finally {
			this.progress = null;
			if (problems.length) this.alert = `Nothing was stored from: ${problems.join(' ')}`;
		}
	}
}

const KEY = Symbol('importer');
export const setImporter = (importer: Importer) => setContext(KEY, importer);
export const getImporter = () => getContext<Importer>(KEY);
