import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { fixture, openApp, settled } from './app';

// The broken-CSV corpus (tests/fixtures/broken/README.md): its unit test checks each file's exact ending;
// here the whole corpus is dropped on the page at once, as a user would.
const REFUSED = ['binary-png.csv', 'binary-xlsx.csv', 'empty.csv', 'header-only.csv', 'whitespace-only.csv'];
const files = readdirSync(fixture('broken')).filter((name) => /\.(csv|tsv|txt)$/.test(name));

test('every broken file ends imported with its rows accounted for, or refused with a message', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await openApp(page);
	await page.locator('input[type=file]').setInputFiles(files.map((name) => fixture(`broken/${name}`)));

	const alert = page.getByRole('alert');
	// Each refusal is said as its file is previewed: forty previews take a while on a slow machine.
	for (const name of REFUSED) await expect(alert).toContainText(name, { timeout: 60_000 });
	const confirm = page.getByRole('button', { name: /^Import/ });
	await expect(confirm).toBeEnabled();
	await confirm.click();
	await expect(confirm).toHaveCount(0, { timeout: 120_000 });
	await settled(page);

	const imported = files.filter((name) => !REFUSED.includes(name));
	const lines = await page.getByRole('status').filter({ hasText: 'Read' }).locator('li, p').allInnerTexts();
	const statuses = lines.join('\n');
	for (const name of imported) {
		const line = new RegExp(
			`${name.replace('.', '\\.')}: Read ([\\d,]+) rows? · imported ([\\d,]+) · rejected ([\\d,]+) · ([\\d,]+) duplicates?`
		).exec(statuses);
		expect(line, `${name} has a status`).not.toBeNull();
		const [read, kept, rejected, duplicates] = line!.slice(1).map((n) => Number(n.replace(/,/g, '')));
		expect(read, name).toBeGreaterThan(0);
		expect(kept + rejected + duplicates, `${name}: every row read is counted once`).toBe(read);
	}
	await expect(page.getByText('Nothing was stored from')).toHaveCount(0);
	expect(errors).toEqual([]);
});
