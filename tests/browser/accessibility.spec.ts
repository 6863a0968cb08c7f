import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { fixture, openApp, settled } from './app';

/**
 * Runs axe on the page as it stands. Serious and critical violations fail the test; minor and moderate ones
 * are listed in the test's output (and attached to its report) to be looked at.
 */
async function checkAccessibility(page: Page, view: string) {
	const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
	const describe = (v: (typeof violations)[number]) =>
		`${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes
			.slice(0, 3)
			.map((n) => n.target.join(' '))
			.join(' | ')})`;
	const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	const lesser = violations.filter((v) => !blocking.includes(v));
	if (lesser.length) {
		console.log(`axe, ${view}, minor and moderate:\n  ${lesser.map(describe).join('\n  ')}`);
		await test.info().attach(`axe ${view}`, { body: JSON.stringify(lesser, null, 2), contentType: 'application/json' });
	}
	expect(blocking.map(describe), `axe, ${view}: serious and critical violations`).toEqual([]);
}

test('the dashboard on the demo clinic, with a chart’s table open', async ({ page }) => {
	await openApp(page);
	const card = page.locator('[data-chart="immediate"]');
	await card.getByText('Table of the numbers behind this chart').click();
	await expect(card.getByRole('table')).toBeVisible();
	await checkAccessibility(page, 'dashboard');
});

test('the import preview, before the import is confirmed', async ({ page }) => {
	await openApp(page);
	await page.locator('input[type=file]').setInputFiles(fixture('clinic-export-mixed.csv'));
	await expect(page.getByRole('button', { name: /^Import/ })).toBeEnabled();
	await checkAccessibility(page, 'import preview');
});

test('client trajectories with two clients picked', async ({ page }) => {
	await page.goto('/clients?client=C0001&client=C0101');
	await expect(page.locator('main[aria-busy="false"]')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByRole('article')).toHaveCount(2);
	await expect(page.locator('[data-chart="trajectory-pain_nprs"] svg').first()).toBeVisible();
	await checkAccessibility(page, 'client trajectories');
});

test('the research workspace with a query answered, and the report', async ({ page }) => {
	await page.goto('/research');
	await expect(page.locator('main[aria-busy="false"]')).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: /^Run/ }).click();
	await expect(page.getByRole('region', { name: 'Result of the query' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'k =' })).toBeVisible();
	await checkAccessibility(page, 'research');
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Report' }).click();
	await expect(page.getByRole('region', { name: 'Methods' })).toBeVisible();
	await checkAccessibility(page, 'report');
});

test('the comparisons: contrasts and the funnel plot, with their tables open; the trial view of a trial', async ({ page }) => {
	test.setTimeout(120_000);
	await openApp(page, '/?by=therapist');
	for (const chart of ['course-contrasts', 'case-mix']) {
		const card = page.locator(`[data-chart="${chart}"]`);
		await card.getByText('Table of the numbers behind this chart').click();
		await expect(card.getByRole('table').first()).toBeVisible();
	}
	await checkAccessibility(page, 'comparisons');
	await openApp(page);
	await page.locator('input[type=file]').setInputFiles(fixture('Ashar2022_outcomes_demographics.csv'));
	await page.getByRole('button', { name: /^Import/ }).click();
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0, { timeout: 60_000 });
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Trial view' }).click();
	await expect(page.locator('[data-chart="trial-contrasts"] svg').first()).toBeVisible({ timeout: 30_000 });
	await page.locator('[data-chart="trial-means"]').getByText('Table of the numbers behind this chart').click();
	await checkAccessibility(page, 'trial view');
});

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, { most = 120, back = false } = {}) {
	for (let i = 0; i < most; i++) {
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
		if (await target.evaluate((element) => element === document.activeElement)) return;
	}
	throw new Error(`${target} not reached in ${most} presses of Tab`);
}

test('keyboard only: import a file, change a filter, pick a client', async ({ page }) => {
	await openApp(page);

	// The file input is reached by Tab and opens the file chooser from the keyboard.
	await tabTo(page, page.getByLabel('Choose files…'));
	const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
	await chooser.setFiles(fixture('clinic-export-mixed.csv'));
	const confirm = page.getByRole('button', { name: /^Import/ });
	await expect(confirm).toBeEnabled();
	await tabTo(page, confirm);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Read' })).toContainText('clinic-export-mixed.csv: Read 14 rows · imported 8');
	await settled(page);

	// A filter: open the condition list, tick a condition.
	const conditions = page.getByText('Condition: all');
	await tabTo(page, conditions);
	await page.keyboard.press('Enter');
	const sciatica = page.getByRole('checkbox', { name: 'Sciatica' });
	await tabTo(page, sciatica, { most: 20 });
	await page.keyboard.press('Space');
	await expect(page).toHaveURL(/condition=Sciatica/);
	await expect(page.getByText('Condition: Sciatica')).toBeVisible();
	await settled(page);

	// Client trajectories, from the navigation; the client search by typing and the arrow keys.
	await tabTo(page, page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Client trajectories' }), { back: true });
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/clients/);
	const search = page.getByRole('combobox', { name: /client/i });
	await tabTo(page, search);
	await page.keyboard.type('c2');
	// Focusing the field lists the longest courses first: wait for the list of what was typed.
	const option = page.getByRole('option');
	await expect(option).toHaveCount(1);
	await expect(option).toHaveText(/^C2\b/);
	await page.keyboard.press('ArrowDown');
	await expect(search).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/[?&]client=C2(&|$)/);
	await expect(page.getByRole('article', { name: 'C2' })).toBeVisible();
});
