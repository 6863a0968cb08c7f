import { describe, expect, it } from 'vitest';
import { heatmapCells, heatmapOptions } from './heatmap';
import { frequencyBand, frequencyCells } from './frequency-chart';
import { withinSessionCells, withinSessionChartOptions } from './within-session-chart';
import { hiddenNote } from './notes';
import type { WithinSessionRow } from '../metrics/within-session';
import type { FrequencyRow } from '../metrics/session-frequency';

const painRows: WithinSessionRow[] = [
	{ technique: 'PNF stretching', group: 'Knee pain', unit: 'points', meanChange: 1.86, clients: 12, sessions: 40 },
	{ technique: 'PNF stretching', group: 'Jaw pain', unit: 'points', meanChange: 3.1, clients: 4, sessions: 9 }
];

describe('heatmap cells', () => {
	it('prints the value with its n, and withholds groups under the minimum size', () => {
		expect(withinSessionCells('pain', painRows, 5)).toEqual([
			{ x: 'PNF stretching', y: 'Knee pain', value: 1.86, clients: 12, hidden: false, category: undefined, label: '1.9\nn=12' },
			{ x: 'PNF stretching', y: 'Jaw pain', value: null, clients: 4, hidden: true, category: undefined, label: 'n<5' }
		]);
		// With a minimum of 4, the jaw cell shows.
		expect(withinSessionCells('pain', painRows, 4)[1]).toMatchObject({ value: 3.1, hidden: false, label: '3.1\nn=4' });
	});

	it('says how many groups are hidden', () => {
		expect(hiddenNote(withinSessionCells('pain', painRows, 5), 5)).toBe('1 of 2 groups have fewer than 5 clients and are hidden (grey).');
		expect(hiddenNote(withinSessionCells('pain', painRows, 4), 4)).toBe('Every group has at least 4 clients.');
	});

	it('hides a group with enough clients but no value, naming its n', () => {
		const [cell] = heatmapCells([{ v: null, n: 9 }], {
			x: () => 'a',
			y: () => 'b',
			value: (r) => r.v,
			clients: (r) => r.n,
			format: String,
			minClients: 5
		});
		expect(cell).toMatchObject({ hidden: true, label: 'n=9' });
	});
});

describe('frequency bands', () => {
	it('puts 2 and 4 a month inside the 2–4 band', () => {
		expect([1.99, 2, 3, 4, 4.01].map(frequencyBand)).toEqual(['under 2', '2–4', '2–4', '2–4', 'over 4']);
	});

	it('colours a cell by the band its median falls in', () => {
		const row: FrequencyRow = {
			technique: 'Sports massage',
			condition: 'Cramps',
			medianPerMonth: 4.5,
			clients: 6,
			allClients: 8,
			sessions: 30,
			underBand: 1,
			inBand: 2,
			overBand: 3
		};
		expect(frequencyCells([row], 5)[0]).toMatchObject({ category: 'over 4', label: '4.5\nn=6' });
	});
});

describe('chart options', () => {
	it('draws every cell, hidden ones grey, with the legend labelled in the unit', () => {
		const options = withinSessionChartOptions('pain', withinSessionCells('pain', painRows, 5), 1000);
		expect(options.color).toMatchObject({ legend: true, label: 'Mean pain reduction (points)', scheme: 'blues' });
		const data = (options.marks ?? []).map((m) => (m as { data?: unknown[] }).data?.length ?? 0);
		// After the two axes: hidden cells (1), shown cells (1), then text for hidden, light and dark cells.
		// The one shown cell holds the maximum, so it is dark and its text white.
		expect(data.slice(2)).toEqual([1, 1, 1, 0, 1]);
	});

	it('turns column labels on a phone and keeps them level on a desktop', () => {
		const techniques = ['PNF stretching', 'Palpation release', 'Positional release', 'Sports massage', 'Swedish massage'];
		const rows = techniques.map((technique) => ({ ...painRows[0], technique }));
		const phone = heatmapOptions(withinSessionCells('pain', rows, 5), {
			width: 360,
			xLabel: 'Technique',
			yLabel: 'Condition',
			legendLabel: 'x',
			color: {},
			darkAbove: 1,
			fillBy: 'value',
			ariaLabel: 'x'
		});
		const desktop = withinSessionChartOptions('pain', withinSessionCells('pain', rows, 5), 1200);
		expect(phone.marginTop).toBeGreaterThan(desktop.marginTop as number);
		expect(desktop.marginTop).toBe(56);
	});
});
