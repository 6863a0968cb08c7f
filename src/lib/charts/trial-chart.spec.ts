import { describe, expect, it } from 'vitest';
import { armPoints, trialChartOptions } from './trial-chart';

const row = (arm: string, visit: number, mean: number) => ({
	arm,
	visit,
	n: 10,
	mean,
	sd: 1,
	ci: { low: mean - 0.5, high: mean + 0.5 },
	median: mean,
	q1: mean - 1,
	q3: mean + 1,
	share: null
});

describe('means over timepoints', () => {
	it('spreads the arms sideways around each visit, with their intervals', () => {
		const points = armPoints([row('A', 1, 4), row('B', 1, 4.2), row('C', 2, 2)], ['A', 'B', 'C']);
		expect(points.map((p) => p.x)).toEqual([0.88, 1, 2.12]);
		expect(points[0]).toMatchObject({ arm: 'A', visit: 1, mean: 4, low: 3.5, high: 4.5 });
	});

	it('names the arms in a legend by colour and shape, with the visits as ticks', () => {
		const options = trialChartOptions(armPoints([row('1', 1, 4)], ['1', '2']), ['1', '2'], {
			width: 800,
			yLabel: 'y',
			timepoints: [1, 2],
			ariaLabel: 'a'
		});
		expect(options.symbol).toMatchObject({ type: 'ordinal', domain: ['1', '2'], legend: true });
		expect(options.x).toMatchObject({ ticks: [1, 2], domain: [0.6, 2.4] });
	});
});
