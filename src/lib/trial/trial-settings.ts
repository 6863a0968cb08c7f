/**
 * The trial view's own settings, beside the dashboard's filters in the URL: the follow-up the main
 * contrast uses, the analysis population, and the value whose reach is counted (pain ≤ 1).
 */
import type { MeasureInfo } from '../metrics/measure-info';

export type Population = 'complete' | 'bocf';

export interface TrialSettings {
	/** The follow-up visit of the headline contrast; null for the last one. */
	followUp: number | null;
	population: Population;
	/** The value an arm's share reaches (at or below it when lower is better, at or above otherwise); null for the default. */
	reach: number | null;
}

export const DEFAULT_TRIAL_SETTINGS: TrialSettings = { followUp: null, population: 'complete', reach: null };

export const POPULATION_WORDS: Record<Population, string> = {
	complete: 'complete cases: clients with a value at baseline and at the follow-up',
	bocf: 'everyone with a baseline value: a missing follow-up taken as no change from baseline for means and models (baseline observation carried forward), and as not reaching the value for shares'
};

export function trialSettingsFromSearch(search: URLSearchParams): TrialSettings {
	const number = (key: string) => {
		const v = search.get(key);
		return v !== null && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
	};
	const followUp = number('fu');
	return {
		followUp: followUp !== null && Number.isInteger(followUp) ? followUp : null,
		population: search.get('pop') === 'bocf' ? 'bocf' : 'complete',
		reach: number('reach')
	};
}

export function trialSettingsToSearch(settings: TrialSettings, search = new URLSearchParams()): URLSearchParams {
	if (settings.followUp !== null) search.set('fu', String(settings.followUp));
	if (settings.population !== 'complete') search.set('pop', settings.population);
	if (settings.reach !== null) search.set('reach', String(settings.reach));
	return search;
}

/**
 * The default value to reach: a tenth of the scale from its best end (pain 0–10: 1 or less, the trials' "pain-free
 * or nearly"); none for a measure without a declared scale.
 */
export function defaultReach(
	measure: Pick<MeasureInfo, 'direction'> & { scaleMin: number | null; scaleMax: number | null }
): number | null {
	if (measure.scaleMin === null || measure.scaleMax === null) return null;
	const tenth = (measure.scaleMax - measure.scaleMin) / 10;
	return measure.direction === 'lower' ? measure.scaleMin + tenth : measure.scaleMax - tenth;
}
