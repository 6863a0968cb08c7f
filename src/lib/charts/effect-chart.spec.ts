import { describe, expect, it } from 'vitest';
import { effectChartOptions, effectRows } from './effect-chart';
import type { EffectSummary } from '../metrics/effects';

const base = {
	condition: 'Sciatica',
	sessions: 10,
	sd: 1,
	q1: 0,
	median: 1,
	q3: 2,
	responders: null,
	srm: 1,
	responderRate: null,
	moments: { n: 0, x: 0, y: 0, xx: 0, xy: 0, yy: 0 }
};
const rows: EffectSummary[] = [
	{ ...base, group: 'PNF stretching', clients: 8, mean: 1.5, ci: { low: 0.66, high: 2.34 }, hidden: false },
	{ ...base, group: 'Swedish massage', clients: 3, mean: 0.4, ci: null, hidden: true }
];

describe('effect forest plot', () => {
	it('draws shown groups only, each with its interval and n', () => {
		expect(effectRows(rows)).toEqual([
			{ label: 'PNF stretching · Sciatica', group: 'PNF stretching', mean: 1.5, low: 0.66, high: 2.34, n: 'n=8' }
		]);
	});

	it('marks zero and the meaningful change', () => {
		const options = effectChartOptions(effectRows(rows), { width: 800, xLabel: 'x', threshold: 2, ariaLabel: 'a' });
		const rules = (options.marks ?? []).slice(1, 3).map((m) => (m as unknown as { data: number[] }).data);
		expect(rules).toEqual([[0], [2]]);
		expect(options.height).toBe(50 + 24);
		// On a phone the long labels wrap onto two lines, in taller rows.
		expect(effectChartOptions(effectRows(rows), { width: 300, xLabel: 'x', threshold: 2, ariaLabel: 'a' }).height).toBe(50 + 32);
	});
});
