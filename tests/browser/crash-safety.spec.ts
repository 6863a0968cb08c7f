import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DEMO_HEADER, demoCsvLine } from '../../src/lib/demo/export-csv';
import { generateDemoSessions } from '../../src/lib/demo/generate';
import { importFiles, openApp, settled } from './app';

const datasetsTable = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Stored datasets' }).getByRole('table');

test('a second tab says the store is open elsewhere, and works once the first is closed', async ({ context }) => {
	const first = await context.newPage();
	await openApp(first);
	const second = await context.newPage();
	await second.goto('/');
	await expect(second.getByRole('alert')).toContainText('already open in another tab or window');
	await expect(second.locator('[data-chart]')).toHaveCount(0);

	await first.close();
	await second.getByRole('button', { name: 'Reload this page' }).click();
	await settled(second);
	await expect(second.getByRole('region', { name: 'Stored datasets' })).toBeVisible();
});

/** A file big enough to take a few seconds: 300,000 sessions of the demo clinic. */
function bigExport(): string {
	const dir = join(tmpdir(), 'massage-outcomes-tests');
	mkdirSync(dir, { recursive: true });
	const big = join(dir, 'big-export.csv');
	const lines = [DEMO_HEADER.join(',')];
	for (const s of generateDemoSessions({ rows: 300_000 })) lines.push(demoCsvLine(s));
	writeFileSync(big, lines.join('\n') + '\n');
	return big;
}

/** Every stored row, counted in the research console. */
async function storedCounts(page: Page): Promise<string[]> {
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Research' }).click();
	await page.getByRole('textbox', { name: /SQL/ }).fill(
		`SELECT (SELECT count(*) FROM datasets) AS datasets, (SELECT count(*) FROM sessions) AS sessions,
		        (SELECT count(*) FROM session_techniques) AS techniques, (SELECT count(*) FROM measurements) AS measurements,
		        (SELECT count(*) FROM session_extras) AS extras, (SELECT count(*) FROM row_hashes) AS hashes,
		        (SELECT count(*) FROM clients) AS clients`
	);
	await page.getByRole('button', { name: /^Run/ }).click();
	const cells = page.getByRole('region', { name: 'Result of the query' }).locator('tbody td');
	await expect(cells).toHaveCount(7);
	const counts = await cells.allInnerTexts();
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Dashboard' }).click();
	await settled(page);
	return counts;
}

test('a reload in the middle of an import leaves the stored data as they were', async ({ page }) => {
	const big = bigExport();

	await openApp(page);
	await importFiles(page, ['clinic-export-mixed.csv']);
	const before = await datasetsTable(page).innerText();

	await page.locator('input[type=file]').setInputFiles(big);
	await page.getByRole('button', { name: /^Import/ }).click();
	await expect(page.getByRole('progressbar')).toBeVisible();
	await page.waitForTimeout(1500);
	await page.reload();
	await settled(page);
	expect(await datasetsTable(page).innerText()).toBe(before);
	await expect(page.locator('[data-chart="pain"] p.n')).toContainText('n = 4 clients, 6 sessions');
});

test('a reload while an import is being saved leaves all of it stored or none, and the page says which', async ({ page }) => {
	// Two imports, one of 300,000 rows, and the stored rows counted twice in the research console.
	test.setTimeout(180_000);
	const big = bigExport();
	await openApp(page);
	await importFiles(page, ['clinic-export-mixed.csv']);
	const before = await datasetsTable(page).innerText();
	const counts = await storedCounts(page);

	await page.locator('input[type=file]').setInputFiles(big);
	await page.getByRole('button', { name: /^Import/ }).click();
	// The page says the file is being saved (its charts come meanwhile): reload then.
	const status = page.getByRole('status').filter({ hasText: 'big-export.csv' });
	await expect(status).toContainText('Saving big-export.csv in this browser… The charts already show it.', { timeout: 120_000 });
	await page.reload();
	await settled(page);

	const said = page.getByRole('status').filter({ hasText: 'The last import of big-export.csv' });
	await expect(said).toBeVisible();
	if ((await said.innerText()).includes('was not saved')) {
		await expect(said).toHaveText('The last import of big-export.csv was not saved: import it again.');
		// None of it: every table holds what it held before.
		expect(await datasetsTable(page).innerText()).toBe(before);
		await expect(page.locator('[data-chart="pain"] p.n')).toContainText('n = 4 clients, 6 sessions');
		expect(await storedCounts(page)).toEqual(counts);
	} else {
		// All of it: the transaction committed before the page went (with the first file, 300,008 sessions).
		await expect(said).toHaveText('The last import of big-export.csv was saved before the page was closed: all of it is stored.');
		await expect(datasetsTable(page).getByRole('row').filter({ hasText: 'big-export.csv' })).toContainText('300,000');
		await expect(page.getByRole('region', { name: 'Headline figures' })).toContainText('300,008 sessions');
	}

	// The page says it once: a further reload says nothing of it.
	await page.reload();
	await settled(page);
	await expect(page.getByRole('status').filter({ hasText: 'The last import of' })).toHaveCount(0);
});
