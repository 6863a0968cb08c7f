/**
 * What the analysis is narrowed to. Lives in the URL (filters-url.ts), so a view can be bookmarked and shared
 * (the data itself stays in the browser); reaches SQL through filter-sql.ts, its values only as bound parameters.
 */
import { DEFAULT_MIN_CLIENTS } from './settings';

export type GroupBy = 'technique' | 'therapist' | 'clinic';

export interface Filters {
	from: string | null;
	to: string | null;
	clinics: string[];
	therapists: string[];
	techniques: string[];
	conditions: string[];
	/** The outcome measure the effect charts show. */
	measure: string;
	/** What the rows of the comparisons are: the main technique, or the therapist, or the clinic. */
	by: GroupBy;
	/** The group the others are compared with; null for the default (a control or usual-care group, else the largest). */
	reference: string | null;
	minClients: number;
	/** The meaningful change for responders, when the user overrides the measure's default. */
	mcidPoints: number | null;
	mcidPercent: number | null;
}

export const DEFAULT_FILTERS: Filters = {
	from: null,
	to: null,
	clinics: [],
	therapists: [],
	techniques: [],
	conditions: [],
	measure: 'pain_nprs',
	by: 'technique',
	reference: null,
	minClients: DEFAULT_MIN_CLIENTS,
	mcidPoints: null,
	mcidPercent: null
};
