import { expect, test } from '@playwright/test';
import { importFiles, openApp } from './app';

test('a wide trial file without ids imports as a trial, and its trial view shows the ANCOVA difference', async ({ page }) => {
	await openApp(page);
	await importFiles(page, ['wide-trial.csv'], async (p) => {
		// One row per participant, Pre/Post columns, no dates: two visits, rows numbered as participants.
		await expect(p.getByText('Read as a trial')).toBeVisible();
	});
	// The file's only measure is VAS pain: the dashboard shows it rather than an empty NPRS chart.
	await expect(page.getByLabel('Outcome measure')).toHaveValue('pain_vas');
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Trial view' }).click();
	await expect(page.locator('main[aria-busy="false"]')).toBeVisible({ timeout: 30_000 });
	const card = page.locator('[data-chart="trial-contrasts"]');
	await card.getByText('Table of the numbers behind this chart').click();
	// tests/reference/wide-trial.py (numpy least squares): PostVAS on PreVAS and arm, arm 1 − arm 0 = −10.6654
	// (−15.4899 to −5.8409), 60 participants; unadjusted means 31.43 and 45.37.
	const row = card
		.getByRole('row')
		.filter({ has: page.getByRole('cell', { name: '1', exact: true }) })
		.last();
	await expect(row).toContainText('-10.67 (-15.49 to -5.84)');
	await expect(row).toContainText('31.43');
	await expect(card).toContainText('30, 45.37');
	await expect(card).toContainText('by least squares over 60 clients');

	// On a phone the trial view and Table 1 read without the page scrolling sideways.
	await page.setViewportSize({ width: 390, height: 844 });
	await expect(page.getByRole('heading', { name: /Table 1/ })).toBeVisible();
	const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(sideways).toBe(0);
});
