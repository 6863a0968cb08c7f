import * as Plot from '@observablehq/plot';
import type { ProviderResult } from '../metrics/case-mix';
import { funnelLimits, funnelZ } from '../metrics/case-mix';
import { OKABE_ITO } from './palette';

/** Where a provider sits against the funnel's limits. */
export const PLACES = {
	within: { label: 'within the 95% limits', colour: OKABE_ITO.blue },
	beyond95: { label: 'beyond the 95% limits', colour: OKABE_ITO.orange },
	beyond998: { label: 'beyond the 99.8% limits', colour: OKABE_ITO.vermillion }
} as const;

export function placeOf(z: number): keyof typeof PLACES {
	const size = Math.abs(z);
	const limit = funnelZ();
	return size > limit.outer ? 'beyond998' : size > limit.inner ? 'beyond95' : 'within';
}

export interface FunnelLook {
	width: number;
	yLabel: string;
	ariaLabel: string;
}

/** The limits as lines over `from` to `to` clients: ±1.96 and ±3.09 SEs around no difference. */
export function funnelLines(residualSd: number, from: number, to: number): { clients: number; limit: string; low: number; high: number }[] {
	const lines = [];
	for (let k = 0; k <= 60; k++) {
		const clients = from + ((to - from) * k) / 60;
		const { inner, outer } = funnelLimits(residualSd, clients);
		lines.push({ clients, limit: '95%', low: -inner, high: inner }, { clients, limit: '99.8%', low: -outer, high: outer });
	}
	return lines;
}

/** A funnel plot: each provider's observed − expected change against its clients, within control limits. */
export function funnelChartOptions(providers: readonly ProviderResult[], residualSd: number, look: FunnelLook): Plot.PlotOptions {
	const shown = providers.filter((p) => !p.hidden).map((p) => ({ ...p, place: PLACES[placeOf(p.z)].label }));
	const sizes = shown.map((p) => p.clients);
	// From half the smallest provider to past the largest: the limits are drawn where providers are.
	const from = Math.max(2, Math.floor(Math.min(...sizes) / 2));
	const to = Math.max(from + 5, Math.ceil(Math.max(...sizes) * 1.15));
	const lines = funnelLines(residualSd, from, to);
	const reach = Math.max(...shown.map((p) => Math.abs(p.difference)), funnelLimits(residualSd, Math.min(...sizes)).outer) * 1.15;
	const places = Object.values(PLACES);
	return {
		width: look.width,
		height: look.width < 640 ? 300 : 360,
		marginRight: 20,
		ariaLabel: look.ariaLabel,
		x: { label: 'Clients →', grid: true, domain: [from, to] },
		y: { label: look.yLabel, grid: true, domain: [-reach, reach] },
		color: { type: 'ordinal', domain: places.map((p) => p.label), range: places.map((p) => p.colour), legend: true },
		marks: [
			Plot.ruleY([0], { stroke: '#555' }),
			...(['95%', '99.8%'] as const).flatMap((limit) => {
				const own = lines.filter((l) => l.limit === limit);
				const dash = limit === '95%' ? '5,3' : '2,3';
				return [
					Plot.line(own, { x: 'clients', y: 'high', stroke: '#777', strokeDasharray: dash, clip: true }),
					Plot.line(own, { x: 'clients', y: 'low', stroke: '#777', strokeDasharray: dash, clip: true }),
					// Inside the frame, above the line's end: it fits at any width.
					Plot.text(own.slice(-1), {
						x: 'clients',
						y: 'high',
						text: () => `${limit} limit`,
						dy: -6,
						textAnchor: 'end',
						fill: '#555',
						fontSize: 10
					})
				];
			}),
			Plot.dot(shown, { x: 'clients', y: 'difference', fill: 'place', r: 5, stroke: 'white' }),
			// Names for those beyond the limits; every provider is in the table.
			Plot.text(
				shown.filter((p) => placeOf(p.z) !== 'within'),
				{ x: 'clients', y: 'difference', text: 'group', dx: 8, textAnchor: 'start', fill: '#222' }
			)
		]
	};
}
