/**
 * The demo view a first visit paints before the engine starts: after being written down and read back, its
 * figures are the SQL definitions' (metrics/), to 1e-9, and the kept views follow their policy.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../db/node';
import type { Database } from '../db/database';
import { dashboardData } from '../metrics/dashboard-data';
import { DEFAULT_FILTERS, type Filters } from '../metrics/filters';
import { expectSame } from '../test/expect-same';
import { demoView } from './demo-view';
import { decodeViews, encodeViews, keptViews, readStoredOverview, viewKey, type ShownView } from './shown-view';

let db: Database;
let view: ShownView;
beforeAll(async () => {
	db = await openNodeDatabase();
	[view] = decodeViews(encodeViews([await demoView(db)]));
}, 60_000);

describe('the demo view', () => {
	it('is the unfiltered dashboard of the demo clinic', async () => {
		expect(viewKey(view.filters)).toBe('');
		expect(view.stored.demoOnly).toBe(true);
		expect(view.stored.sessions).toBeGreaterThan(1000);
	});

	it('read back, shows the SQL definitions’ figures', async () => {
		// The SQL works out the case mix at once; the page, after the charts: the view is drawn before it.
		const { caseMix, ...expected } = await dashboardData(db, DEFAULT_FILTERS);
		expect(caseMix).toBeNull();
		expectSame({ ...view.data, caseMix: null }, { ...expected, caseMix: null });
		expectSame({ stored: view.stored, datasets: view.datasets, choices: view.choices }, await readStoredOverview(db));
	});

	it('keeps what JSON would lose', () => {
		const withNaN = { ...view, data: { ...view.data, figures: { ...view.data.figures, medianCourse: NaN } } };
		const [back] = decodeViews(encodeViews([withNaN]));
		expect(back.data.figures.medianCourse).toBeNaN();
	});
});

describe('the kept views', () => {
	const at = (filters: Partial<Filters>): ShownView => ({ ...view, filters: { ...DEFAULT_FILTERS, ...filters } });
	const keys = (views: ShownView[]) => views.map((v) => viewKey(v.filters));

	it('keep the newest first, the unfiltered one, and three in all', () => {
		let views: ShownView[] = [];
		for (const by of ['therapist', 'clinic'] as const) views = keptViews(views, at({ by }));
		views = keptViews(views, at({}));
		views = keptViews(views, at({ conditions: ['Neck pain'] }));
		views = keptViews(views, at({ measure: 'hip_flexion' }));
		expect(keys(views)).toEqual(['measure=hip_flexion', '', 'condition=Neck+pain']);
	});

	it('replace a view of the same filters', () => {
		const views = keptViews(keptViews([at({ by: 'clinic' })], at({})), at({ by: 'clinic' }));
		expect(keys(views)).toEqual(['by=clinic', '']);
	});
});

describe('kept views read back', () => {
	it('are none when the file was left empty or is not a list of views', () => {
		expect(decodeViews('')).toEqual([]);
		expect(decodeViews('[1,2')).toEqual([]);
		expect(decodeViews('{"a":1}')).toEqual([]);
	});
});
