/**
 * The trial view from its aggregates: per arm and timepoint n, mean (SD), median (IQR); change from
 * baseline by arm; the contrast of each arm with the reference arm at each follow-up, unadjusted (Welch)
 * and adjusted for baseline (ANCOVA), in the measure's own units; the share reaching a value (Wilson, and
 * Newcombe for the difference); and the flow of participants. Pure.
 */
import type { MeasureInfo } from '../metrics/measure-info';
import { defaultReference } from '../metrics/contrasts';
import { ancova, type AdjustedDifference, type Ancova } from '../statistics/ancova';
import { welchDifference, type MeanDifference } from '../statistics/two-groups';
import { newcombeDifference, wilsonInterval, type ProportionDifference } from '../statistics/proportions';
import { meanInterval, type Interval } from '../statistics/summaries';
import type { Moments } from '../statistics/least-squares';
import type { PairSums, TrialData } from './trial-data';
import type { Population } from './trial-settings';

export interface Share {
	reaching: number;
	n: number;
	rate: number;
	ci: Interval | null;
}

export interface TimepointRow {
	arm: string;
	visit: number;
	n: number;
	mean: number;
	sd: number | null;
	ci: Interval | null;
	median: number;
	q1: number;
	q3: number;
	/** Observed values reaching the chosen one, among those with a value. */
	share: Share | null;
}

export interface FlowRow {
	arm: string;
	/** Clients in the arm in the data, with a baseline value, with a value at each follow-up. */
	allocated: number;
	withBaseline: number;
	followed: { visit: number; n: number }[];
	/** At the chosen follow-up: analysed under the population, and with no value there. */
	analysed: number;
	missing: number;
}

export interface ChangeRow {
	arm: string;
	visit: number;
	n: number;
	mean: number;
	sd: number | null;
	ci: Interval | null;
}

export interface ArmContrast {
	arm: string;
	n: number;
	/** Mean at the follow-up of the analysed clients. */
	mean: number;
	/** Arm minus reference, in the measure's units (not signed for better). */
	difference: MeanDifference | null;
	adjusted: AdjustedDifference | null;
	share: Share | null;
	shareDifference: ProportionDifference | null;
}

export interface FollowUpContrasts {
	visit: number;
	model: Ancova | null;
	reference: { arm: string; n: number; mean: number; share: Share | null } | null;
	rows: ArmContrast[];
}

export interface TrialView {
	measure: MeasureInfo;
	timepoints: number[];
	moreTimepoints: number;
	baseline: number | null;
	followUps: number[];
	/** The follow-up of the flow and the headline contrast. */
	followUp: number | null;
	population: Population;
	reach: number | null;
	arms: string[];
	hiddenArms: string[];
	reference: string | null;
	chosenReference: boolean;
	describe: TimepointRow[];
	flow: FlowRow[];
	change: ChangeRow[];
	contrasts: FollowUpContrasts[];
}

const sumOf = (rows: PairSums[]): Moments & { reaching: number | null } => {
	const m = { n: 0, x: 0, y: 0, xx: 0, xy: 0, yy: 0, reaching: null as number | null };
	for (const r of rows) {
		m.n += r.n;
		m.x += r.m_x ?? 0;
		m.y += r.m_y ?? 0;
		m.xx += r.m_xx ?? 0;
		m.xy += r.m_xy ?? 0;
		m.yy += r.m_yy ?? 0;
		if (r.reaching !== null) m.reaching = (m.reaching ?? 0) + r.reaching;
	}
	return m;
};

/** Mean and SD from a count, a sum and a sum of squares. */
function spread(n: number, sum: number, squares: number): { mean: number; sd: number | null } {
	const mean = sum / n;
	return { mean, sd: n > 1 ? Math.sqrt(Math.max(0, (squares - n * mean * mean) / (n - 1))) : null };
}

function share(reaching: number | null, n: number): Share | null {
	if (reaching === null || n === 0) return null;
	return { reaching, n, rate: reaching / n, ci: wilsonInterval(reaching, n) };
}

export interface TrialViewInput {
	data: TrialData;
	measure: MeasureInfo;
	population: Population;
	reach: number | null;
	followUp: number | null;
	reference: string | null;
	/** The dashboard's default reference, used when none is chosen, so both views compare with the same group. */
	usualReference?: string | null;
	minClients: number;
}

export function trialView({
	data,
	measure,
	population,
	reach,
	followUp,
	reference,
	usualReference = null,
	minClients
}: TrialViewInput): TrialView {
	const [baseline = null, ...followUps] = data.timepoints;
	const chosenFollowUp = followUp !== null && followUps.includes(followUp) ? followUp : (followUps.at(-1) ?? null);
	const atBaseline = (arm: string) => data.summaries.find((s) => s.arm === arm && s.visit === baseline)?.n ?? 0;
	const arms = data.arms.map((a) => a.arm).filter((arm) => data.summaries.some((s) => s.arm === arm));
	const hiddenArms = arms.filter((arm) => atBaseline(arm) < minClients);
	const shown = arms.filter((arm) => !hiddenArms.includes(arm));
	// Else the largest arm at the follow-up: an arm nobody was followed in cannot be compared with.
	const atFollowUp = (arm: string) => data.summaries.find((s) => s.arm === arm && s.visit === chosenFollowUp)?.n ?? 0;
	const candidates = arms.map((arm) => ({
		group: arm,
		clients: atFollowUp(arm),
		mean: 0,
		sd: null,
		ci: null,
		responders: null,
		responderRate: null,
		hidden: hiddenArms.includes(arm) || atFollowUp(arm) === 0
	}));
	const picked = reference !== null && shown.includes(reference) ? reference : null;
	const usual = usualReference !== null && shown.includes(usualReference) && atFollowUp(usualReference) > 0 ? usualReference : null;
	const ref = picked ?? usual ?? defaultReference(candidates) ?? shown[0] ?? null;

	const describe: TimepointRow[] = data.summaries
		.filter((s) => shown.includes(s.arm))
		.map((s) => ({
			arm: s.arm,
			visit: s.visit,
			n: s.n,
			mean: s.mean,
			sd: s.sd,
			ci: s.sd === null ? null : meanInterval(s.mean, s.sd, s.n),
			median: s.median,
			q1: s.q1,
			q3: s.q3,
			share: share(s.reaching, s.n)
		}));

	const pairsOf = (arm: string, visit: number) => data.pairs.filter((p) => p.arm === arm && p.visit === visit);
	const flow: FlowRow[] = shown.map((arm) => {
		const chosen = chosenFollowUp === null ? [] : pairsOf(arm, chosenFollowUp);
		const withBaseline = chosen.reduce((n, p) => n + p.withBaseline, 0) || atBaseline(arm);
		const followedThere = chosen.reduce((n, p) => n + p.withFollowUp, 0);
		return {
			arm,
			allocated: data.arms.find((a) => a.arm === arm)?.units ?? 0,
			withBaseline,
			followed: followUps.map((visit) => ({ visit, n: data.summaries.find((s) => s.arm === arm && s.visit === visit)?.n ?? 0 })),
			analysed: chosen.reduce((n, p) => n + p.n, 0),
			missing: withBaseline - followedThere
		};
	});

	const change: ChangeRow[] = [];
	const contrasts: FollowUpContrasts[] = [];
	for (const visit of followUps) {
		const totals = new Map(shown.map((arm) => [arm, sumOf(pairsOf(arm, visit))]));
		for (const [arm, m] of totals) {
			if (m.n === 0) continue;
			const { mean, sd } = spread(m.n, m.y - m.x, m.yy - 2 * m.xy + m.xx);
			change.push({ arm, visit, n: m.n, mean, sd, ci: sd === null ? null : meanInterval(mean, sd, m.n) });
		}
		const refTotal = ref ? totals.get(ref) : undefined;
		if (!ref || !refTotal || refTotal.n === 0) {
			contrasts.push({ visit, model: null, reference: null, rows: [] });
			continue;
		}
		const cells = data.pairs
			.filter((p) => p.visit === visit && shown.includes(p.arm) && p.n > 0)
			.map((p) => ({ group: p.arm, stratum: p.condition, moments: { n: p.n, x: p.m_x, y: p.m_y, xx: p.m_xx, xy: p.m_xy, yy: p.m_yy } }));
		const model = ancova(cells, ref, shown);
		const refSpread = spread(refTotal.n, refTotal.y, refTotal.yy);
		const refShare = share(refTotal.reaching, refTotal.n);
		contrasts.push({
			visit,
			model,
			reference: { arm: ref, n: refTotal.n, mean: refSpread.mean, share: refShare },
			rows: shown
				.filter((arm) => arm !== ref && (totals.get(arm)?.n ?? 0) > 0)
				.map((arm) => {
					const m = totals.get(arm)!;
					const own = spread(m.n, m.y, m.yy);
					const ownShare = share(m.reaching, m.n);
					return {
						arm,
						n: m.n,
						mean: own.mean,
						difference:
							own.sd !== null && refSpread.sd !== null
								? welchDifference({ mean: own.mean, sd: own.sd, n: m.n }, { mean: refSpread.mean, sd: refSpread.sd, n: refTotal.n })
								: null,
						adjusted: model?.differences.find((d) => d.group === arm) ?? null,
						share: ownShare,
						shareDifference:
							ownShare && refShare
								? newcombeDifference({ successes: ownShare.reaching, n: ownShare.n }, { successes: refShare.reaching, n: refShare.n })
								: null
					};
				})
		});
	}
	return {
		measure,
		timepoints: data.timepoints,
		moreTimepoints: data.moreTimepoints,
		baseline,
		followUps,
		followUp: chosenFollowUp,
		population,
		reach,
		arms: shown,
		hiddenArms,
		reference: ref,
		chosenReference: picked !== null,
		describe,
		flow,
		change,
		contrasts
	};
}
