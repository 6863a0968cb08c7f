import { getContext, setContext } from 'svelte';
import type { Database } from '../db/database';
import type { Filters } from '../metrics/filters';
import { measureInfo } from '../metrics/measure-info';
import { trialData } from '../trial/trial-data';
import { trialView, type TrialView } from '../trial/trial-view';
import { defaultReach, type TrialSettings } from '../trial/trial-settings';
import { tableOne, type TableOne } from '../baseline/table-one';

/** The trial view and Table 1 for the filters and the view's settings, read from the database when either changes. */
export class Trial {
	view = $state.raw<TrialView | null>(null);
	table = $state.raw<TableOne | null>(null);
	loading = $state(false);
	tableLoading = $state(false);
	error = $state<string | null>(null);
	private generation = 0;
	private tableGeneration = 0;

	constructor(private readonly openDatabase: () => Promise<Database>) {}

	/** `usualReference`: the dashboard's default reference group, used when the filters choose none. */
	async show(filters: Filters, settings: TrialSettings, usualReference: string | null = null): Promise<void> {
		const generation = ++this.generation;
		this.loading = true;
		try {
			const db = await this.openDatabase();
			const measure = await measureInfo(db, filters.measure);
			const reach = settings.reach ?? defaultReach(measure);
			const data = await trialData(db, filters, { population: settings.population, reach, lowerIsBetter: measure.direction === 'lower' });
			if (generation !== this.generation) return;
			this.view = trialView({
				data,
				measure,
				population: settings.population,
				reach,
				followUp: settings.followUp,
				reference: filters.reference,
				usualReference,
				minClients: filters.minClients
			});
			this.error = null;
		} catch (error) {
			if (generation === this.generation) this.error = error instanceof Error ? error.message : String(error);
		} finally {
			if (generation === this.generation) this.loading = false;
		}
	}

	/** Table 1, and the trial view when `withView`: what the trial page and the report show. */
	follow(filters: Filters, settings: TrialSettings, usualReference: string | null, withView: boolean): void {
		this.showTable(filters);
		if (withView) this.show(filters, settings, usualReference);
	}

	/** Table 1: baseline characteristics by the filters' grouping. */
	async showTable(filters: Filters): Promise<void> {
		const generation = ++this.tableGeneration;
		this.tableLoading = true;
		try {
			const table = await tableOne(await this.openDatabase(), filters);
			if (generation === this.tableGeneration) this.table = table;
		} catch (error) {
			if (generation === this.tableGeneration) this.error = error instanceof Error ? error.message : String(error);
		} finally {
			if (generation === this.tableGeneration) this.tableLoading = false;
		}
	}
}

const KEY = Symbol('trial');
export const setTrial = (trial: Trial) => setContext(KEY, trial);
export const getTrial = () => getContext<Trial>(KEY);
