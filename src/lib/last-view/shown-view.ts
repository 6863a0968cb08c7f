/**
 * What the dashboard shows for one set of filters, as a whole: kept so that the next visit can paint it at
 * once, before the analysis engine has started (about 1.3 s only to compile its wasm). The numbers come from
 * the same computation as the live dashboard's; the view is replaced by the live one as soon as it is ready.
 */
import { parse, stringify } from 'devalue';
import type { Database } from '../db/database';
import type { DashboardData } from '../metrics/dashboard-data';
import { filterChoices, storedData, type FilterChoices, type StoredData } from '../metrics/overview';
import { type Filters } from '../metrics/filters';
import { filtersToSearch } from '../metrics/filters-url';
import { listDatasets, type StoredDataset } from '../datasets/stored-datasets';

export interface StoredOverview {
	stored: StoredData;
	datasets: StoredDataset[];
	choices: FilterChoices;
}

export interface ShownView extends StoredOverview {
	filters: Filters;
	data: DashboardData;
}

/** What is stored, whatever the filters: read again after every change of data. */
export async function readStoredOverview(db: Database): Promise<StoredOverview> {
	const [stored, datasets, choices] = await Promise.all([storedData(db), listDatasets(db), filterChoices(db)]);
	return { stored, datasets, choices };
}

/** Views are told apart by their filters, written as in the URL. */
export const viewKey = (filters: Filters) => filtersToSearch(filters).toString();

/** The unfiltered view and the last few others: what a returning user most likely opens. */
const KEPT = 3;

/** The views to keep once `view` is drawn, newest first; the unfiltered one stays while others come and go. */
export function keptViews(views: ShownView[], view: ShownView): ShownView[] {
	const others = views.filter((v) => viewKey(v.filters) !== viewKey(view.filters));
	const unfiltered = others.filter((v) => viewKey(v.filters) === '');
	return [view, ...unfiltered, ...others.filter((v) => viewKey(v.filters) !== '')].slice(0, KEPT);
}

/** As text; devalue keeps what JSON would lose (NaN, typed arrays). */
export const encodeViews = (views: ShownView[]) => stringify(views);

/** Nothing for text that is not a list of views (a file left empty by a tab closed while writing it). */
export function decodeViews(text: string): ShownView[] {
	try {
		const views = parse(text) as unknown;
		return Array.isArray(views) ? (views as ShownView[]) : [];
	} catch {
		return [];
	}
}
