import { getContext, setContext } from 'svelte';
import type { Database } from '../db/database';
import { loadDemoClinic } from '../demo/load-demo';
import { hasAnyDataset, storedData, type StoredData } from '../metrics/overview';
import { painByTechniqueAndCondition, romByTechniqueAndMovement, type WithinSessionChart } from '../metrics/within-session';
import { frequencyByTechniqueAndCondition, type FrequencyRow } from '../metrics/session-frequency';
import { DEFAULT_MIN_CLIENTS } from '../metrics/settings';
import { deleteDataset, listDatasets, setActive, showDemo, type StoredDataset } from '../datasets/stored-datasets';

export type LoadStatus = 'opening' | 'loading demo' | 'ready' | 'failed';

/** What the dashboard shows, read from the database. The database comes in as a function so this tests in Node. */
export class Dashboard {
	status = $state<LoadStatus>('opening');
	error = $state<string | null>(null);
	stored = $state<StoredData | null>(null);
	datasets = $state<StoredDataset[]>([]);
	persistent = $state(false);
	pain = $state<WithinSessionChart | null>(null);
	rom = $state<WithinSessionChart | null>(null);
	frequency = $state<FrequencyRow[]>([]);
	minClients = $state(DEFAULT_MIN_CLIENTS);

	readonly isDemo = $derived(this.stored?.demoOnly ?? false);

	private db: Database | undefined;

	constructor(private readonly openDatabase: () => Promise<Database>) {}

	async start(): Promise<void> {
		try {
			this.db = await this.openDatabase();
			this.persistent = this.db.persistent;
			if (!(await hasAnyDataset(this.db))) {
				this.status = 'loading demo';
				await loadDemoClinic(this.db);
			}
			await this.refresh();
			this.status = 'ready';
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
			this.status = 'failed';
		}
	}

	async refresh(): Promise<void> {
		const db = this.db;
		if (!db) return;
		const [stored, datasets, pain, rom, frequency] = await Promise.all([
			storedData(db),
			listDatasets(db),
			painByTechniqueAndCondition(db),
			romByTechniqueAndMovement(db),
			frequencyByTechniqueAndCondition(db)
		]);
		this.stored = stored;
		this.datasets = datasets;
		this.pain = pain;
		this.rom = rom;
		this.frequency = frequency;
	}

	private async change(work: (db: Database) => Promise<void>) {
		if (!this.db) return;
		await work(this.db);
		await this.refresh();
	}

	setActive = (id: number, active: boolean) => this.change((db) => setActive(db, id, active));
	deleteDataset = (id: number) => this.change((db) => deleteDataset(db, id));
	showDemo = () => this.change((db) => showDemo(db));
}

const KEY = Symbol('dashboard');
export const setDashboard = (dashboard: Dashboard) => setContext(KEY, dashboard);
export const getDashboard = () => getContext<Dashboard>(KEY);
