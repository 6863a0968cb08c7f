/** Client values gathered into groups and summarised, in the page. */
import type { EffectRow } from '../metrics/effects';
import type { Filters } from '../metrics/filters';
import type { CubeMeasure } from './load-cube';
import { quantileIn, quantileOf } from './quantiles';

/** Client values gathered per group, for the statistics of each. */
export class Buckets {
	readonly map = new Map<number, { group: string; condition: string; values: number[]; sessions: number; responders: number }>();

	/** `name` gives a new bucket's group and condition from the codes it was first added with. */
	constructor(private readonly name: (g: number, c: number) => [string, string]) {}

	add(key: number, g: number, c: number, value: number, sessions: number, responder: boolean) {
		let b = this.map.get(key);
		if (!b) {
			const [group, condition] = this.name(g, c);
			this.map.set(key, (b = { group, condition, values: [], sessions: 0, responders: 0 }));
		}
		b.values.push(value);
		b.sessions += sessions;
		if (responder) b.responders++;
	}

	rows(withResponders: boolean): EffectRow[] {
		return [...this.map.values()].map((b) => ({
			group: b.group,
			condition: b.condition,
			clients: b.values.length,
			sessions: b.sessions,
			...stats(b.values),
			responders: withResponders ? b.responders : null
		}));
	}
}

/** Values of one kind across clients, for a headline median, counting distinct clients as they come. */
export class Collected {
	readonly values: number[] = [];
	clients = 0;
	responders = 0;
	private last = -1;
	private lastResponder = -1;

	add(client: number, value: number, responder: boolean) {
		this.values.push(value);
		if (client !== this.last) (this.clients++, (this.last = client));
		if (responder && client !== this.lastResponder) (this.responders++, (this.lastResponder = client));
	}

	median(): number | null {
		return quantileOf(this.values, 0.5);
	}
}

function stats(values: number[]) {
	const n = values.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += values[i];
	const mean = sum / n;
	let squares = 0;
	for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
	const copy = new Float64Array(values);
	return {
		mean,
		sd: n > 1 ? Math.sqrt(squares / (n - 1)) : null,
		q1: quantileIn(copy, 0.25),
		median: quantileIn(copy, 0.5),
		q3: quantileIn(copy, 0.75)
	};
}

/** Whether a course change reaches the meaningful change: the user's threshold, else the measure's. */
export function responderTest(measure: CubeMeasure, filters: Filters): (value: number, baseline: number) => boolean {
	const points = filters.mcidPoints ?? measure.mcidPoints ?? Infinity;
	const percent = filters.mcidPercent ?? measure.mcidPercent;
	return (value, baseline) => value >= points || (percent !== null && baseline !== 0 && value / Math.abs(baseline) >= percent);
}

