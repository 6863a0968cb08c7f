import { describe, expect, it } from 'vitest';
import { contrastChartOptions, contrastPoints, ESTIMATES } from './contrast-chart';
import type { Contrast } from '../metrics/contrasts';

const group = (name: string, clients: number) => ({
	group: name,
	clients,
	mean: 1,
	sd: 1,
	ci: null,
	responders: null,
	responderRate: null,
	hidden: false
});
const rows: Contrast[] = [
	{
		group: group('PNF stretching', 12),
		difference: { difference: 0.8, se: 0.4, df: 20, ci: { low: -0.03, high: 1.63 } },
		g: null,
		responderDifference: null,
		adjusted: { group: 'PNF stretching', n: 12, estimate: 0.6, se: 0.3, ci: { low: -0.02, high: 1.22 } }
	},
	{
		group: group('Swedish massage', 6),
		difference: { difference: -0.2, se: 0.5, df: 9, ci: { low: -1.3, high: 0.9 } },
		g: null,
		responderDifference: null,
		adjusted: null
	}
];

describe('contrast forest plot', () => {
	it('draws the adjusted and the unadjusted difference of each group, with its interval, n once', () => {
		expect(contrastPoints(rows)).toEqual([
			{ group: 'PNF stretching', estimate: ESTIMATES.adjusted.label, difference: 0.6, low: -0.02, high: 1.22, n: 'n=12' },
			{ group: 'PNF stretching', estimate: ESTIMATES.unadjusted.label, difference: 0.8, low: -0.03, high: 1.63, n: '' },
			{ group: 'Swedish massage', estimate: ESTIMATES.unadjusted.label, difference: -0.2, low: -1.3, high: 0.9, n: 'n=6' }
		]);
	});

	it('marks no difference and the meaningful change, and says which estimate is which in a legend', () => {
		const options = contrastChartOptions(contrastPoints(rows), { width: 800, xLabel: 'x', threshold: 2, ariaLabel: 'a' });
		const rules = (options.marks ?? []).slice(1, 3).map((m) => (m as unknown as { data: number[] }).data);
		expect(rules).toEqual([[0], [2]]);
		expect(options.symbol).toMatchObject({ legend: true, domain: [ESTIMATES.adjusted.label, ESTIMATES.unadjusted.label] });
		expect(options.y).toMatchObject({ type: 'band', domain: ['PNF stretching', 'Swedish massage'] });
	});
});
