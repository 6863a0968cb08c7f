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
	/** The picked client whose condition (and main technique) the reference band follows; null for the first picked. */
	reference: string | null;
	/** Narrow the reference band to clients mainly treated with the reference client's main technique. */
	sameTechnique: boolean;
	/** The analytics' minimum group size: band points with fewer clients are hidden. */
	minClients: number;
}

export const DEFAULT_SELECTION: Selection = {
	clients: [],
	axis: 'session',
	reference: null,
	sameTechnique: false,
	minClients: DEFAULT_MIN_CLIENTS
};

export function selectionFromSearch(search: URLSearchParams): Selection {
	const min = Number(search.get('min'));
	const clients = [...new Set(search.getAll('client').filter((c) => c.trim() !== ''))].slice(0, MAX_CLIENTS);
	const reference = search.get('ref');
	return {
		clients,
		axis: search.get('x') === 'days' ? 'days' : 'session',
		reference: reference !== null && clients.includes(reference) && reference !== clients[0] ? reference : null,
		sameTechnique: search.get('band') === 'technique',
		minClients: Number.isInteger(min) && min >= 1 ? min : DEFAULT_MIN_CLIENTS
	};
}

export function selectionToSearch(selection: Selection): URLSearchParams {
	const search = new URLSearchParams();
	for (const client of selection.clients) search.append('client', client);
	if (selection.axis === 'days') search.set('x', 'days');
	if (selection.reference !== null && selection.reference !== selection.clients[0]) search.set('ref', selection.reference);
	if (selection.sameTechnique) search.set('band', 'technique');
	if (selection.minClients !== DEFAULT_MIN_CLIENTS) search.set('min', String(selection.minClients));
	return search;
}

export function addClient(selection: Selection, client: string): Selection {
	if (selection.clients.includes(client) || selection.clients.length >= MAX_CLIENTS) return selection;
	return { ...selection, clients: [...selection.clients, client] };
}

export function removeClient(selection: Selection, client: string): Selection {
	const clients = selection.clients.filter((c) => c !== client);
	const reference = selection.reference === client || selection.reference === clients[0] ? null : selection.reference;
	return { ...selection, clients, reference };
}

/** The picked client the reference band follows. */
export const referenceClient = (selection: Selection): string | undefined => selection.reference ?? selection.clients[0];
