import * as Plot from '@observablehq/plot';
import type { ArmContrast, TimepointRow } from '../trial/trial-view';
import { CLIENT_COLOURS, CLIENT_SYMBOLS } from './trajectory-chart';
import { ESTIMATES, type ContrastPoint } from './contrast-chart';

export interface ArmPoint {
	arm: string;
	visit: number;
	/** The visit, spread a little sideways per arm so intervals at one timepoint do not hide each other. */
	x: number;
	mean: number;
	low: number;
	high: number;
}

export function armPoints(rows: readonly TimepointRow[], arms: readonly string[]): ArmPoint[] {
	const spread = arms.length > 1 ? 0.24 / (arms.length - 1) : 0;
	return rows.map((r) => {
		const offset = spread * (arms.indexOf(r.arm) - (arms.length - 1) / 2);
		return { arm: r.arm, visit: r.visit, x: r.visit + offset, mean: r.mean, low: r.ci?.low ?? r.mean, high: r.ci?.high ?? r.mean };
	});
}

export interface TrialChartLook {
	width: number;
	yLabel: string;
	timepoints: number[];
	ariaLabel: string;
}

/** Means with 95% intervals over the timepoints, one line per arm, each arm its own colour and shape. */
export function trialChartOptions(points: ArmPoint[], arms: readonly string[], look: TrialChartLook): Plot.PlotOptions {
	const colours = arms.map((_, i) => CLIENT_COLOURS[i % CLIENT_COLOURS.length]);
	const symbols = arms.map((_, i) => CLIENT_SYMBOLS[i % CLIENT_SYMBOLS.length]);
	return {
		width: look.width,
		height: look.width < 640 ? 280 : 340,
		marginRight: look.width < 640 ? 16 : 24,
		ariaLabel: look.ariaLabel,
		x: {
			label: 'Visit (timepoint) →',
			ticks: look.timepoints,
			tickFormat: (v: number) => `${v}`,
			domain: [look.timepoints[0] - 0.4, look.timepoints.at(-1)! + 0.4]
		},
		y: { label: look.yLabel, grid: true },
		// Ordinal, said outright: arms coded 1, 2, 3 are names, not numbers.
		color: { type: 'ordinal', domain: [...arms], range: colours },
		symbol: { type: 'ordinal', domain: [...arms], range: symbols, legend: true },
		marks: [
			Plot.line(points, { x: 'x', y: 'mean', stroke: 'arm', z: 'arm', strokeWidth: 1.5 }),
			Plot.ruleX(points, { x: 'x', y1: 'low', y2: 'high', stroke: 'arm', strokeWidth: 2 }),
			Plot.dot(points, { x: 'x', y: 'mean', fill: 'arm', stroke: 'arm', symbol: 'arm', r: 4 })
		]
	};
}

/** Each arm's difference from the reference at a follow-up, adjusted then unadjusted, for the contrast forest plot. */
export function armContrastPoints(rows: readonly ArmContrast[]): ContrastPoint[] {
	return rows.flatMap((r) => {
		const n = `n=${r.n}`;
		const points: ContrastPoint[] = [];
		if (r.adjusted)
			points.push({
				group: r.arm,
				estimate: ESTIMATES.adjusted.label,
				difference: r.adjusted.estimate,
				low: r.adjusted.ci.low,
				high: r.adjusted.ci.high,
				n
			});
		if (r.difference)
			points.push({
				group: r.arm,
				estimate: ESTIMATES.unadjusted.label,
				difference: r.difference.difference,
				low: r.difference.ci.low,
				high: r.difference.ci.high,
				n: r.adjusted ? '' : n
			});
		return points;
	});
}
