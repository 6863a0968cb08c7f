/**
 * The responder rule is defined once (responder.ts). Changed there, here by a mock that asks for twice the
 * meaningful change in points and ignores the percent, it changes alike the dashboard (the cube and the SQL),
 * the report's methods, the effects export and the console's example. The expected counts come from a query
 * written out by hand below, independent of definitions/.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Arithmetic } from './arithmetic';
import type { Threshold } from './responder';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { loadDemoClinic } from '../demo/load-demo';
import { loadCube } from '../cube/load-cube';
import { computeDashboard } from '../cube/compute-dashboard';
import { dashboardData } from '../metrics/dashboard-data';
import { DEFAULT_FILTERS, type Filters } from '../metrics/filters';
import type { EffectSummary } from '../metrics/effects';
import { effectsCsv } from '../anonymise/effects-export';
import { methodsSections } from '../report/methods';
import { EXAMPLE_QUERIES } from '../console/example-queries';
import { runConsole, type ConsoleAnswer } from '../console/run-console';

vi.mock('./responder', async (importOriginal) => {
	const actual = await importOriginal<typeof import('./responder')>();
	const responderBar = <N, B>(a: Arithmetic<N, B>, _baseline: N, threshold: Threshold<N>): N =>
		a.minus(a.times(a.number(2), threshold.points), a.number(1e-9));
	return {
		...actual,
		responderBar,
		responds: <N, B>(a: Arithmetic<N, B>, effect: N, baseline: N, threshold: Threshold<N>): B =>
			actual.reachesBar(a, effect, responderBar(a, baseline, threshold))
	};
});

let db: Database;
const filters: Filters = { ...DEFAULT_FILTERS, measure: 'pain_nprs', minClients: 1 };

/**
 * Per main technique: clients with a course effect on pain, those improving by 4 points or more (2 × 2), and
 * those the rule as shipped counts (2 points or 30% of the baseline).
 */
async function byHand(db: Database) {
	return db.query<{ technique: string; clients: number; responders: number; now: number }>(
		`WITH course AS (
		   SELECT s.dataset_id, s.client_id,
		          arg_min(m.value_before, (coalesce(s.session_date, DATE '9999-12-31'), s.visit, s.session_id)) AS first_pain,
		          arg_max(m.value_before, (coalesce(s.session_date, DATE '9999-12-31'), s.visit, s.session_id)) AS last_pain
		   FROM active_sessions s JOIN measurements m ON m.session_id = s.session_id
		   WHERE m.measure = 'pain_nprs' AND m.value_before IS NOT NULL
		   GROUP BY ALL HAVING count(*) >= 2
		 )
		 SELECT k.main_technique AS technique, count(*)::INTEGER AS clients,
		        count(*) FILTER (WHERE first_pain - last_pain >= 4)::INTEGER AS responders,
		        count(*) FILTER (WHERE first_pain - last_pain >= 2 OR first_pain - last_pain >= 0.3 * first_pain)::INTEGER AS now
		 FROM course JOIN clients k USING (dataset_id, client_id)
		 GROUP BY 1 ORDER BY 1`
	);
}

/** Responders per group, summed over conditions. */
const perGroup = (rows: readonly EffectSummary[]) => {
	const sums = new Map<string, number>();
	for (const r of rows) sums.set(r.group, (sums.get(r.group) ?? 0) + (r.responders ?? 0));
	return Object.fromEntries([...sums].sort(([a], [b]) => (a < b ? -1 : 1)));
};

beforeAll(async () => {
	db = await openNodeDatabase();
	await loadDemoClinic(db, { clients: 300 });
}, 60_000);

describe('the responder rule, changed in definitions/responder.ts', () => {
	it('changes the dashboard: the cube and the SQL count the responders the new rule gives', async () => {
		const expected = await byHand(db);
		const wanted = Object.fromEntries(expected.map((r) => [r.technique, r.responders]));
		// The demo's pain measure: 2 points or 30%. The changed rule must count fewer, or this test shows nothing.
		expect(expected.reduce((n, r) => n + r.responders, 0)).toBeLessThan(expected.reduce((n, r) => n + r.now, 0));
		const cube = computeDashboard(await loadCube(db), filters);
		const sql = await dashboardData(db, filters);
		expect(perGroup(cube.course)).toEqual(wanted);
		expect(perGroup(sql.course)).toEqual(wanted);
		expect(cube.figures.responders).toBe(expected.reduce((n, r) => n + r.responders, 0));
	});

	it('changes the effects export', async () => {
		const { immediate, course } = await dashboardData(db, filters);
		const csv = effectsCsv(immediate, course, 1).split('\n');
		const header = csv[0].split(',');
		const exported = csv
			.slice(1)
			.map((line) => line.split(','))
			.filter((cells) => cells[header.indexOf('effect')] === 'course');
		const total = exported.reduce((n, cells) => n + Number(cells[header.indexOf('responders')]), 0);
		expect(total).toBe((await byHand(db)).reduce((n, r) => n + r.responders, 0));
	});

	it('changes the report’s methods and the console’s example', async () => {
		const methods = methodsSections({
			datasets: [],
			filters,
			measure: {
				measure: 'pain_nprs',
				label: 'Pain',
				unit: 'points',
				direction: 'lower',
				scaleMin: 0,
				scaleMax: 10,
				mcidPoints: 2,
				mcidPercent: 0.3,
				mcidSource: ''
			},
			clients: 0,
			sessions: 0,
			firstDate: null,
			lastDate: null,
			today: '2026-11-30',
			software: '',
			contrasts: null,
			caseMix: null,
			trial: null
		})
			.flatMap((s) => s.paragraphs)
			.join('\n');
		expect(methods).toContain('As computed: course effect ≥ (2 × points − 1e-9)');

		const example = EXAMPLE_QUERIES.find((e) => e.title === 'Responders over the course, per main technique')!;
		expect(example.sql).toContain('(2::DOUBLE * x.points)');
		const answer = (await runConsole(db, example.sql)) as ConsoleAnswer;
		const expected = await byHand(db);
		expect(answer.rows.map((r) => [r.main_technique, Number(r.clients), Number(r.responders)])).toEqual(
			expected.map((r) => [r.technique, r.clients, r.responders])
		);
	});
});
