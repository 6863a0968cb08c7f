import * as Plot from '@observablehq/plot';
import type { EffectSummary } from '../metrics/effects';
import { OKABE_ITO } from './palette';

const PALETTE = [
	OKABE_ITO.blue,
	OKABE_ITO.vermillion,
	OKABE_ITO.bluishGreen,
	OKABE_ITO.orange,
	OKABE_ITO.reddishPurple,
	OKABE_ITO.skyBlue,
	OKABE_ITO.black
];

export interface EffectRowShape {
	label: string;
	group: string;
	mean: number;
	low: number;
	high: number;
	n: string;
}

/** Shown groups as forest-plot rows: "group · condition", mean and 95% CI (the mean alone where n < 2). */
export function effectRows(rows: readonly EffectSummary[]): EffectRowShape[] {
	return rows
		.filter((r) => !r.hidden)
		.map((r) => ({
			label: `${r.group} · ${r.condition}`,
			group: r.group,
			mean: r.mean,
			low: r.ci?.low ?? r.mean,
			high: r.ci?.high ?? r.mean,
			n: `n=${r.clients}`
		}));
}

export interface EffectLook {
	width: number;
	/** Axis label with the unit, e.g. "Pain relief within a session (points, NPRS 0–10)". */
	xLabel: string;
	/** The meaningful change, drawn as a dashed line. */
	threshold: number | null;
	ariaLabel: string;
}

/** A forest plot: one row a group, its mean with the 95% confidence interval; 0 and the meaningful change marked. */
export function effectChartOptions(rows: EffectRowShape[], look: EffectLook): Plot.PlotOptions {
	const small = look.width < 640;
	const fontSize = small ? 10 : 12;
	const widest = Math.max(80, ...rows.map((r) => r.label.length * fontSize * 0.58)) + 10;
	const marginLeft = Math.min(look.width * 0.5, widest);
	// Labels too long for half the width wrap onto two lines, with taller rows.
	const wrap = widest > marginLeft;
	// Plot measures line width in ems.
	const lineWidth = (marginLeft - 12) / fontSize;
	const groups = [...new Set(rows.map((r) => r.group))];
	return {
		width: look.width,
		height: 50 + rows.length * (wrap ? 32 : 24),
		marginLeft,
		marginRight: 48,
		ariaLabel: look.ariaLabel,
		style: { fontSize: `${fontSize}px` },
		x: { label: look.xLabel, grid: true },
		y: { label: null, domain: rows.map((r) => r.label), axis: null },
		// Ordinal, said outright: groups coded 1, 2, 3 are names, not numbers.
		color: { type: 'ordinal', domain: groups, range: PALETTE },
		symbol: { type: 'ordinal', domain: groups },
		marks: [
			Plot.axisY({ label: null, tickSize: 0, lineWidth }),
			Plot.ruleX([0], { stroke: '#555' }),
			...(look.threshold !== null ? [Plot.ruleX([look.threshold], { stroke: '#555', strokeDasharray: '4,3' })] : []),
			Plot.ruleY(rows, { y: 'label', x1: 'low', x2: 'high', stroke: 'group', strokeWidth: 2 }),
			Plot.dot(rows, { y: 'label', x: 'mean', fill: 'group', r: 4, symbol: 'group' }),
			Plot.text(rows, { y: 'label', x: 'high', text: 'n', dx: 6, textAnchor: 'start', fill: '#333' })
		]
	};
}
