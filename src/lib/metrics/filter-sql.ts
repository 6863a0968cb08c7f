/** The filters as SQL over the analysed sessions: conditions with bound values, never spliced in. */
import type { SqlParam } from '../db/database';
import type { Filters, GroupBy } from './filters';

export interface Where {
	sql: string;
	params: SqlParam[];
}

/**
 * Conditions on a session `s` joined to its client `c` (for the main technique). Sessions without a date
 * are kept when no date range is set, and left out when one is.
 */
export function sessionWhere(filters: Filters): Where {
	const parts: string[] = ['true'];
	const params: SqlParam[] = [];
	if (filters.from) {
		parts.push('s.session_date >= CAST(? AS DATE)');
		params.push(filters.from);
	}
	if (filters.to) {
		parts.push('s.session_date <= CAST(? AS DATE)');
		params.push(filters.to);
	}
	const among = (column: string, values: string[]) => {
		if (values.length === 0) return;
		parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
		params.push(...values);
	};
	among('s.clinic', filters.clinics);
	among('s.therapist', filters.therapists);
	among('c.main_technique', filters.techniques);
	among('s.condition', filters.conditions);
	return { sql: parts.join(' AND '), params };
}

/** The sessions the analysis covers, with each client's main technique: a FROM clause aliased `s`. */
export function filteredSessions(filters: Filters): Where {
	const where = sessionWhere(filters);
	return {
		sql: `(SELECT s.*, c.main_technique FROM active_sessions s
		       JOIN clients c ON c.dataset_id = s.dataset_id AND c.client_id = s.client_id
		       WHERE ${where.sql}) s`,
		params: where.params
	};
}

/** The column a comparison's rows come from. */
export function groupColumn(by: GroupBy): string {
	return by === 'technique' ? 's.main_technique' : by === 'therapist' ? 's.therapist' : 's.clinic';
}
