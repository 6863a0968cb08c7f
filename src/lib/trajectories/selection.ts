/**
 * Which clients the trajectories page shows, and how: lives in the URL, so a view can be bookmarked
 * (the data itself stays in this browser).
 */
import { DEFAULT_MIN_CLIENTS } from '../metrics/settings';

/** At most this many clients on one chart: beyond it the lines cannot be told apart. */
export const MAX_CLIENTS = 6;

export type Axis = 'session' | 'days';

export interface Selection {
	/** Client ids, in the order they were picked. */
	clients: string[];
	/** Over session number, or over days since each client's first visit. */
	axis: Axis;
	/** Narrow the reference band to clients mainly treated with the first client's main technique. */
	sameTechnique: boolean;
	/** The analytics' minimum group size: band points with fewer clients are hidden. */
	minClients: number;
}

export const DEFAULT_SELECTION: Selection = { clients: [], axis: 'session', sameTechnique: false, minClients: DEFAULT_MIN_CLIENTS };

export function selectionFromSearch(search: URLSearchParams): Selection {
	const min = Number(search.get('min'));
	const clients = [...new Set(search.getAll('client').filter((c) => c.trim() !== ''))].slice(0, MAX_CLIENTS);
	return {
		clients,
		axis: search.get('x') === 'days' ? 'days' : 'session',
		sameTechnique: search.get('band') === 'technique',
		minClients: Number.isInteger(min) && min >= 1 ? min : DEFAULT_MIN_CLIENTS
	};
}

export function selectionToSearch(selection: Selection): URLSearchParams {
	const search = new URLSearchParams();
	for (const client of selection.clients) search.append('client', client);
	if (selection.axis === 'days') search.set('x', 'days');
	if (selection.sameTechnique) search.set('band', 'technique');
	if (selection.minClients !== DEFAULT_MIN_CLIENTS) search.set('min', String(selection.minClients));
	return search;
}

export function addClient(selection: Selection, client: string): Selection {
	if (selection.clients.includes(client) || selection.clients.length >= MAX_CLIENTS) return selection;
	return { ...selection, clients: [...selection.clients, client] };
}

export function removeClient(selection: Selection, client: string): Selection {
	return { ...selection, clients: selection.clients.filter((c) => c !== client) };
}
