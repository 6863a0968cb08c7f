/**
 * What the analysis is narrowed to. Lives in the URL, so a view can be bookmarked and shared
 * (the data itself stays in the browser). Values reach SQL only as bound parameters.
 */
import type { SqlParam } from '../db/database';
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const positive = (v: string | null) => (v !== null && v.trim() !== '' && Number(v) > 0 ? Number(v) : null);
const LISTS = { clinic: 'clinics', therapist: 'therapists', technique: 'techniques', condition: 'conditions' } as const;

export function filtersFromSearch(search: URLSearchParams): Filters {
	const date = (key: string) => {
		const v = search.get(key);
		return v && ISO_DATE.test(v) ? v : null;
	};
	const by = search.get('by');
	const min = Number(search.get('min'));
	const filters: Filters = {
		...DEFAULT_FILTERS,
		from: date('from'),
		to: date('to'),
		measure: search.get('measure') || DEFAULT_FILTERS.measure,
		by: by === 'therapist' || by === 'clinic' ? by : 'technique',
		reference: search.get('ref') || null,
		minClients: Number.isInteger(min) && min >= 1 ? min : DEFAULT_MIN_CLIENTS,
		mcidPoints: positive(search.get('mcid')),
		mcidPercent: positive(search.get('mcidpct'))
	};
	for (const [param, key] of Object.entries(LISTS)) filters[key] = search.getAll(param).filter(Boolean);
	return filters;
}

export function filtersToSearch(filters: Filters): URLSearchParams {
	const search = new URLSearchParams();
	if (filters.from) search.set('from', filters.from);
	if (filters.to) search.set('to', filters.to);
	for (const [param, key] of Object.entries(LISTS)) for (const v of filters[key]) search.append(param, v);
	if (filters.measure !== DEFAULT_FILTERS.measure) search.set('measure', filters.measure);
	if (filters.by !== 'technique') search.set('by', filters.by);
	if (filters.reference !== null) search.set('ref', filters.reference);
	if (filters.minClients !== DEFAULT_MIN_CLIENTS) search.set('min', String(filters.minClients));
	if (filters.mcidPoints !== null) search.set('mcid', String(filters.mcidPoints));
	if (filters.mcidPercent !== null) search.set('mcidpct', String(filters.mcidPercent));
	return search;
}

export interface Where {
	sql: string;
	params: SqlParam[];
}

/**
 * Conditions on a session `s` joined to its client `c` (for the main technique). Sessions without a date
 * are kept when no date range is set, and left out when one is.
 */
export function sessionWhere(filters: Filters): Where {
	const parts: string[] = ['true'];
	const params: SqlParam[] = [];
	if (filters.from) {
		parts.push('s.session_date >= CAST(? AS DATE)');
		params.push(filters.from);
	}
	if (filters.to) {
		parts.push('s.session_date <= CAST(? AS DATE)');
		params.push(filters.to);
	}
	const among = (column: string, values: string[]) => {
		if (values.length === 0) return;
		parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
		params.push(...values);
	};
	among('s.clinic', filters.clinics);
	among('s.therapist', filters.therapists);
	among('c.main_technique', filters.techniques);
	among('s.condition', filters.conditions);
	return { sql: parts.join(' AND '), params };
}

/** The sessions the analysis covers, with each client's main technique: a FROM clause aliased `s`. */
export function filteredSessions(filters: Filters): Where {
	const where = sessionWhere(filters);
	return {
		sql: `(SELECT s.*, c.main_technique FROM active_sessions s
		       JOIN clients c ON c.dataset_id = s.dataset_id AND c.client_id = s.client_id
		       WHERE ${where.sql}) s`,
		params: where.params
	};
}

/** The column a comparison's rows come from. */
export function groupColumn(by: GroupBy): string {
	return by === 'technique' ? 's.main_technique' : by === 'therapist' ? 's.therapist' : 's.clinic';
}
