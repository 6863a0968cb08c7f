/** The filters in a URL's query: a view can be bookmarked and shared, the data staying in the browser. */
import { DEFAULT_FILTERS, type Filters } from './filters';
import { DEFAULT_MIN_CLIENTS } from './settings';

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
