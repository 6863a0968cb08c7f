import { expect, test, type Page } from '@playwright/test';
import { generateDemoSessions } from '../../src/lib/demo/generate';
import { importFiles, openApp } from './app';

// The demo clinic is deterministic: what it generates for a client is what the page must draw.
const demo = [...generateDemoSessions()];
const sessionsOf = (id: string) => demo.filter((s) => s.clientId === id);

async function openClients(page: Page, search = '') {
	await page.goto(`/clients${search}`);
	await expect(page.locator('main[aria-busy="false"]')).toBeVisible({ timeout: 30_000 });
	return page.getByRole('combobox', { name: /client/i });
}

const painCard = (page: Page) => page.locator('[data-chart="trajectory-pain_nprs"]');

test('a therapist types a client id, picks it, and sees the course against similar clients', async ({ page }) => {
	const expected = sessionsOf('C0001');
	expect(expected.length).toBeGreaterThan(2);
	const search = await openClients(page);

	await search.fill('c000');
	const option = page.getByRole('option', { name: /^C0001/ });
	await expect(option).toBeVisible();
	await search.press('ArrowDown');
	await expect(search).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) as string);
	await search.press('Enter');

	await expect(page).toHaveURL(/[?&]client=C0001(&|$)/);
	const card = painCard(page);
	// One filled mark per session's before value, one hollow per after value the demo recorded.
	await expect(card.locator('g[aria-description="before each session"] > *')).toHaveCount(expected.length);
	await expect(card.locator('g[aria-description="after each session"] > *')).toHaveCount(
		expected.filter((s) => s.painAfter !== null).length
	);
	await expect(card.locator('g[aria-description="similar clients, middle half"] path')).not.toHaveCount(0);

	// The table behind the chart holds the demo's values, session by session.
	await card.getByText('Table of the numbers behind this chart').click();
	const rows = card.locator('tbody tr');
	await expect(rows).toHaveCount(expected.length);
	for (const [i, s] of expected.entries()) {
		const cells = rows.nth(i).locator('td');
		await expect(cells.nth(1)).toHaveText(String(i + 1));
		await expect(cells.nth(2)).toHaveText(s.date);
		await expect(cells.nth(5)).toHaveText(String(s.painBefore));
		await expect(cells.nth(6)).toHaveText(s.painAfter === null ? '–' : String(s.painAfter));
	}

	const summary = page.getByRole('article', { name: 'C0001' });
	await expect(summary).toContainText(`${expected.length}, ${expected[0].date} to ${expected.at(-1)!.date}`);
	await expect(summary).toContainText(`baseline ${expected[0].painBefore} → latest ${expected.at(-1)!.painBefore}`);
});

test('up to six clients on one chart, axis and selection in the URL, all by keyboard', async ({ page }) => {
	const search = await openClients(page, '?client=C0001');
	await expect(painCard(page)).toBeVisible();

	// Keyboard only: the second match of "C01" is C0101 (C0100 starts the list).
	await search.focus();
	await page.keyboard.type('C01');
	await expect(page.getByRole('option', { name: /^C0100/ })).toBeVisible();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/client=C0001&client=C0101/);
	// Each client has its own label at the end of its line, not only its colour.
	await expect(painCard(page).locator('g[aria-description="client labels"] text', { hasText: /^C0101$/ })).toHaveCount(1);
	await expect(painCard(page).locator('g[aria-description="client labels"] text', { hasText: /^C0001$/ })).toHaveCount(1);

	await page.getByRole('radio', { name: 'Days since the first visit' }).focus();
	await page.keyboard.press('Space');
	await expect(page).toHaveURL(/x=days/);
	await expect(painCard(page).getByText('Days since the first visit')).toBeVisible();

	// A bookmark brings the same view back.
	await page.reload();
	await expect(page.getByRole('radio', { name: 'Days since the first visit' })).toBeChecked();
	await expect(page.getByRole('list', { name: 'Clients on the charts' }).getByRole('listitem')).toHaveText(['C0001 ×', 'C0101 ×']);

	await page.getByRole('button', { name: 'Remove client C0001' }).press('Enter');
	await expect(page).toHaveURL(/\?client=C0101&x=days$/);

	for (const id of ['C0002', 'C0003', 'C0004', 'C0005', 'C0006']) {
		await search.fill(id);
		await expect(page.getByRole('option', { name: new RegExp(`^${id}`) })).toBeVisible();
		await search.press('Enter');
		await expect(page).toHaveURL(new RegExp(`client=${id}`));
	}
	await expect(search).toBeDisabled();
	await expect(page.getByText('Six clients is the most one chart shows')).toBeVisible();
});

test('clients of different conditions: the reference band follows the client the therapist chooses', async ({ page }) => {
	const firstCondition = (id: string) => sessionsOf(id)[0].condition;
	const [a, b] = ['C0001', ...[...new Set(demo.map((s) => s.clientId))].filter((id) => firstCondition(id) !== firstCondition('C0001'))];
	await openClients(page, `?client=${a}&client=${b}`);
	const note = page.getByText(/^Reference:/);
	await expect(note).toContainText(`first visit was for ${firstCondition(a)} (based on ${a})`);
	const follows = page.getByLabel('Reference band follows');
	await expect(follows).toHaveValue(a);
	await follows.selectOption(b);
	await expect(page).toHaveURL(new RegExp(`[?&]ref=${b}(&|$)`));
	await expect(note).toContainText(`first visit was for ${firstCondition(b)} (based on ${b})`);
	await expect(painCard(page)).toContainText(`whose first visit was for ${firstCondition(b)}`);
	// The choice is gone with its client; the band follows the first client again.
	await page.getByRole('button', { name: `Remove client ${b}` }).click();
	await expect(page).not.toHaveURL(/ref=/);
	await expect(note).toContainText(`(based on ${a})`);
	await expect(follows).toHaveCount(0);
});

test('an id that is not in the data says so', async ({ page }) => {
	await openClients(page, '?client=NOPE-1');
	await expect(page.getByRole('alert')).toContainText('No sessions in the analysed data for NOPE-1');
});

test('research data with visit numbers only: trajectories by visit, and days say why they are empty', async ({ page }) => {
	await openApp(page);
	await importFiles(page, ['Ashar2022_outcomes_demographics.csv'], async (p) => {
		await p.getByPlaceholder('e.g. Lower back pain').fill('chronic low back pain');
	});
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Client trajectories' }).click();
	const search = page.getByRole('combobox', { name: /client/i });
	// Patient 12: pain_avg 2 at time 1, 3 at time 2 (the file's first two rows).
	await search.fill('12');
	await expect(page.getByRole('option').first()).toHaveText(/^12\b/);
	await search.press('Enter');
	await expect(page).toHaveURL(/\?client=12$/);
	const summary = page.getByRole('article', { name: '12' });
	await expect(summary).toContainText('Sessions a month');
	await expect(summary).toContainText('not known');
	await expect(summary).toContainText('baseline 2 → latest 3');
	await expect(painCard(page).locator('g[aria-description="before each session"] > *')).toHaveCount(2);
	await page.getByRole('radio', { name: 'Days since the first visit' }).check();
	await expect(painCard(page)).toContainText('These sessions have no dates');
});
