import { readFileSync } from 'node:fs';
import type { Database } from '../db/database';
import { ImportError, planProblems, runImport, type ImportOutcome } from '../ingest/run-import';
import { guessPlan } from '../ingest/guess-plan';
import { sniffDialect, previewRows, type Preview } from '../ingest/sniff';
import { previewFile } from '../ingest/preview-file';
import { importData } from '../ingest/decode';
import type { ImportPlan } from '../ingest/plan';

/** The plan the importer would guess for an inline CSV, as the preview shows it before any change. */
export function planFor(csv: string, fileName = 'fixture.csv'): ImportPlan {
	const dialect = sniffDialect(csv);
	return guessPlan({ fileName, encoding: 'utf-8', dialect, preview: previewRows(csv, dialect, 50) });
}

/** Imports an inline CSV (test fixture) through the same path real files take. */
export async function loadCsv(db: Database, csv: string, change: (plan: ImportPlan) => void = () => {}, fileName = 'fixture.csv') {
	const plan = planFor(csv, fileName);
	change(plan);
	return runImport(db, csv, plan, { secret: 'test-secret' });
}

/** A file of tests/fixtures/ as the browser hands it to the importer. */
export function fixtureFile(name: string): File {
	return new File([readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url))], name);
}

/** How a dropped file ends: refused at the preview, held back by the plan's problems, refused at import, or imported. */
export type FileEnding =
	| { ending: 'preview error'; message: string }
	| { ending: 'plan problems'; plan: ImportPlan; preview: Preview; problems: string[] }
	| { ending: 'import error'; plan: ImportPlan; preview: Preview; message: string }
	| { ending: 'imported'; plan: ImportPlan; preview: Preview; outcome: ImportOutcome };

/**
 * A file as the browser importer takes it (state/importer.svelte.ts): its bytes previewed, the guessed plan
 * taken as it is or as `change` makes it (what a user changes in the preview; the import button stays off
 * while the plan has problems), then the file, or its decoded text, imported. Any error that is not an
 * ImportError is thrown: a bug.
 */
export async function importFile(db: Database, file: File, change: (plan: ImportPlan) => void = () => {}): Promise<FileEnding> {
	let previewed;
	try {
		previewed = await previewFile(file);
	} catch (error) {
		if (error instanceof ImportError) return { ending: 'preview error', message: error.message };
		throw error;
	}
	const { plan, preview } = previewed;
	change(plan);
	const problems = planProblems(plan);
	if (problems.length) return { ending: 'plan problems', plan, preview, problems };
	try {
		const outcome = await runImport(db, await importData(file, plan.encoding), plan, { secret: 'test-secret' });
		return { ending: 'imported', plan, preview, outcome };
	} catch (error) {
		if (error instanceof ImportError) return { ending: 'import error', plan, preview, message: error.message };
		throw error;
	}
}
