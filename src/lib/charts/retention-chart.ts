import * as Plot from '@observablehq/plot';
import type { RetentionRow } from '../metrics/retention';
import { RETENTION_WEEKS } from '../definitions/attendance';
import { OKABE_ITO } from './palette';

export interface RetentionPoint {
	group: string;
	weeks: number;
	share: number;
	eligible: number;
}

/** Retention by group (all conditions together), points only where enough clients could be followed. */
export function retentionPoints(rows: readonly RetentionRow[], minClients: number): RetentionPoint[] {
	const byGroup = new Map<string, { eligible: number[]; retained: number[] }>();
	for (const r of rows) {
		const g = byGroup.get(r.technique) ?? { eligible: RETENTION_WEEKS.map(() => 0), retained: RETENTION_WEEKS.map(() => 0) };
		r.eligible.forEach((e, i) => (g.eligible[i] += e));
		r.retained.forEach((k, i) => (g.retained[i] += k));
		byGroup.set(r.technique, g);
	}
	return [...byGroup].flatMap(([group, g]) =>
		RETENTION_WEEKS.flatMap((weeks, i) =>
			g.eligible[i] >= minClients ? [{ group, weeks, share: g.retained[i] / g.eligible[i], eligible: g.eligible[i] }] : []
		)
	);
}

export function retentionChartOptions(points: RetentionPoint[], width: number, ariaLabel: string): Plot.PlotOptions {
	const groups = [...new Set(points.map((p) => p.group))];
	return {
		width,
		height: 300,
		marginRight: 130,
		ariaLabel,
		x: { label: 'Weeks since the first visit', ticks: [...RETENTION_WEEKS], domain: [2, 14] },
		y: { label: 'Still attending (%)', domain: [0, 100], grid: true },
		color: {
			type: 'ordinal',
			domain: groups,
			range: [
				OKABE_ITO.blue,
				OKABE_ITO.vermillion,
				OKABE_ITO.bluishGreen,
				OKABE_ITO.orange,
				OKABE_ITO.reddishPurple,
				OKABE_ITO.skyBlue,
				OKABE_ITO.black
			]
		},
		symbol: { type: 'ordinal', domain: groups },
		marks: [
			Plot.line(points, { x: 'weeks', y: (p: RetentionPoint) => p.share * 100, stroke: 'group', z: 'group' }),
			Plot.dot(points, { x: 'weeks', y: (p: RetentionPoint) => p.share * 100, stroke: 'group', symbol: 'group', r: 4 }),
			// Labels at the end of each line: colour is never the only cue.
			Plot.text(
				points,
				Plot.selectLast({
					x: 'weeks',
					y: (p: RetentionPoint) => p.share * 100,
					z: 'group',
					text: 'group',
					dx: 8,
					textAnchor: 'start',
					fill: 'group'
				})
			)
		]
	};
}
