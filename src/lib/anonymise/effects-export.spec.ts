import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { EffectSummary } from '../metrics/effects';
import { effectsCsv } from './effects-export';

const row = (group: string, clients: number, mean: number, responders: number | null): EffectSummary => ({
	group,
	condition: 'Neck pain',
	clients,
	sessions: clients * 3,
	mean,
	sd: 1,
	q1: mean - 1,
	median: mean,
	q3: mean + 1,
	responders,
	moments: { n: clients, x: 0, y: 0, xx: 0, xy: 0, yy: 0 } as unknown as EffectSummary['moments'],
	ci: { low: mean - 0.5, high: mean + 0.5 },
	srm: mean,
	responderRate: responders === null ? null : responders / clients,
	hidden: false
});

describe('the effects export', () => {
	const csv = effectsCsv(
		[row('PNF stretching', 12, 1.5, null)],
		[row('PNF stretching', 12, 2.25, 6), row('Positional release', 3, 4, 2)],
		5
	);
	const [header, ...rows] = Papa.parse<string[]>(csv.trim()).data;

	it('has a row per effect, group and condition, immediate first, with its interval and responders', () => {
		expect(header).toEqual([
			'effect',
			'group',
			'condition',
			'clients',
			'sessions',
			'mean',
			'ci_low',
			'ci_high',
			'median',
			'q1',
			'q3',
			'srm',
			'responders',
			'responder_rate',
			'note'
		]);
		expect(rows[0]).toEqual([
			'immediate',
			'PNF stretching',
			'Neck pain',
			'12',
			'36',
			'1.5',
			'1',
			'2',
			'1.5',
			'0.5',
			'2.5',
			'1.5',
			'',
			'',
			''
		]);
		// 6 of 12 clients respond: a rate of 0.5.
		expect(rows[1]).toEqual([
			'course',
			'PNF stretching',
			'Neck pain',
			'12',
			'36',
			'2.25',
			'1.75',
			'2.75',
			'2.25',
			'1.25',
			'3.25',
			'2.25',
			'6',
			'0.5',
			''
		]);
	});

	it('blanks every value of a group under the minimum size, its counts included, and says why', () => {
		expect(rows[2]).toEqual([
			'course',
			'Positional release',
			'Neck pain',
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			'suppressed: fewer than 5 clients'
		]);
	});
});
