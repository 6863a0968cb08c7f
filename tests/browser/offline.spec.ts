import { expect, test } from '@playwright/test';
import { serveStatic, type StaticServer } from '../../scripts/serve-static';
import { importFiles, settled } from './app';

// A server of its own, so that it can be stopped: "offline" here is the site gone, not an emulated flag.
let server: StaticServer | null = null;
test.afterEach(async () => {
	await server?.close();
	server = null;
});

test('once opened, the app works with the site unreachable: pages, DuckDB and the stored data', async ({ page }) => {
	server = await serveStatic('build', 0);
	const origin = server.url.replace(/\/$/, '');
	await page.goto(`${origin}/`);
	await settled(page);
	await importFiles(page, ['clinic-export-mixed.csv']);
	// Every file of the site is cached once the service worker is active.
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

	await server.close();
	server = null;
	await expect(page.request.get(`${origin}/`)).rejects.toThrow();

	await page.reload();
	await settled(page);
	expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
	await expect(page.getByRole('region', { name: 'Stored datasets' })).toContainText('clinic-export-mixed.csv');
	await expect(page.locator('[data-chart="pain"] p.n')).toContainText('n = 4 clients, 6 sessions');

	// A deep link, typed in while offline, opens its page.
	await page.goto(`${origin}/research`);
	await expect(page.getByRole('heading', { name: 'Research workspace' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Run query' })).toBeEnabled();
	await page.getByRole('button', { name: 'Run query' }).click();
	await expect(page.getByRole('table').first()).toBeVisible();
});
