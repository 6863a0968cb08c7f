/**
 * The dashboard's effect tables (immediate and course) as one aggregate export: a row per effect, group and
 * condition, with every value of a row counting fewer clients than the minimum blanked (suppress-small-groups.ts).
 */
import type { EffectSummary } from '../metrics/effects';
import { toCsv } from '../export/csv';
import { suppressSmallGroups } from './suppress-small-groups';

export function effectsCsv(immediate: readonly EffectSummary[], course: readonly EffectSummary[], minClients: number): string {
	const rows = [...immediate.map((r) => ({ effect: 'immediate', ...r })), ...course.map((r) => ({ effect: 'course', ...r }))];
	const flat = rows.map((r) => ({
		effect: r.effect,
		group: r.group,
		condition: r.condition,
		clients: r.clients,
		sessions: r.sessions,
		mean: r.mean,
		ci_low: r.ci?.low ?? null,
		ci_high: r.ci?.high ?? null,
		median: r.median,
		q1: r.q1,
		q3: r.q3,
		srm: r.srm,
		responders: r.responders,
		responder_rate: r.responderRate
	}));
	const safe = suppressSmallGroups(flat, { minClients, labels: ['effect', 'group', 'condition'] });
	const header = [...Object.keys(flat[0] ?? { effect: '' }), 'note'];
	return toCsv(
		header,
		safe.map((r) => header.map((h) => (r as Record<string, string | number | null>)[h] ?? null))
	);
}
