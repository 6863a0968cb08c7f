/**
 * The within-session heatmaps, technique × condition for pain and technique × movement for range of motion: one
 * chart, told apart by what each says and how its rows are named.
 */
import { groupLabel } from './group-label';
import type { GroupBy } from '../metrics/filters';
import type { WithinSessionRow } from '../metrics/within-session';
import type { ColorScheme } from '@observablehq/plot';
import { heatmapCells, heatmapOptions, type HeatmapCell } from './heatmap';

export type WithinSessionKind = 'pain' | 'rom';

interface WithinSessionWords {
	title: string;
	description: string;
	legend: string;
	/** What a row is, as a column heading and as the chart's y axis. */
	rowLabel: string;
	yLabel: string;
	/** The table's heading and cell for the mean change. */
	changeLabel: string;
	change: (r: WithinSessionRow) => string;
	caption: string;
	/** "… sessions with {what} before and after". */
	measured: string;
	empty: string;
	row: (r: WithinSessionRow) => string;
	scheme: ColorScheme;
}

export const WITHIN_SESSION: Record<WithinSessionKind, WithinSessionWords> = {
	pain: {
		title: 'Which techniques relieve pain within a session, for which conditions?',
		description:
			'Mean fall in pain (NPRS, 0–10 points) from before to after a session. Each client’s sessions are averaged first, then clients are averaged. Each cell shows the mean and n clients.',
		legend: 'Mean pain reduction (points)',
		rowLabel: 'Condition',
		yLabel: 'Condition',
		changeLabel: 'Mean reduction (points)',
		change: (r) => r.meanChange.toFixed(2),
		caption: 'Mean within-session pain reduction by technique and condition',
		measured: 'pain',
		empty:
			'No session in the analysed data has pain (NPRS 0–10) recorded both before and after. Pain recorded once per visit (research timepoints) shows as a course effect, not here.',
		row: (r) => r.group,
		scheme: 'blues'
	},
	rom: {
		title: 'Which techniques gain range of motion within a session, for which movements?',
		description:
			'Mean gain in range of motion from before to after a session, in degrees (mouth opening in mm). Client-level mean; each cell shows the mean and n clients.',
		legend: 'Mean gain (° or mm)',
		rowLabel: 'Movement',
		yLabel: 'Movement (unit)',
		changeLabel: 'Mean gain',
		change: (r) => `${r.meanChange.toFixed(2)} ${r.unit}`,
		caption: 'Mean within-session range-of-motion gain by technique and movement',
		measured: 'range of motion',
		empty: 'No session in the analysed data has a range-of-motion measure recorded both before and after.',
		row: (r) => `${r.group} (${r.unit})`,
		scheme: 'purples'
	}
};

export function withinSessionCells(kind: WithinSessionKind, rows: readonly WithinSessionRow[], minClients: number): HeatmapCell[] {
	return heatmapCells(rows, {
		x: (r) => r.technique,
		y: WITHIN_SESSION[kind].row,
		value: (r) => r.meanChange,
		clients: (r) => r.clients,
		format: (v) => v.toFixed(1),
		minClients
	});
}

export function withinSessionChartOptions(kind: WithinSessionKind, cells: HeatmapCell[], width: number, by: GroupBy = 'technique') {
	const words = WITHIN_SESSION[kind];
	const max = Math.max(1, ...cells.map((c) => c.value ?? 0));
	const min = Math.min(0, ...cells.map((c) => c.value ?? 0));
	return heatmapOptions(cells, {
		width,
		xLabel: groupLabel(by, 'Technique'),
		yLabel: words.yLabel,
		legendLabel: words.legend,
		color: { type: 'linear', scheme: words.scheme, domain: [min, max] },
		darkAbove: max * 0.6,
		fillBy: 'value',
		ariaLabel: words.title
	});
}
