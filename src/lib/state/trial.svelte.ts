import { getContext, setContext } from 'svelte';
import type { Database } from '../db/database';
import type { Filters } from '../metrics/filters';
import { measureInfo } from '../metrics/measure-info';
import { trialData } from '../trial/trial-data';
import { trialView, type TrialView } from '../trial/trial-view';
import { defaultReach, type TrialSettings } from '../trial/trial-settings';

/** The trial view for the filters and its settings, read from the database when either changes. */
export class Trial {
	view = $state.raw<TrialView | null>(null);
	loading = $state(false);
	error = $state<string | null>(null);
	private generation = 0;

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
}

const KEY = Symbol('trial');
export const setTrial = (trial: Trial) => setContext(KEY, trial);
export const getTrial = () => getContext<Trial>(KEY);
