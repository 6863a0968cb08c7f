import { groupLabel } from './group-label';
import type { GroupBy } from '../metrics/filters';
import type { WithinSessionRow } from '../metrics/within-session';
import { heatmapCells, heatmapOptions, type HeatmapCell } from './heatmap';

export const PAIN_CHART = {
	title: 'Which techniques relieve pain within a session, for which conditions?',
	description:
		'Mean fall in pain (NPRS, 0–10 points) from before to after a session. Each client’s sessions are averaged first, then clients are averaged. Each cell shows the mean and n clients.',
	legend: 'Mean pain reduction (points)'
};

export function painCells(rows: readonly WithinSessionRow[], minClients: number): HeatmapCell[] {
	return heatmapCells(rows, {
		x: (r) => r.technique,
		y: (r) => r.group,
		value: (r) => r.meanChange,
		clients: (r) => r.clients,
		format: (v) => v.toFixed(1),
		minClients
	});
}

export function painChartOptions(cells: HeatmapCell[], width: number, by: GroupBy = 'technique') {
	const max = Math.max(1, ...cells.map((c) => c.value ?? 0));
	const min = Math.min(0, ...cells.map((c) => c.value ?? 0));
	return heatmapOptions(cells, {
		width,
		xLabel: groupLabel(by, 'Technique'),
		yLabel: 'Condition',
		legendLabel: PAIN_CHART.legend,
		color: { type: 'linear', scheme: 'blues', domain: [min, max] },
		darkAbove: max * 0.6,
		fillBy: 'value',
		ariaLabel: PAIN_CHART.title
	});
}
