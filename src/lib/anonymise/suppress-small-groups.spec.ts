import { describe, expect, it } from 'vitest';
import { suppressSmallGroups } from './suppress-small-groups';

// Rows shaped like the effect tables: labels, a clients count, statistics (one of them an object).
const ROWS = [
	{ group: 'PNF stretching', condition: 'Lower back pain', clients: 12, sessions: 40, mean: 1.5, ci: { low: 1, high: 2 } },
	{ group: 'PNF stretching', condition: 'Sciatica', clients: 4, sessions: 9, mean: 2.25, ci: { low: 0.5, high: 4 } },
	{ group: 'Positional release', condition: 'Sciatica', clients: 5, sessions: 11, mean: 0.5, ci: null }
];

describe('suppressing small groups', () => {
	it('blanks every statistic of a row under the minimum size, keeping its labels', () => {
		const rows = suppressSmallGroups(ROWS, { minClients: 5, labels: ['group', 'condition'] });
		expect(rows).toEqual([
			{ ...ROWS[0], note: null },
			// 4 clients < 5: the count goes too, since it is itself the small cell.
			{
				group: 'PNF stretching',
				condition: 'Sciatica',
				clients: null,
				sessions: null,
				mean: null,
				ci: null,
				note: 'suppressed: fewer than 5 clients'
			},
			// exactly 5 is not under the minimum
			{ ...ROWS[2], note: null }
		]);
	});

	it('follows the minimum size chosen, and leaves the rows given untouched', () => {
		const rows = suppressSmallGroups(ROWS, { minClients: 13, labels: ['group'] });
		expect(rows.map((r) => [r.group, r.condition, r.mean, r.note])).toEqual([
			['PNF stretching', null, null, 'suppressed: fewer than 13 clients'],
			['PNF stretching', null, null, 'suppressed: fewer than 13 clients'],
			['Positional release', null, null, 'suppressed: fewer than 13 clients']
		]);
		expect(ROWS[1].mean).toBe(2.25);
		expect(suppressSmallGroups(ROWS, { minClients: 1, labels: [] }).map((r) => r.note)).toEqual([null, null, null]);
	});

	it('reads the clients count from another column when told', () => {
		const rows = suppressSmallGroups(
			[
				{ technique: 'PNF stretching', n: 2, median: 3 },
				{ technique: 'Positional release', n: 8, median: 1 }
			],
			{ minClients: 3, labels: ['technique'], clients: 'n' }
		);
		expect(rows).toEqual([
			{ technique: 'PNF stretching', n: null, median: null, note: 'suppressed: fewer than 3 clients' },
			{ technique: 'Positional release', n: 8, median: 1, note: null }
		]);
	});
});
