/**
 * Each group against a reference group, as people decide between them: the difference in mean change with
 * Welch's interval, Hedges' g, the difference in responder rates (course) with Newcombe's interval, and the
 * difference adjusted for baseline (and condition, when several are shown) by ANCOVA. Groups pool their
 * clients over the conditions shown. Pure: the same rows from SQL or from the cube give the same answer.
 */
import type { Effect, EffectSummary } from './effects';
import { pool } from './effects';
import { ancova, type AdjustedDifference, type Ancova, type AncovaCell } from '../statistics/ancova';
import { hedgesG, welchDifference, type MeanDifference, type StandardisedDifference } from '../statistics/two-groups';
import { newcombeDifference, type ProportionDifference } from '../statistics/proportions';
import { meanInterval, type Interval } from '../statistics/summaries';
import { byString } from '../format/text-order';

/** One group's clients over the conditions shown. */
export interface GroupTotal {
	group: string;
	clients: number;
	mean: number;
	sd: number | null;
	ci: Interval | null;
	responders: number | null;
	responderRate: number | null;
	/** Fewer clients than the smallest group shown: not compared. */
	hidden: boolean;
}

export interface Contrast {
	group: GroupTotal;
	/** Group minus reference; positive is better. */
	difference: MeanDifference | null;
	g: StandardisedDifference | null;
	responderDifference: ProportionDifference | null;
	adjusted: AdjustedDifference | null;
}

export interface Contrasts {
	effect: Effect;
	/** Every group with clients, the hidden ones too: the choices of reference. */
	groups: GroupTotal[];
	reference: GroupTotal | null;
	/** The reference is the user's choice, not the default. */
	chosen: boolean;
	rows: Contrast[];
	/** Groups under the smallest size shown, not compared. */
	hidden: number;
	/** The baseline-adjusted model, when one can be fitted. */
	model: Ancova | null;
	/** Conditions in the rows: the model adjusts for condition when there are several. */
	conditions: string[];
}

/** Labels that name a comparison arm: what a trial or a clinic compares against. */
const REFERENCE_WORDS = /\b(control|usual[ -]care|placebo|sham|wait[ -]?list(ed)?|waiting[ -]list|standard care|treatment as usual)\b/i;

/** The default reference: a group whose label says control, usual care, placebo, sham or waitlist, else the largest. */
export function defaultReference(groups: readonly GroupTotal[]): string | null {
	const shown = groups.filter((g) => !g.hidden);
	const named = shown.find((g) => REFERENCE_WORDS.test(g.group));
	if (named) return named.group;
	const largest = [...shown].sort((a, b) => b.clients - a.clients || byString(a.group, b.group))[0];
	return largest?.group ?? null;
}

/** Group totals over the conditions: pooled means and SDs, summed responders, in group order. */
export function groupTotals(rows: readonly EffectSummary[], minClients: number): GroupTotal[] {
	const names = [...new Set(rows.map((r) => r.group))].sort(byString);
	return names.map((group) => {
		const own = rows.filter((r) => r.group === group);
		const clients = own.reduce((n, r) => n + r.clients, 0);
		const pooled = pool(own);
		const mean = own.reduce((s, r) => s + r.mean * r.clients, 0) / clients;
		const sd = pooled && clients > 1 ? pooled.sd : null;
		const responders = own.every((r) => r.responders !== null) ? own.reduce((n, r) => n + (r.responders ?? 0), 0) : null;
		return {
			group,
			clients,
			mean,
			sd,
			ci: sd === null ? null : meanInterval(mean, sd, clients),
			responders,
			responderRate: responders === null ? null : responders / clients,
			hidden: clients < minClients
		};
	});
}

export function contrastsOf(effect: Effect, rows: readonly EffectSummary[], chosen: string | null, minClients: number): Contrasts {
	const groups = groupTotals(rows, minClients);
	const conditions = [...new Set(rows.map((r) => r.condition))].sort(byString);
	const picked = groups.find((g) => g.group === chosen && !g.hidden);
	const reference = picked ?? groups.find((g) => g.group === defaultReference(groups)) ?? null;
	const shown = groups.filter((g) => !g.hidden);
	const empty = { effect, groups, reference, chosen: !!picked, rows: [], hidden: groups.length - shown.length, model: null, conditions };
	if (!reference) return empty;
	const cells: AncovaCell[] = rows.map((r) => ({ group: r.group, stratum: r.condition, moments: r.moments }));
	const model = ancova(
		cells,
		reference.group,
		shown.map((g) => g.group)
	);
	const sample = (g: GroupTotal) => (g.sd === null ? null : { mean: g.mean, sd: g.sd, n: g.clients });
	const ref = sample(reference);
	return {
		...empty,
		model,
		rows: shown
			.filter((g) => g !== reference)
			.map((group) => {
				const own = sample(group);
				return {
					group,
					difference: own && ref ? welchDifference(own, ref) : null,
					g: own && ref ? hedgesG(own, ref) : null,
					responderDifference:
						group.responders !== null && reference.responders !== null
							? newcombeDifference(
									{ successes: group.responders, n: group.clients },
									{ successes: reference.responders, n: reference.clients }
								)
							: null,
					adjusted: model?.differences.find((d) => d.group === group.group) ?? null
				};
			})
	};
}
