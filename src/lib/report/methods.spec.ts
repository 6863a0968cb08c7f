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
		{ datasetId: 2, name: 'north.csv', sourceFile: 'north.csv', importedAt: '2026-11-02T10:00:00.000Z', isDemo: false, active: true, sessions: 120, clients: 30, rowsRead: 125, rowsRejected: 5, rowsDuplicate: 0 }
	],
	filters: DEFAULT_FILTERS,
	measure: pain,
	clients: 30,
	sessions: 120,
	firstDate: '2026-01-05',
	lastDate: '2026-10-30',
	today: '2026-11-27',
	software: 'Massage outcomes 0.1.0, DuckDB-wasm 1.32.0'
};
const text = (i: MethodsInput) => methodsSections(i).map((s) => `${s.heading}\n${s.paragraphs.join('\n')}`).join('\n');

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
			filters: { ...DEFAULT_FILTERS, from: '2026-03-01', clinics: ['North', 'South'], techniques: ['PNF stretching'], by: 'therapist', minClients: 10 }
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
});
