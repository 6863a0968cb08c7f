import { expect, test } from '@playwright/test';
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

test('a reload in the middle of an import leaves the stored data as they were', async ({ page }) => {
	// A file big enough to take a few seconds: 300,000 sessions of the demo clinic.
	const dir = join(tmpdir(), 'massage-outcomes-tests');
	mkdirSync(dir, { recursive: true });
	const big = join(dir, 'big-export.csv');
	const lines = [DEMO_HEADER.join(',')];
	for (const s of generateDemoSessions({ rows: 300_000 })) lines.push(demoCsvLine(s));
	writeFileSync(big, lines.join('\n') + '\n');

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
