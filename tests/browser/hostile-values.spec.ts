import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { importFiles, openApp, settled } from './app';

// Markup, script and SQL in a header and in values, and spreadsheet formulas: see tests/fixtures/README.md.
const SCRIPT_ID = '<script>window.__pwned=2</script>';
const IMG_CONDITION = '<img src=x onerror="window.__pwned=3">';

async function save(page: Page, button: ReturnType<Page['getByRole']>) {
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	return (await readFile((await download.path())!)).toString('utf8');
}

/** Nothing from the file became markup: no injected element, nothing ran. */
async function expectInert(page: Page) {
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
	expect(await page.locator('img[src="x"], script:not([src]):has-text("__pwned")').count()).toBe(0);
}

test('markup, script, SQL and formulas in a file stay text everywhere', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		dialog.dismiss();
	});
	await openApp(page);
	const status = await importFiles(page, ['hostile-values.csv'], async (p) => {
		// The markup header is kept as an extra column, as text.
		await p.getByLabel(/^Role of column <img/).selectOption('extra');
	});
	await expect(status).toHaveText('hostile-values.csv: Read 4 rows · imported 4 · rejected 0 · 0 duplicates');
	await settled(page);

	// On the dashboard: the labels appear as written, as text.
	await page.getByText('Condition: all').click();
	await expect(page.getByRole('checkbox', { name: IMG_CONDITION })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: "Robert'); DROP TABLE measurements;--" })).toBeVisible();
	await page.keyboard.press('Escape');
	await expectInert(page);

	// Exports: formulas neutralised, markup escaped in the SVG.
	const card = page.locator('[data-chart="pain"]');
	const csv = await save(page, card.getByRole('button', { name: 'CSV of the table' }));
	expect(csv).toContain(`,'+cmd|' /C calc'!A0,`);
	expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
	const svg = await save(page, card.getByRole('button', { name: 'SVG' }));
	expect(svg).toContain('&lt;img src=x onerror="window.__pwned=3"&gt;');
	expect(svg).not.toContain('<img');

	// Client trajectories: the script-looking id is found, picked and shown as text.
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Client trajectories' }).click();
	const search = page.getByRole('combobox', { name: /client/i });
	await search.fill('<script');
	await expect(page.getByRole('option', { name: /^<script>/ })).toBeVisible();
	await search.press('Enter');
	await expect(page.getByRole('article', { name: SCRIPT_ID })).toContainText(IMG_CONDITION);
	await expect(page.locator('[data-chart="trajectory-pain_nprs"] svg').first()).toBeVisible();
	await expectInert(page);

	// Research: the SQL in the values changed nothing; the export neutralises every formula.
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Research' }).click();
	await page
		.getByRole('textbox', { name: /SQL/ })
		.fill(
			'SELECT (SELECT count(*) FROM active_sessions) AS sessions, (SELECT count(*) FROM measurements) > 0 AS measured, (SELECT count(*) FROM datasets) AS datasets'
		);
	await page.getByRole('button', { name: /^Run/ }).click();
	await expect(page.getByRole('region', { name: 'Result of the query' }).locator('tbody td')).toHaveText(['4', 'true', '2']);
	await page.getByRole('checkbox', { name: /pseudonyms/ }).uncheck();
	await page
		.getByRole('checkbox', { name: /^<img src=x/ })
		.first()
		.check();
	const sessions = await save(page, page.getByRole('button', { name: 'Download sessions as CSV' }));
	expect(sessions).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
	expect(sessions).toContain(`'@SUM(1+1)`);
	expect(sessions).toContain(`'-2+3`);
	expect(sessions).toContain(`,'+cmd|' /C calc'!A0,`);
	// No cell of either file starts as a formula would (the file has no negative numbers).
	expect(sessions).not.toMatch(/(^|,)"?[=+\-@\t\r]/m);
	await expectInert(page);
	expect(dialogs).toEqual([]);
});
