import * as Plot from '@observablehq/plot';
import { techniqueCode } from '../domain/techniques';
import type { MeasureInfo } from '../metrics/measure-info';
import type { ClientCourse } from '../trajectories/client-course';
import type { OutcomeSummary } from '../trajectories/client-summary';
import type { BandPoint } from '../trajectories/reference-band';
import type { Axis } from '../trajectories/selection';
import { OKABE_ITO } from './palette';

/** One colour and one shape per client, so colour is never the only cue (and labels at the line ends). */
export const CLIENT_COLOURS = [
	OKABE_ITO.blue,
	OKABE_ITO.vermillion,
	OKABE_ITO.bluishGreen,
	OKABE_ITO.reddishPurple,
	OKABE_ITO.orange,
	OKABE_ITO.black
];
export const CLIENT_SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'] as const;
const BAND_GREY = '#8a9199';

export interface TrajectoryPoint {
	client: string;
	number: number;
	date: string | null;
	x: number;
	before: number | null;
	after: number | null;
	techniques: string[];
}

/**
 * The sessions of each course as points for one measure. Over session numbers, clients are spread a
 * little sideways so their arrows at the same session do not hide each other.
 */
export function trajectoryPoints(courses: readonly ClientCourse[], measure: string, axis: Axis): TrajectoryPoint[] {
	const spread = axis === 'session' && courses.length > 1 ? 0.3 / (courses.length - 1) : 0;
	return courses.flatMap((course, i) => {
		const offset = spread * (i - (courses.length - 1) / 2);
		return course.sessions.flatMap((s) => {
			const reading = s.readings[measure];
			const x = axis === 'session' ? s.number + offset : s.day;
			if (!reading || x === null || (reading.before === null && reading.after === null)) return [];
			return [
				{ client: course.label, number: s.number, date: s.date, x, before: reading.before, after: reading.after, techniques: s.techniques }
			];
		});
	});
}

/** The sessions of each course, with their technique marks, for the strip under a chart. */
export function techniquePoints(courses: readonly ClientCourse[], axis: Axis) {
	return courses.flatMap((course) =>
		course.sessions.flatMap((s) => {
			const x = axis === 'session' ? s.number : s.day;
			return x === null
				? []
				: [{ client: course.label, x, mark: s.techniques.map(techniqueCode).join('+') || '–', title: s.techniques.join(', ') }];
		})
	);
}

export interface TrajectoryChartInput {
	points: TrajectoryPoint[];
	clients: string[];
	measure: MeasureInfo;
	/** Every band point: those under the minimum size are drawn as gaps. */
	band: BandPoint[];
	minClients: number;
	axis: Axis;
	/** With one client: the level their meaningful change is reached at. */
	single: OutcomeSummary | null;
	width: number;
	ariaLabel: string;
}

const axisLabel = (axis: Axis) => (axis === 'session' ? 'Session number' : 'Days since the first visit');
/** The same margins for a chart and its technique strip, so their x positions line up; narrower on a phone. */
const margins = (width: number) => ({ marginLeft: 44, marginRight: width < 520 ? 64 : 120 });

/** The x range both the chart and its technique strip use, so they line up. */
export function xDomain(points: readonly { x: number }[], axis: Axis): [number, number] {
	const xs = points.map((p) => p.x);
	const max = Math.max(axis === 'session' ? 2 : 7, ...xs);
	return axis === 'session' ? [0.5, Math.ceil(max) + 0.5] : [0, max + 3];
}

const format = (v: number | null) => (v === null ? '–' : Number(v.toFixed(2)).toString());

export function trajectoryChartOptions(input: TrajectoryChartInput): Plot.PlotOptions {
	const { points, clients, measure, axis, minClients } = input;
	const domain = xDomain(points, axis);
	const band = input.band
		.filter((p) => p.x <= domain[1])
		.map((p) => (p.clients >= minClients ? p : { ...p, q1: NaN, median: NaN, q3: NaN }));
	const shown = band.filter((p) => p.clients >= minClients);
	const withBefore = points.filter((p) => p.before !== null);
	const withAfter = points.filter((p) => p.after !== null);
	const both = points.filter((p) => p.before !== null && p.after !== null);
	const tip = (p: TrajectoryPoint) =>
		`${p.client}, session ${p.number}${p.date ? ` (${p.date})` : ''}\nbefore ${format(p.before)}, after ${format(p.after)} ${measure.unit}\n${p.techniques.join(', ') || 'no technique recorded'}`;
	const target =
		input.single && input.single.needed !== null
			? input.single.baseline + (measure.direction === 'lower' ? -input.single.needed : input.single.needed)
			: null;
	const integerTicks = axis === 'session' && domain[1] <= 25 ? Array.from({ length: Math.floor(domain[1]) }, (_, i) => i + 1) : undefined;
	return {
		width: input.width,
		height: 330,
		...margins(input.width),
		marginTop: 36,
		ariaLabel: input.ariaLabel,
		x: { label: axisLabel(axis), domain, ticks: integerTicks, tickFormat: axis === 'session' ? 'd' : undefined },
		y: { label: `${measure.label} (${measure.unit})`, grid: true, nice: true },
		color: { type: 'ordinal', domain: clients, range: CLIENT_COLOURS },
		symbol: { type: 'ordinal', domain: clients, range: [...CLIENT_SYMBOLS] },
		marks: [
			Plot.areaY(band, { ariaDescription: 'similar clients, middle half', x: 'x', y1: 'q1', y2: 'q3', fill: BAND_GREY, fillOpacity: 0.22 }),
			Plot.lineY(band, {
				ariaDescription: 'similar clients, median',
				x: 'x',
				y: 'median',
				stroke: BAND_GREY,
				strokeWidth: 1.5,
				strokeDasharray: '5,3'
			}),
			// Above the frame, where no value can hide them.
			Plot.text(shown, { x: 'x', text: (p: BandPoint) => `${p.clients}`, frameAnchor: 'top', dy: -8, fontSize: 9, fill: '#57606a' }),
			Plot.text(shown.length ? ['n'] : [], { frameAnchor: 'top-right', dx: 12, dy: -8, fontSize: 9, fill: '#57606a', textAnchor: 'start' }),
			target === null ? null : Plot.ruleY([target], { stroke: OKABE_ITO.bluishGreen, strokeDasharray: '2,3', strokeWidth: 1.5 }),
			target === null
				? null
				: Plot.text([target], {
						y: (d: number) => d,
						text: () => 'meaningful change',
						frameAnchor: 'right',
						textAnchor: 'start',
						dx: 4,
						fill: OKABE_ITO.bluishGreen,
						fontSize: 10
					}),
			Plot.line(withBefore, { x: 'x', y: 'before', z: 'client', stroke: 'client', strokeWidth: 1.5 }),
			Plot.arrow(both, { x1: 'x', y1: 'before', x2: 'x', y2: 'after', stroke: 'client', strokeWidth: 1.25, headLength: 6, inset: 3 }),
			Plot.dot(withAfter, {
				ariaDescription: 'after each session',
				x: 'x',
				y: 'after',
				symbol: 'client',
				stroke: 'client',
				fill: 'white',
				r: 3.5,
				strokeWidth: 1.5
			}),
			Plot.dot(withBefore, {
				ariaDescription: 'before each session',
				x: 'x',
				y: 'before',
				symbol: 'client',
				fill: 'client',
				stroke: 'client',
				r: 4.5,
				title: tip
			}),
			Plot.text(
				withBefore,
				Plot.selectLast({
					ariaDescription: 'client labels',
					x: 'x',
					y: 'before',
					z: 'client',
					text: 'client',
					dx: 8,
					textAnchor: 'start',
					fill: 'client',
					fontWeight: 600
				})
			)
		]
	};
}

/** The techniques of each session, one row per client, under the chart and on the same x range. */
export function techniqueStripOptions(
	marks: ReturnType<typeof techniquePoints>,
	clients: string[],
	domain: [number, number],
	axis: Axis,
	width: number,
	ariaLabel: string
): Plot.PlotOptions {
	return {
		width,
		height: 26 + 22 * clients.length,
		...margins(width),
		marginTop: 4,
		marginBottom: 22,
		ariaLabel,
		x: { domain, axis: null },
		// Client ids such as 12 are names, not numbers.
		y: { type: 'point', domain: clients, label: null, tickSize: 0 },
		color: { type: 'ordinal', domain: clients, range: CLIENT_COLOURS },
		marks: [
			Plot.text(marks, { x: 'x', y: 'client', text: 'mark', fill: 'client', fontSize: width < 520 ? 8 : 10, title: 'title' }),
			Plot.text([`Techniques at each session (${axis === 'session' ? 'by session number' : 'by day'})`], {
				frameAnchor: 'bottom-left',
				dy: 16,
				fill: '#57606a',
				fontSize: 10
			})
		]
	};
}
