import { getContext, setContext } from 'svelte';
import type { Database } from '../db/database';
import { loadDemoClinic } from '../demo/load-demo';
import { storedData, type StoredData } from '../metrics/overview';
import {
	painByTechniqueAndCondition,
	romByTechniqueAndMovement,
	type WithinSessionChart
} from '../metrics/within-session';
import { frequencyByTechniqueAndCondition, type FrequencyRow } from '../metrics/session-frequency';
import { DEFAULT_MIN_CLIENTS } from '../metrics/settings';

export type LoadStatus = 'opening' | 'loading demo' | 'ready' | 'failed';

/** What the dashboard shows, read from the database. The database comes in as a function so this tests in Node. */
export class Dashboard {
	status = $state<LoadStatus>('opening');
	error = $state<string | null>(null);
	stored = $state<StoredData | null>(null);
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
			if ((await storedData(this.db)).datasets === 0) {
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
		const [stored, pain, rom, frequency] = await Promise.all([
			storedData(db),
			painByTechniqueAndCondition(db),
			romByTechniqueAndMovement(db),
			frequencyByTechniqueAndCondition(db)
		]);
		this.stored = stored;
		this.pain = pain;
		this.rom = rom;
		this.frequency = frequency;
	}
}

const KEY = Symbol('dashboard');
export const setDashboard = (dashboard: Dashboard) => setContext(KEY, dashboard);
export const getDashboard = () => getContext<Dashboard>(KEY);
