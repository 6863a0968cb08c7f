/**
 * The methods section of the printable report, written from the settings in force: what a reader of a
 * paper or a clinic's monthly review needs to judge the figures. Pure: every sentence follows from its input.
 */
import type { StoredDataset } from '../datasets/stored-datasets';
import type { Filters } from '../metrics/filters';
import { thresholdText, type MeasureInfo } from '../metrics/measure-info';
import { FREQUENCY_BAND, sessionsAMonth } from '../definitions/attendance';
import { formula } from '../definitions/arithmetic';
import { responds } from '../definitions/responder';

const RESPONDER_FORMULA = responds(formula, 'course effect', 'baseline', { points: 'points', percent: 'percent' });
import { RETENTION_WEEKS } from '../definitions/attendance';
import type { Contrasts } from '../metrics/contrasts';
import type { CaseMix } from '../metrics/case-mix';
import type { TrialView } from '../trial/trial-view';
import { POPULATION_WORDS } from '../trial/trial-settings';
import { CLIENTS_PER_TERM } from '../metrics/case-mix';

export interface MethodsInput {
	/** The datasets included in the analysis. */
	datasets: StoredDataset[];
	filters: Filters;
	measure: MeasureInfo;
	/** Of the filtered data. */
	clients: number;
	sessions: number;
	firstDate: string | null;
	lastDate: string | null;
	/** When the report was made, 'YYYY-MM-DD'. */
	today: string;
	software: string;
	/** The course effect's comparison with the reference group. */
	contrasts: Contrasts | null;
	/** Therapists or clinics against their case mix (when compared by them). */
	caseMix: CaseMix | null;
	/** The trial view, when the report carries it. */
	trial: TrialView | null;
}

export interface MethodsSection {
	heading: string;
	paragraphs: string[];
}

const BY_WORDS = { technique: 'main technique (the technique in most of a client’s sessions)', therapist: 'therapist', clinic: 'clinic' };

const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** The filters in force, in words: "clinic North and South". */
export function filterWords(f: Filters): string[] {
	const parts: string[] = [];
	if (f.from || f.to) parts.push(`sessions ${f.from ? `from ${f.from}` : ''}${f.from && f.to ? ' ' : ''}${f.to ? `to ${f.to}` : ''}`);
	if (f.clinics.length) parts.push(`clinic ${list(f.clinics)}`);
	if (f.therapists.length) parts.push(`therapist ${list(f.therapists)}`);
	if (f.techniques.length) parts.push(`technique ${list(f.techniques)}`);
	if (f.conditions.length) parts.push(`condition ${list(f.conditions)}`);
	return parts;
}

/** How groups are compared with the reference: the intervals, the effect size and the adjusted model. */
function comparisons(input: MethodsInput): MethodsSection {
	const c = input.contrasts;
	const by = BY_WORDS[input.filters.by];
	const reference = c?.reference
		? `${c.reference.group}${c.chosen ? ', chosen by the user' : ', by default (a group labelled as a control, usual care, placebo, sham or waitlist, else the largest)'}`
		: 'none (no group had enough clients)';
	return {
		heading: 'Comparisons between groups',
		paragraphs: [
			`Each group (clients by ${by}, pooled over the conditions shown) is compared with a reference group: ${reference}. Differences are the group’s minus the reference’s, signed so that positive is better.`,
			`Unadjusted: the difference in mean change with Welch’s unequal-variance 95% interval; Hedges’ g (Cohen’s d on the pooled SD × J = 1 − 3/(4(n1 + n2) − 9)) with a 95% interval from its large-sample variance (Borenstein et al. 2009); for the course effect, the difference in responder rates with Newcombe’s hybrid score interval (Stat Med 1998;17:873–890, method 10). 0.2, 0.5 and 0.8 are read as small, medium and large.`,
			`Adjusted (ANCOVA, Vickers & Altman, BMJ 2001;323:1123): each client’s follow-up value (the latest before-session value for the course effect; the mean after-session value for the immediate effect) on their baseline (the first before-session value; the mean before-session value), their ${by}${c?.model?.strata.length ? ' and their condition' : ''}, by ordinary least squares; the group’s term is its adjusted difference, with a 95% interval from the t distribution on the residual degrees of freedom.${c?.model ? ` Course model: ${c.model.n} clients, slope ${c.model.slope.estimate.toFixed(2)}, R² ${c.model.rSquared.toFixed(2)}.` : ''}${c?.model?.aliased.length ? ` Not estimable (all their clients have conditions no other group has): ${list(c.model.aliased)}.` : ''}`
		]
	};
}

function caseMixSection(m: CaseMix, f: Filters): MethodsSection {
	const used = m.terms.filter((t) => t.used).map((t) => t.label);
	const left = m.terms.filter((t) => !t.used).map((t) => `${t.label} (${t.reason})`);
	return {
		heading: 'Case-mix adjustment',
		paragraphs: [
			`Each ${BY_WORDS[f.by]} is compared with what its case mix predicts, as FOTO reports providers: a linear model of course change on ${list(used)}, fitted by least squares over ${m.n} clients${m.excluded ? ` (${m.excluded} left out for a missing value)` : ''}, never on anything after baseline; R² ${m.rSquared.toFixed(2)}, residual SD ${m.residualSd.toFixed(2)}. A term enters only with at least ${CLIENTS_PER_TERM} clients per model term, and a covariate missing for more than a fifth of clients is left out.${left.length ? ` Left out: ${left.join('; ')}.` : ''} Durations whose unit the column names are banded as acute (under 6 weeks), subacute (6–12) and chronic (over 12; van Tulder et al., Eur Spine J 2006).`,
			`For each ${BY_WORDS[f.by]}: observed mean change, expected (mean prediction) and observed − expected with a t interval from its clients’ residuals. The funnel plot sets observed − expected against the number of clients, with limits at ±1.96 and ±3.09 residual SDs ÷ √n (95% and 99.8%; Spiegelhalter, Stat Med 2005;24:1185–1202).`
		]
	};
}

function trialSection(t: TrialView): MethodsSection {
	const reach = t.reach === null ? null : `${t.measure.direction === 'lower' ? 'at or below' : 'at or above'} ${t.reach} ${t.measure.unit}`;
	return {
		heading: 'Trial view',
		paragraphs: [
			`Timepoints are visit numbers: visit ${t.baseline} is the baseline; follow-ups ${list(t.followUps.map(String))}${t.moreTimepoints ? ` (${t.moreTimepoints} later visits not shown)` : ''}. Per arm and visit: n, mean (SD) with a t interval, median (IQR), of every client with a value.`,
			`Analysis population: ${POPULATION_WORDS[t.population]}. The flow table gives, per arm, clients in the data, with a baseline, with each follow-up, analysed and missing at visit ${t.followUp}.`,
			`Between arms at each follow-up, against ${t.reference ?? 'no reference'}: the difference in means (arm − reference, in ${t.measure.unit}) with Welch’s interval, and the ANCOVA difference (follow-up on baseline and arm${t.contrasts.some((c) => c.model?.strata.length) ? ' and condition' : ''}).${reach ? ` Shares ${reach}, with Wilson’s interval and the difference from the reference with Newcombe’s.` : ''}`
		]
	};
}

export function methodsSections(input: MethodsInput): MethodsSection[] {
	const { filters: f, measure: m } = input;
	const better = m.direction === 'lower' ? 'lower is better' : 'higher is better';
	const filters = filterWords(f);
	const sources = input.datasets.map(
		(d) =>
			`${d.name}${d.isDemo && !/not real/i.test(d.name) ? ' (generated demo data, not real clients)' : ''}: ${d.sessions} sessions of ${d.clients} clients, imported ${d.importedAt.slice(0, 10)}${d.rowsRejected ? `, ${d.rowsRejected} rows rejected at import` : ''}`
	);
	const threshold = thresholdText(m, f.mcidPoints, f.mcidPercent);
	return [
		{
			heading: 'Data',
			paragraphs: [
				`Source: ${sources.length ? sources.join('; ') : 'no dataset'}.`,
				`Analysed: ${input.sessions} sessions of ${input.clients} clients${input.firstDate ? `, dated ${input.firstDate} to ${input.lastDate}` : ', without session dates'}. ${filters.length ? `Filters: ${filters.join('; ')}.` : 'No filters.'}`,
				`Outcome: ${m.label} (${m.unit}), ${better}.`
			]
		},
		{
			heading: 'Effects',
			paragraphs: [
				`Immediate effect: within one session, the value before the session minus the value after it (signed so that a positive change is an improvement), averaged over each client’s sessions with both values, then summarised over clients.`,
				`Course effect: each client’s first session’s before value (baseline) to their latest session’s before value, for clients with at least two sessions with a before value. The two effects are reported separately and never combined.`,
				`Meaningful change: ${threshold}. A client is a responder when their course improvement reaches it; the responder rate is responders over clients with a course effect. As computed: ${RESPONDER_FORMULA}, with the points and percent of the meaningful change (1e-9 absorbs floating-point rounding).`
			]
		},
		{
			heading: 'Statistics',
			paragraphs: [
				`Groups are clients grouped by ${BY_WORDS[f.by]} and condition. Comparisons are made at the client level: each client contributes one value, so sessions are not pooled as if independent.`,
				`For each group: mean change with a 95% confidence interval from the t distribution (n − 1 degrees of freedom); median and interquartile range (linear interpolation between order statistics); and the standardised response mean (mean change ÷ SD of change).`,
				`Groups with fewer than ${f.minClients} clients are not shown, and aggregate exports suppress them.`
			]
		},
		comparisons(input),
		...(input.caseMix ? [caseMixSection(input.caseMix, f)] : []),
		...(input.trial ? [trialSection(input.trial)] : []),
		{
			heading: 'Baseline characteristics (Table 1)',
			paragraphs: [
				`By group, each client’s value of every extra column at their first session (a value written only later is no baseline) and the first before-session value of every measure: numbers as mean (SD), or median (IQR) when their distribution is skewed (|skewness| ≥ 1); coded or text columns (ten distinct values or fewer) as counts (%); missing values counted. No significance tests (CONSORT 2010).`
			]
		},
		{
			heading: 'Frequency and retention',
			paragraphs: [
				`Sessions a month: ${sessionsAMonth(formula, 'sessions', 'first day', 'last day')}, over a client’s dated sessions. Clients are banded under ${FREQUENCY_BAND.low}, ${FREQUENCY_BAND.low}–${FREQUENCY_BAND.high} and over ${FREQUENCY_BAND.high} sessions a month, the usual recommendation being ${FREQUENCY_BAND.low}–${FREQUENCY_BAND.high}.`,
				`Retention at ${list(RETENTION_WEEKS.map(String))} weeks: of the clients whose first visit was at least that long before the last date in the data, the share with a visit at least that long after their first.`
			]
		},
		{
			heading: 'Limitations',
			paragraphs: [
				`These are observational data from routine practice: clients were not randomised to techniques, so differences between techniques, therapists or clinics are associations, not evidence that one causes a better outcome. Clients who keep attending may differ from those who stop; sessions are nested in clients, and clients in therapists and clinics.`
			]
		},
		{
			heading: 'Software',
			paragraphs: [`Computed on ${input.today} in the browser with ${input.software}; no data left the computer.`]
		}
	];
}
