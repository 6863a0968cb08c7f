import { getContext, setContext } from 'svelte';
import type { Database } from '../db/database';
import type { Filters } from '../metrics/filters';
import { consoleCsv, runConsole, type ConsoleResult } from '../console/run-console';
import { EXAMPLE_QUERIES } from '../console/example-queries';
import { exportTableFile, tableFile, type FileFormat, type FileToSave } from '../export/files';
import { exportSessions, exportSessionsCsv, type ExportOptions } from '../anonymise/export-sessions';
import { kAnonymity, type KAnonymity } from '../anonymise/k-anonymity';
import { quasiIdentifierChoices, type QuasiIdentifierChoice } from '../anonymise/quasi-identifiers';
import { extraNames } from '../anonymise/extra-names';

/** Rows the console shows; an export takes them all. */
export const SHOWN_ROWS = 200;

/** The researcher's workspace: the SQL console, the re-identification check and the dataset export. */
export class Research {
	sql = $state(EXAMPLE_QUERIES[0].sql);
	result = $state<ConsoleResult | null>(null);
	running = $state(false);

	choices = $state<QuasiIdentifierChoice[]>([]);
	extras = $state<string[]>([]);
	/** Labels of the chosen quasi-identifiers. */
	chosen = $state<string[]>(['Clinic', 'Condition', 'First-visit month']);
	check = $state<KAnonymity | null>(null);
	checking = $state(false);
	options = $state<ExportOptions>({ pseudonymise: true, shiftDates: false, extras: [] });
	exporting = $state(false);
	problem = $state<string | null>(null);

	constructor(private readonly openDatabase: () => Promise<Database>) {}

	run = async (): Promise<void> => {
		this.running = true;
		try {
			this.result = await runConsole(await this.openDatabase(), this.sql, { maxRows: SHOWN_ROWS });
		} finally {
			this.running = false;
		}
	};

	/** The whole result of the query on screen, as CSV or Parquet. */
	async resultFile(format: FileFormat): Promise<FileToSave | null> {
		const shown = this.result;
		if (!shown || !('columns' in shown)) return null;
		if (format === 'csv') {
			const written = await consoleCsv(await this.openDatabase(), this.sql);
			if (written instanceof Uint8Array) return { name: 'query-result.csv', data: written, type: 'text/csv;charset=utf-8' };
			if (written !== null) {
				this.result = written;
				return null;
			}
		}
		const all = shown.truncated ? await runConsole(await this.openDatabase(), this.sql, { maxRows: shown.total }) : shown;
		if (!('columns' in all)) {
			this.result = all;
			return null;
		}
		return tableFile(all.columns, all.rows, format, 'query-result');
	}

	/** What can be picked as quasi-identifiers, and which extras can be exported: after each change of data. */
	async loadChoices(): Promise<void> {
		const db = await this.openDatabase();
		[this.choices, this.extras] = await Promise.all([quasiIdentifierChoices(db), extraNames(db)]);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a look-up made and read at once, not state
		const known = new Set(this.choices.map((c) => c.label));
		this.chosen = this.chosen.filter((label) => known.has(label));
	}

	async runCheck(filters: Filters): Promise<void> {
		this.checking = true;
		try {
			const identifiers = this.choices.filter((c) => this.chosen.includes(c.label)).map((c) => c.identifier);
			this.check = await kAnonymity(await this.openDatabase(), filters, identifiers);
		} catch (error) {
			this.problem = error instanceof Error ? error.message : String(error);
		} finally {
			this.checking = false;
		}
	}

	/** The filtered sessions as a file, with the options chosen. */
	async datasetFile(filters: Filters, format: FileFormat): Promise<FileToSave | null> {
		this.exporting = true;
		this.problem = null;
		try {
			const db = await this.openDatabase();
			const options = $state.snapshot(this.options) as ExportOptions;
			// CSV is written by DuckDB itself; Parquet is written in JavaScript (there is no Parquet extension here).
			if (format === 'csv')
				return { name: 'sessions.csv', data: await exportSessionsCsv(db, filters, options), type: 'text/csv;charset=utf-8' };
			return await exportTableFile(await exportSessions(db, filters, options), format);
		} catch (error) {
			this.problem = error instanceof Error ? error.message : String(error);
			return null;
		} finally {
			this.exporting = false;
		}
	}
}

const KEY = Symbol('research');
export const setResearch = (research: Research) => setContext(KEY, research);
export const getResearch = () => getContext<Research>(KEY);
