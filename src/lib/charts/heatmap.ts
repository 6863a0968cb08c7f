import * as Plot from '@observablehq/plot';

/** One cell of a technique × group grid, ready to draw. Pure: no DOM. */
export interface HeatmapCell {
	x: string;
	y: string;
	value: number | null;
	clients: number;
	/** The cell's text: the value and n, or why it is hidden. */
	label: string;
	/** Fewer clients than the minimum: value withheld. */
	hidden: boolean;
	/** For a categorical fill (a frequency band, say) instead of the value. */
	category?: string;
}

export interface HeatmapInput<T> {
	x: (row: T) => string;
	y: (row: T) => string;
	value: (row: T) => number | null;
	clients: (row: T) => number;
	format: (value: number) => string;
	minClients: number;
	category?: (value: number) => string;
}

export function heatmapCells<T>(rows: readonly T[], input: HeatmapInput<T>): HeatmapCell[] {
	return rows.map((row) => {
		const clients = input.clients(row);
		const value = input.value(row);
		const hidden = clients < input.minClients || value === null;
		return {
			x: input.x(row),
			y: input.y(row),
			value: hidden ? null : value,
			clients,
			hidden,
			category: !hidden && input.category ? input.category(value as number) : undefined,
			label: hidden
				? clients < input.minClients
					? `n<${input.minClients}`
					: `n=${clients}`
				: `${input.format(value as number)}\nn=${clients}`
		};
	});
}

export interface HeatmapLook {
	width: number;
	xLabel: string;
	yLabel: string;
	/** The color legend's label, with the unit. */
	legendLabel: string;
	color: Plot.ScaleOptions;
	/** Cells whose value is above this get white text (dark fill). */
	darkAbove: number;
	fillBy: 'value' | 'category';
	ariaLabel: string;
}

const HIDDEN_FILL = '#e8e8e8';
const narrow = (width: number) => width < 640;
/** Rough width of a label in pixels at the given font size (system sans-serif averages ~0.55 em a character). */
const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.58;

/** A technique × group grid: fill encodes the value, every cell also prints it with its n. */
export function heatmapOptions(cells: HeatmapCell[], look: HeatmapLook): Plot.PlotOptions {
	const shown = cells.filter((c) => !c.hidden);
	const hidden = cells.filter((c) => c.hidden);
	const dark = shown.filter((c) => (c.value as number) > look.darkAbove);
	const light = shown.filter((c) => (c.value as number) <= look.darkAbove);
	const xs = [...new Set(cells.map((c) => c.x))];
	const ys = [...new Set(cells.map((c) => c.y))];
	const small = narrow(look.width);
	const fontSize = small ? 10 : 12;
	const marginLeft = Math.ceil(Math.max(60, ...ys.map((y) => textWidth(y, fontSize))) + 12);
	// Column labels wrap onto two lines ("PNF / stretching") where they fit, and turn where they do not.
	const columnWidth = (look.width - marginLeft) / Math.max(1, xs.length);
	const longestWord = Math.max(...xs.flatMap((x) => x.split(/\s+/).map((w) => textWidth(w, fontSize))));
	const turn = longestWord > columnWidth - 4;
	const lineWidth = Math.max(4, Math.floor(columnWidth / (fontSize * 0.58)));
	const longestLabel = Math.max(...xs.map((x) => textWidth(x, fontSize)));
	const marginTop = turn ? 24 + longestLabel * 0.7 : 56;
	const marginRight = turn ? Math.max(0, longestLabel * 0.7 - columnWidth / 2) : 0;
	const text = { x: 'x', y: 'y', text: 'label', fontSize: small ? 9.5 : 11, lineHeight: 1.1 } as const;
	return {
		width: look.width,
		height: marginTop + ys.length * (small ? 34 : 36),
		marginLeft,
		marginTop,
		marginRight,
		marginBottom: 8,
		ariaLabel: look.ariaLabel,
		style: { fontSize: `${fontSize}px` },
		// Band, said outright: groups coded 1, 2, 3 are names, not numbers.
		x: { type: 'band', domain: xs, axis: null },
		y: { type: 'band', domain: ys, axis: null },
		color: { ...look.color, legend: true, label: look.legendLabel, marginLeft: 12, width: 280 } as Plot.ScaleOptions,
		marks: [
			turn
				? Plot.axisX({ anchor: 'top', label: null, tickRotate: -45, tickSize: 0, textAnchor: 'start' })
				: Plot.axisX({
						anchor: 'top',
						label: look.xLabel,
						labelAnchor: 'center',
						labelArrow: 'none',
						lineWidth,
						tickSize: 0,
						labelOffset: 44
					}),
			Plot.axisY({ anchor: 'left', label: look.yLabel, labelAnchor: 'top', tickSize: 0, labelArrow: 'none' }),
			Plot.cell(hidden, { x: 'x', y: 'y', fill: HIDDEN_FILL, inset: 1 }),
			Plot.cell(shown, { x: 'x', y: 'y', fill: look.fillBy, inset: 1 }),
			Plot.text(hidden, { ...text, fill: '#555' }),
			Plot.text(light, { ...text, fill: 'black' }),
			Plot.text(dark, { ...text, fill: 'white' })
		]
	};
}
