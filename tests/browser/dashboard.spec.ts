import { expect, test, type Page } from '@playwright/test';

/** Records console errors and every request that leaves the app's own origin. */
function watch(page: Page, origin: string) {
	const errors: string[] = [];
	const foreign: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('request', (r) => {
		const url = r.url();
		if (url.startsWith('blob:') || url.startsWith('data:')) return;
		if (new URL(url).origin !== origin) foreign.push(url);
	});
	return { errors, foreign };
}

const CHARTS = ['pain', 'rom', 'frequency'] as const;

test('opens on the demo clinic, clearly labelled, with three charts drawn from data', async ({ page, baseURL }) => {
	const seen = watch(page, new URL(baseURL!).origin);
	await page.goto('/');

	await expect(page.getByRole('complementary', { name: 'Demo data notice' })).toContainText(
		/Demo data\..*300 clients and \d,\d{3} sessions at three clinics/
	);
	for (const id of CHARTS) {
		const chart = page.locator(`[data-chart="${id}"]`);
		await expect(chart.getByRole('heading', { level: 2 })).toHaveText(/\?/);
		await expect(chart.locator('p.n')).toContainText(/n = \d+ clients/);
		// A cell per technique × group: well over 30 drawn rectangles, and the techniques named.
		expect(await chart.locator('svg rect').count()).toBeGreaterThan(30);
		await expect(chart.locator('svg').last()).toContainText('Palpation release');
		await expect(chart.locator('svg').last()).toContainText('PNF stretching');
	}
	await expect(page.locator('[data-chart="pain"] svg').last()).toContainText('Lower back pain');
	await expect(page.locator('[data-chart="rom"] svg').last()).toContainText('Hip flexion (°)');
	await expect(page.locator('[data-chart="frequency"]')).toContainText('2–4');

	expect(seen.errors).toEqual([]);
	expect(seen.foreign).toEqual([]);
});

test('every chart has a table of its numbers, naming technique and group in each row', async ({ page }) => {
	await page.goto('/');
	const pain = page.locator('[data-chart="pain"]');
	await pain.getByText('Table of the numbers behind this chart').click();
	const table = pain.getByRole('table');
	await expect(table).toBeVisible();
	await expect(table.getByRole('columnheader', { name: 'Technique' })).toBeVisible();
	const row = table.getByRole('row').filter({ hasText: 'Palpation release' }).filter({ hasText: 'Headaches' });
	await expect(row).toHaveCount(1);
	await expect(row).toContainText(/\d\.\d\d/);
});

test('reads at phone width without the page scrolling sideways', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/');
	for (const id of CHARTS) {
		await expect(page.locator(`[data-chart="${id}"] svg rect`).first()).toBeVisible();
	}
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});
