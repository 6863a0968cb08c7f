import { groupLabel } from './group-label';
import type { GroupBy } from '../metrics/filters';
import type { WithinSessionRow } from '../metrics/within-session';
import { heatmapCells, heatmapOptions, type HeatmapCell } from './heatmap';

export const ROM_CHART = {
	title: 'Which techniques gain range of motion within a session, for which movements?',
	description:
		'Mean gain in range of motion from before to after a session, in degrees (mouth opening in mm). Client-level mean; each cell shows the mean and n clients.',
	legend: 'Mean gain (° or mm)'
};

export function romCells(rows: readonly WithinSessionRow[], minClients: number): HeatmapCell[] {
	return heatmapCells(rows, {
		x: (r) => r.technique,
		y: (r) => `${r.group} (${r.unit})`,
		value: (r) => r.meanChange,
		clients: (r) => r.clients,
		format: (v) => v.toFixed(1),
		minClients
	});
}

export function romChartOptions(cells: HeatmapCell[], width: number, by: GroupBy = 'technique') {
	const max = Math.max(1, ...cells.map((c) => c.value ?? 0));
	const min = Math.min(0, ...cells.map((c) => c.value ?? 0));
	return heatmapOptions(cells, {
		width,
		xLabel: groupLabel(by, 'Technique'),
		yLabel: 'Movement (unit)',
		legendLabel: ROM_CHART.legend,
		color: { type: 'linear', scheme: 'purples', domain: [min, max] },
		darkAbove: max * 0.6,
		fillBy: 'value',
		ariaLabel: ROM_CHART.title
	});
}
