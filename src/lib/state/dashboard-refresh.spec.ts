/**
 * An import drawn before it is stored (Dashboard.refresh with a staged import): its charts do not wait for the
 * views kept of the old data to be forgotten, its save starts only once they are (no view of the old data outlives
 * the new), and what reads the stored data waits for that save meanwhile.
 */
import { describe, expect, it, vi } from 'vitest';
import { openNodeDatabase } from '../db/node';
import { loadDemoClinic } from '../demo/load-demo';
import { previewFile } from '../ingest/preview-file';
import { importData } from '../ingest/decode';
import { stageImport } from '../ingest/run-import';
import type { ViewStore } from '../last-view/view-store';
import { fixtureFile } from '../test/fixtures';
import { Dashboard } from './dashboard.svelte';

/** Views that are forgotten only when the test says so; what happened, in order. */
function slowToForget() {
	const events: string[] = [];
	let done = () => {};
	const store: ViewStore = {
		toShow: async () => null,
		save: async () => {},
		forget: () => {
			events.push('forgetting');
			return new Promise<void>((resolve) => {
				done = () => {
					events.push('forgotten');
					resolve();
				};
			});
		}
	};
	return { store, events, forgotten: () => done() };
}

describe('Dashboard.refresh with an import not yet stored', () => {
	it('draws it while the old views are forgotten, saves it once they are, and reads of the stored data wait for the save', async () => {
		const db = await openNodeDatabase();
		await loadDemoClinic(db, { clients: 20 });
		const views = slowToForget();
		const dashboard = new Dashboard(async () => db, views.store);
		await dashboard.start();
		expect(dashboard.status).toBe('ready');
		expect(dashboard.isDemo).toBe(true);

		const file = fixtureFile('pain-clinic-prepost.csv');
		const { plan } = await previewFile(file);
		const staged = await stageImport(db, await importData(file, plan.encoding), plan, { secret: 'test-secret' });
		let saving: Promise<unknown> | null = null;
		const save = () => {
			views.events.push('saving');
			saving ??= staged.save().then(() => views.events.push('saved'));
			dashboard.storing(saving);
		};
		const drawn = dashboard.redraws;
		const refreshed = dashboard.refresh(staged, save);
		// Asked before the save has started.
		const readable = dashboard.saved().then(() => views.events.push('stored data readable'));

		// Drawn from the import, the demo gone, while the old views are still being forgotten: nothing saved yet.
		await vi.waitFor(() => expect(dashboard.redraws).toBe(drawn + 1), { timeout: 20_000 });
		expect(dashboard.isDemo).toBe(false);
		expect(dashboard.datasets.filter((d) => d.active).map((d) => d.name)).toEqual([plan.fileName]);
		expect(views.events).toEqual(['forgetting']);

		views.forgotten();
		await refreshed;
		await readable;
		expect(views.events).toEqual(['forgetting', 'forgotten', 'saving', 'saved', 'stored data readable']);
		expect(await db.query('SELECT name FROM datasets WHERE active AND NOT is_demo')).toEqual([{ name: plan.fileName }]);
	});
});
