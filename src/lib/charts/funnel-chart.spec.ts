import { describe, expect, it } from 'vitest';
import { funnelLines, placeOf } from './funnel-chart';

describe('funnel plot', () => {
	it('places a provider by its z against 1.96 and 3.09', () => {
		expect(placeOf(1.9)).toBe('within');
		expect(placeOf(-2.1)).toBe('beyond95');
		expect(placeOf(3.2)).toBe('beyond998');
		// Either side of the normal table's z(0.975) = 1.95996 and z(0.999) = 3.09023.
		expect(placeOf(1.9599)).toBe('within');
		expect(placeOf(-1.9601)).toBe('beyond95');
		expect(placeOf(3.0902)).toBe('beyond95');
		expect(placeOf(-3.0903)).toBe('beyond998');
	});

	it('draws the limits narrowing as 1/√n', () => {
		const lines = funnelLines(2, 2, 115);
		const at = (limit: string) => lines.filter((l) => l.limit === limit);
		const first = at('95%')[0];
		// n = 2: 1.959964 × 2 / √2 = 2.771808
		expect(first.clients).toBe(2);
		expect(first.high).toBeCloseTo(2.771808, 5);
		expect(first.low).toBeCloseTo(-2.771808, 5);
		const last = at('99.8%').at(-1)!;
		expect(last.clients).toBe(115);
		expect(last.high).toBeCloseTo((3.090232 * 2) / Math.sqrt(115), 5);
	});
});
