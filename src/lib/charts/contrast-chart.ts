import * as Plot from '@observablehq/plot';
import type { Contrast } from '../metrics/contrasts';
import { OKABE_ITO } from './palette';

/** How a difference was worked out: its legend and its look. */
export const ESTIMATES = {
	adjusted: { label: 'adjusted for baseline (ANCOVA)', colour: OKABE_ITO.blue, symbol: 'circle' },
	unadjusted: { label: 'unadjusted (Welch)', colour: OKABE_ITO.vermillion, symbol: 'diamond' }
} as const;
export type Estimate = keyof typeof ESTIMATES;

export interface ContrastPoint {
	group: string;
	estimate: string;
	difference: number;
	low: number;
	high: number;
	n: string;
}

/** Each compared group as forest-plot rows: the adjusted difference, then the unadjusted one, each with its 95% CI. */
export function contrastPoints(rows: readonly Contrast[]): ContrastPoint[] {
	return rows.flatMap((r) => {
		const points: ContrastPoint[] = [];
		const n = `n=${r.group.clients}`;
		if (r.adjusted)
			points.push({
				group: r.group.group,
				estimate: ESTIMATES.adjusted.label,
				difference: r.adjusted.estimate,
				low: r.adjusted.ci.low,
				high: r.adjusted.ci.high,
				n
			});
		if (r.difference)
			points.push({
				group: r.group.group,
				estimate: ESTIMATES.unadjusted.label,
				difference: r.difference.difference,
				low: r.difference.ci.low,
				high: r.difference.ci.high,
				n: r.adjusted ? '' : n
			});
		return points;
	});
}

export interface ContrastLook {
	width: number;
	xLabel: string;
	/** The meaningful change, drawn as a dashed line on the side of better. */
	threshold: number | null;
	ariaLabel: string;
}

/**
 * A contrast forest plot: one band a group, its difference from the reference adjusted and unadjusted,
 * each with its 95% interval; zero (no difference) and the meaningful change marked.
 */
export function contrastChartOptions(points: ContrastPoint[], look: ContrastLook): Plot.PlotOptions {
	const small = look.width < 640;
	const fontSize = small ? 10 : 12;
	const groups = [...new Set(points.map((p) => p.group))];
	const widest = Math.max(80, ...groups.map((g) => g.length * fontSize * 0.58)) + 10;
	const marginLeft = Math.min(look.width * 0.45, widest);
	const estimates = [...new Set(points.map((p) => p.estimate))];
	const legend = (Object.values(ESTIMATES) as (typeof ESTIMATES)[Estimate][]).filter((e) => estimates.includes(e.label));
	return {
		width: look.width,
		height: 70 + groups.length * (estimates.length * 14 + 16),
		marginLeft,
		marginRight: 48,
		ariaLabel: look.ariaLabel,
		style: { fontSize: `${fontSize}px` },
		x: { label: look.xLabel, grid: true },
		// Ordinal, said outright: groups coded 1, 2, 3 are names, not numbers.
		y: { type: 'band', domain: groups, label: null, tickSize: 0, paddingInner: 0.25 },
		color: { type: 'ordinal', domain: legend.map((e) => e.label), range: legend.map((e) => e.colour) },
		// A symbol legend, drawn in each estimate's colour: shape and colour both tell them apart.
		symbol: { type: 'ordinal', domain: legend.map((e) => e.label), range: legend.map((e) => e.symbol), legend: true },
		marks: [
			Plot.axisY({ label: null, tickSize: 0, lineWidth: (marginLeft - 12) / fontSize }),
			Plot.ruleX([0], { stroke: '#555' }),
			...(look.threshold !== null ? [Plot.ruleX([look.threshold], { stroke: '#555', strokeDasharray: '4,3' })] : []),
			// The adjusted estimate above the unadjusted one, within the group's band.
			...legend.flatMap((e, i) => {
				const own = points.filter((p) => p.estimate === e.label);
				const dy = legend.length < 2 ? 0 : i === 0 ? -6 : 6;
				return [
					Plot.ruleY(own, { y: 'group', x1: 'low', x2: 'high', stroke: 'estimate', strokeWidth: 2, dy }),
					Plot.dot(own, { y: 'group', x: 'difference', fill: 'estimate', symbol: 'estimate', r: 4, dy }),
					Plot.text(own, { y: 'group', x: 'high', text: 'n', dx: 6, dy, textAnchor: 'start', fill: '#333' })
				];
			})
		]
	};
}
