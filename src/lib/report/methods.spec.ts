import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS } from '../metrics/filters';
import type { MeasureInfo } from '../metrics/measure-info';
import { methodsSections, type MethodsInput } from './methods';

const pain: MeasureInfo = {
	measure: 'pain_nprs',
	label: 'Pain (NPRS)',
	unit: 'points',
	direction: 'lower',
	scaleMin: 0,
	scaleMax: 10,
	mcidPoints: 2,
	mcidPercent: 0.3,
	mcidSource: 'Farrar et al. 2001'
};
const input: MethodsInput = {
	datasets: [
		{
			datasetId: 2,
			name: 'north.csv',
			sourceFile: 'north.csv',
			importedAt: '2026-11-02T10:00:00.000Z',
			isDemo: false,
			active: true,
			sessions: 120,
			clients: 30,
			rowsRead: 125,
			rowsRejected: 5,
			rowsDuplicate: 0
		}
	],
	filters: DEFAULT_FILTERS,
	measure: pain,
	clients: 30,
	sessions: 120,
	firstDate: '2026-01-05',
	lastDate: '2026-10-30',
	today: '2026-11-27',
	software: 'Massage outcomes 0.1.0, DuckDB-wasm 1.32.0',
	contrasts: null,
	caseMix: null,
	trial: null
};
const text = (i: MethodsInput) =>
	methodsSections(i)
		.map((s) => `${s.heading}\n${s.paragraphs.join('\n')}`)
		.join('\n');

describe('the methods section', () => {
	it('states the data source, n, date range and the outcome', () => {
		const t = text(input);
		expect(t).toContain('Source: north.csv: 120 sessions of 30 clients, imported 2026-11-02, 5 rows rejected at import.');
		expect(t).toContain('Analysed: 120 sessions of 30 clients, dated 2026-01-05 to 2026-10-30. No filters.');
		expect(t).toContain('Outcome: Pain (NPRS) (points), lower is better.');
	});

	it('gives the threshold with its source, or says the user set it', () => {
		expect(text(input)).toContain('Meaningful change: 2 points or 30% of baseline (Farrar et al. 2001).');
		const own = text({ ...input, filters: { ...DEFAULT_FILTERS, mcidPoints: 1.5, mcidPercent: null } });
		expect(own).toContain('Meaningful change: 1.5 points or 30% of baseline (set by you).');
	});

	it('follows the filters, the grouping and the minimum group size', () => {
		const t = text({
			...input,
			filters: {
				...DEFAULT_FILTERS,
				from: '2026-03-01',
				clinics: ['North', 'South'],
				techniques: ['PNF stretching'],
				by: 'therapist',
				minClients: 10
			}
		});
		expect(t).toContain('Filters: sessions from 2026-03-01; clinic North and South; technique PNF stretching.');
		expect(t).toContain('Groups are clients grouped by therapist and condition.');
		expect(t).toContain('Groups with fewer than 10 clients are not shown');
	});

	it('defines both effects, the frequency bands and retention, and says the data are observational', () => {
		const t = text(input);
		expect(t).toContain('Immediate effect: within one session, the value before the session minus the value after it');
		expect(t).toContain('Course effect: each client’s first session’s before value (baseline) to their latest session’s before value');
		expect(t).toContain('banded under 2, 2–4 and over 4 sessions a month');
		expect(t).toContain('Retention at 4, 8 and 12 weeks');
		expect(t).toContain('associations, not evidence that one causes a better outcome');
		expect(t).toContain('Computed on 2026-11-27 in the browser with Massage outcomes 0.1.0, DuckDB-wasm 1.32.0');
	});

	it('says when the data have no dates, and names demo data as such', () => {
		const demo = { ...input.datasets[0], name: 'Demo clinic', isDemo: true, rowsRejected: 0 };
		const t = text({ ...input, datasets: [demo], firstDate: null, lastDate: null });
		expect(t).toContain('Source: Demo clinic (generated demo data, not real clients): 120 sessions of 30 clients, imported 2026-11-02.');
		expect(t).toContain('120 sessions of 30 clients, without session dates.');
	});

	it('states the reference group, the intervals and the adjusted model of the comparisons', () => {
		const group = (name: string) => ({
			group: name,
			clients: 20,
			mean: 1,
			sd: 1,
			ci: null,
			responders: 5,
			responderRate: 0.25,
			hidden: false
		});
		const slope = { name: 'baseline', estimate: 0.42, se: 0.1, ci: { low: 0.2, high: 0.6 } };
		const model = {
			reference: 'Sham',
			n: 80,
			referenceN: 20,
			slope,
			strata: ['Neck pain', 'Sciatica'],
			differences: [],
			aliased: ['TrP'],
			df: 74,
			residualSd: 1.1,
			rSquared: 0.31
		};
		const contrasts = {
			effect: 'course' as const,
			groups: [group('Sham'), group('PNF')],
			reference: group('Sham'),
			chosen: false,
			rows: [],
			hidden: 0,
			model,
			conditions: ['Neck pain', 'Sciatica']
		};
		const t = text({ ...input, contrasts });
		expect(t).toContain('compared with a reference group: Sham, by default (a group labelled as a control');
		expect(t).toContain('Welch’s unequal-variance 95% interval; Hedges’ g');
		expect(t).toContain('Newcombe’s hybrid score interval (Stat Med 1998;17:873–890, method 10)');
		expect(t).toContain(
			'their main technique (the technique in most of a client’s sessions) and their condition, by ordinary least squares'
		);
		expect(t).toContain(
			'Course model: 80 clients, slope 0.42, R² 0.31. Not estimable (all their clients have conditions no other group has): TrP.'
		);
		expect(text({ ...input, contrasts: { ...contrasts, chosen: true } })).toContain('Sham, chosen by the user.');
	});

	it('states the case-mix model: its terms, those left out and why, and the funnel limits', () => {
		const caseMix = {
			terms: [
				{ label: 'baseline', levels: [], parameters: 1, used: true, reason: null },
				{ label: 'condition', levels: ['Neck pain', 'Sciatica'], parameters: 1, used: true, reason: null },
				{ label: 'age (age)', levels: [], parameters: 1, used: false, reason: 'missing for 30 of 90 clients' }
			],
			coefficients: [],
			n: 90,
			excluded: 0,
			rSquared: 0.25,
			residualSd: 1.3,
			providers: []
		};
		const t = text({ ...input, filters: { ...DEFAULT_FILTERS, by: 'clinic' }, caseMix });
		expect(t).toContain(
			'Each clinic is compared with what its case mix predicts, as FOTO reports providers: a linear model of course change on baseline and condition, fitted by least squares over 90 clients'
		);
		expect(t).toContain('Left out: age (age) (missing for 30 of 90 clients).');
		expect(t).toContain('limits at ±1.96 and ±3.09 residual SDs ÷ √n (95% and 99.8%; Spiegelhalter');
	});

	it('states the trial view’s timepoints, analysis population and handling of missing follow-up', () => {
		const trial = {
			measure: pain,
			timepoints: [1, 2, 3],
			moreTimepoints: 0,
			baseline: 1,
			followUps: [2, 3],
			followUp: 3,
			population: 'bocf' as const,
			reach: 1,
			arms: ['A', 'B'],
			hiddenArms: [],
			reference: 'B',
			chosenReference: false,
			describe: [],
			flow: [],
			change: [],
			contrasts: []
		};
		const t = text({ ...input, trial });
		expect(t).toContain('visit 1 is the baseline; follow-ups 2 and 3.');
		expect(t).toContain(
			'Analysis population: everyone with a baseline value: a missing follow-up taken as no change from baseline for means and models'
		);
		expect(t).toContain('against B: the difference in means (arm − reference, in points) with Welch’s interval');
		expect(t).toContain('Shares at or below 1 points, with Wilson’s interval');
	});
});
