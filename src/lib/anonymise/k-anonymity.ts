/**
 * Re-identification check of the filtered data, client by client (dataset + client id): clients who share
 * every chosen quasi-identifier form a group, and a client in a group of k can only be told apart from
 * k − 1 others. k is the size of the smallest group.
 */
import { courseOrder } from '../definitions/effects';
import type { Database } from '../db/database';
import { type Filters } from '../metrics/filters';
import { filteredSessions } from '../metrics/filter-sql';
import { fixedIdentifierSql, MISSING, type QuasiIdentifier } from './quasi-identifiers';
import type { SqlPart } from './client-keys';

export interface RiskGroup {
	/** The group's value of each chosen quasi-identifier, in the order chosen; several joined with ' + '. */
	values: string[];
	clients: number;
	sessions: number;
}

export interface KAnonymity {
	/** Size of the smallest group; null when no client is left by the filters. */
	k: number | null;
	groups: number;
	clients: number;
	sessions: number;
	/** Groups smaller than this are at risk. */
	threshold: number;
	/** The groups under the threshold, smallest first, then by their values. */
	smallGroups: RiskGroup[];
	clientsAtRisk: number;
	sessionsAtRisk: number;
}

/**
 * One row per group: q0, q1… (lists of text), clients, sessions. An extra is the first value recorded in
 * the client's sessions (their first session's, when it has one): the export shows a later session's value
 * just as well. Extras' names are bound values.
 */
export function kAnonymitySql(filters: Filters, identifiers: readonly QuasiIdentifier[]): SqlPart {
	const from = filteredSessions(filters);
	const extras: string[] = [];
	const perClient = identifiers.map((identifier, i) => {
		if (identifier.kind !== 'extra') return `${fixedIdentifierSql(identifier.kind)} AS q${i}`;
		extras.push(identifier.name);
		return `[coalesce(any_value(x.e${extras.length - 1}), '${MISSING}')] AS q${i}`;
	});
	const extraValues = extras.map((_, i) => `first(v.value ORDER BY ${courseOrder('f')}) FILTER (WHERE v.name = ?) AS e${i}`);
	const extrasCte = extras.length
		? `, x AS (SELECT f.dataset_id, f.client_id, ${extraValues.join(', ')}
		          FROM f JOIN session_extras v ON v.session_id = f.session_id
		          WHERE v.value IS NOT NULL GROUP BY f.dataset_id, f.client_id)`
		: '';
	const groupBy = identifiers.map((_, i) => `q${i}`);
	const sql = `
		WITH f AS (SELECT s.*, d.name AS dataset_name FROM ${from.sql} JOIN datasets d ON d.dataset_id = s.dataset_id)
		${extrasCte},
		people AS (
			SELECT ${['count(*) AS sessions', ...perClient].join(', ')}
			FROM f ${extras.length ? 'LEFT JOIN x ON x.dataset_id = f.dataset_id AND x.client_id = f.client_id' : ''}
			GROUP BY f.dataset_id, f.client_id
		)
		SELECT ${[...groupBy, 'count(*)::INTEGER AS clients', 'sum(sessions)::INTEGER AS sessions'].join(', ')}
		FROM people ${groupBy.length ? `GROUP BY ${groupBy.join(', ')}` : ''}
		ORDER BY ${['clients', ...groupBy].join(', ')}`;
	return { sql, params: [...from.params, ...extras] };
}

export async function kAnonymity(
	db: Database,
	filters: Filters,
	identifiers: readonly QuasiIdentifier[],
	threshold: number = filters.minClients
): Promise<KAnonymity> {
	const { sql, params } = kAnonymitySql(filters, identifiers);
	const rows = await db.query<Record<string, unknown> & { clients: number; sessions: number | null }>(sql, params);
	// With nothing chosen the one "group" of an empty selection counts 0 clients: no group at all.
	const groups: RiskGroup[] = rows
		.filter((r) => r.clients > 0)
		.map((r) => ({
			values: identifiers.map((_, i) => (r[`q${i}`] as string[]).join(' + ')),
			clients: r.clients,
			sessions: r.sessions ?? 0
		}));
	const smallGroups = groups.filter((g) => g.clients < threshold);
	const total = (list: RiskGroup[], count: 'clients' | 'sessions') => list.reduce((sum, g) => sum + g[count], 0);
	return {
		k: groups.length ? groups[0].clients : null, // smallest first
		groups: groups.length,
		clients: total(groups, 'clients'),
		sessions: total(groups, 'sessions'),
		threshold,
		smallGroups,
		clientsAtRisk: total(smallGroups, 'clients'),
		sessionsAtRisk: total(smallGroups, 'sessions')
	};
}
