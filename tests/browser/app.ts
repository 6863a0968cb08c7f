import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Opens the app and waits until the dashboard has drawn its first chart. */
export async function openApp(page: Page, path = '/') {
	await page.goto(path);
	await settled(page);
}

/** Waits until the dashboard has finished drawing. */
export async function settled(page: Page) {
	await expect(page.locator('main[aria-busy="false"]')).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('[data-chart] svg, [data-chart] .empty').first()).toBeVisible();
	await expect(plotWarnings(page)).toHaveCount(0);
}

/** Observable Plot marks a chart it had to warn about (a scale it guessed, data it could not use) with a ⚠ whose title says so. */
export const plotWarnings = (page: Page) => page.locator('svg title').filter({ hasText: /warnings?\. Please check the console/ });

/** Picks files as a user would, then confirms the preview; returns the status text. */
export async function importFiles(page: Page, names: string[], adjust: (page: Page) => Promise<void> = async () => {}) {
	await page.locator('input[type=file]').setInputFiles(names.map(fixture));
	const confirm = page.getByRole('button', { name: /^Import/ });
	await expect(confirm).toBeEnabled();
	await adjust(page);
	await confirm.click();
	await expect(confirm).toHaveCount(0, { timeout: 60_000 });
	const status = page.getByRole('status').filter({ hasText: 'Read' });
	await expect(status).toBeVisible();
	// The dashboard redraws after the import: wait until the stored datasets list the files.
	for (const name of names) {
		await expect(page.getByRole('region', { name: 'Stored datasets' })).toContainText(name);
	}
	await settled(page);
	// The charts come first, the save after: wait until the last file is stored.
	await expect(status).not.toContainText('Saving', { timeout: 60_000 });
	// The files' counts, without the save's own line.
	return status.locator('[data-counts]');
}
