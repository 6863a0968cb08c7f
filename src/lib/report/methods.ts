/**
 * The methods section of the printable report, written from the settings in force: what a reader of a
 * paper or a clinic's monthly review needs to judge the figures. Pure: every sentence follows from its input.
 */
import type { StoredDataset } from '../datasets/stored-datasets';
import type { Filters } from '../metrics/filters';
import { thresholdText, type MeasureInfo } from '../metrics/measure-info';
import { FREQUENCY_BAND } from '../metrics/settings';
import { RETENTION_WEEKS } from '../metrics/retention';

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
				`Meaningful change: ${threshold}. A client is a responder when their course improvement reaches it; the responder rate is responders over clients with a course effect.`
			]
		},
		{
			heading: 'Statistics',
			paragraphs: [
				`Groups are clients grouped by ${BY_WORDS[f.by]} and condition. Comparisons are made at the client level: each client contributes one value, so sessions are not pooled as if independent.`,
				`For each group: mean change with a 95% confidence interval from the t distribution (n − 1 degrees of freedom); median and interquartile range (linear interpolation between order statistics); the standardised response mean (mean change ÷ SD of change); and Cohen’s d against the other clients with the same condition (pooled SD). 0.2, 0.5 and 0.8 are read as small, medium and large.`,
				`Groups with fewer than ${f.minClients} clients are not shown, and aggregate exports suppress them.`
			]
		},
		{
			heading: 'Frequency and retention',
			paragraphs: [
				`Sessions a month: (sessions − 1) × 30 ÷ days from a client’s first to last dated session. Clients are banded under ${FREQUENCY_BAND.low}, ${FREQUENCY_BAND.low}–${FREQUENCY_BAND.high} and over ${FREQUENCY_BAND.high} sessions a month, the usual recommendation being ${FREQUENCY_BAND.low}–${FREQUENCY_BAND.high}.`,
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
