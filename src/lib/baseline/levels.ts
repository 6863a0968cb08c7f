/** A categorical row's levels: the most frequent first, at most eight named, the rest pooled as "Other". */
export const MAX_LEVELS = 8;

export interface Levels {
	named: string[];
	/** The levels pooled into "Other (k levels)"; empty when there are at most eight. */
	other: string[];
}

/** Orders levels by their number of clients over the groups shown (ties by name) and pools the rest. */
export function orderLevels(clients: ReadonlyMap<string, number>): Levels {
	const ordered = [...clients].sort(([a, m], [b, n]) => n - m || a.localeCompare(b, 'en', { numeric: true })).map(([level]) => level);
	return { named: ordered.slice(0, MAX_LEVELS), other: ordered.slice(MAX_LEVELS) };
}

export const otherLabel = (k: number): string => `Other (${k} ${k === 1 ? 'level' : 'levels'})`;
