/** The within-session grids (pain by condition, range of motion by movement), in the page. */
import type { Cube } from './load-cube';
import type { Units } from './units';
import type { Filters } from '../metrics/filters';
import type { WithinSessionChart, WithinSessionRow } from '../metrics/within-session';
import { eachClientEffect, groupOf } from './client-effects';
import type { Gathered } from './group-stats';
import { byString } from './quantiles';

export function withinSessionChart(cube: Cube, units: Units, mask: Uint8Array, measures: number[], by: Filters['by'], groupBy: 'condition' | 'measure'): WithinSessionChart {
	// One value per client and group (and condition, or movement): their mean change; then the mean of those.
	const group = groupOf(cube, units, by);
	const rows = new Map<number, WithinSessionRow & { sumOfMeans: number }>();
	let clients = 0;
	let pairSessions = 0;
	const clientSeen = new Uint8Array(units.count ? units.client[units.count - 1] + 1 : 0);
	for (const code of measures) {
		const measure = cube.measures[code];
		eachClientEffect(units, mask, code, 'immediate', group.codes, measure.direction, groupBy === 'condition', (client, g, c, value, sessions) => {
			const key = g * 65536 + (groupBy === 'condition' ? c : code);
			let r = rows.get(key);
			if (!r) {
				const name = groupBy === 'condition' ? cube.names.condition[c] : measure.label;
				rows.set(key, (r = { technique: group.names[g], group: name, unit: measure.unit, meanChange: 0, clients: 0, sessions: 0, sumOfMeans: 0 }));
			}
			r.sumOfMeans += value;
			r.clients++;
			r.sessions += sessions;
			pairSessions += sessions;
			if (!clientSeen[client]) (clientSeen[client] = 1), clients++;
		});
	}
	// Range of motion: a session with two movements measured counts once.
	let sessions = pairSessions;
	if (groupBy === 'measure') {
		sessions = 0;
		for (let i = 0; i < units.count; i++) if (mask[i]) sessions += units.romPairs[i];
	}
	const out = [...rows.values()]
		.map(({ sumOfMeans, ...r }) => ({ ...r, meanChange: sumOfMeans / r.clients }))
		.sort((a, b) => byString(a.technique, b.technique) || byString(a.group, b.group) || byString(a.unit, b.unit));
	return { rows: out, totals: { clients, sessions } };
}

/**
 * The pain heatmap when pain is also the chosen measure: the same client values, already gathered.
 * Each session has one pain measurement, so the sessions add up without counting one twice.
 */
export function painFromImmediate(groups: Gathered, names: [string, string][], unit: string): WithinSessionChart {
	const rows: WithinSessionRow[] = [];
	for (let b = 0; b < names.length; b++) {
		const n = groups.count[b];
		if (n === 0) continue;
		let sum = 0;
		for (let i = groups.start[b]; i < groups.start[b] + n; i++) sum += groups.values[i];
		rows.push({ technique: names[b][0], group: names[b][1], unit, meanChange: sum / n, clients: n, sessions: groups.sessions[b] });
	}
	rows.sort((a, b) => byString(a.technique, b.technique) || byString(a.group, b.group));
	const sessions = rows.reduce((s, r) => s + r.sessions, 0);
	return { rows, totals: { clients: groups.clients, sessions } };
}
