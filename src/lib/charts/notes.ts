import type { HeatmapCell } from './heatmap';

/** Says how many groups are withheld for being too small, so a grey cell is never a mystery. */
export function hiddenNote(cells: readonly HeatmapCell[], minClients: number): string {
	const hidden = cells.filter((c) => c.clients < minClients).length;
	if (hidden === 0) return `Every group has at least ${minClients} clients.`;
	return `${hidden} of ${cells.length} groups have fewer than ${minClients} clients and are hidden (grey).`;
}
