/** The within-session grids (pain by condition, range of motion by movement), in the page. */
import type { Cube } from './load-cube';
import type { Units } from './units';
import type { Filters } from '../metrics/filters';
import type { WithinSessionChart, WithinSessionRow } from '../metrics/within-session';
import { eachClientEffect, groupOf } from './client-effects';
import type { Buckets, Collected } from './group-stats';
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
export function painFromImmediate(groups: Buckets, all: Collected, unit: string): WithinSessionChart {
	const rows = [...groups.map.values()]
		.map((b) => ({
			technique: b.group,
			group: b.condition,
			unit,
			meanChange: b.values.reduce((s, v) => s + v, 0) / b.values.length,
			clients: b.values.length,
			sessions: b.sessions
		}))
		.sort((a, b) => byString(a.technique, b.technique) || byString(a.group, b.group));
	const sessions = rows.reduce((s, r) => s + r.sessions, 0);
	return { rows, totals: { clients: all.clients, sessions } };
}

