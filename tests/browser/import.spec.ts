import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fixture, importFiles, openApp, plotWarnings } from './app';

const datasetsTable = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Stored datasets' }).getByRole('table');

test('a clinic export: every row accounted for, rejected rows downloadable with reasons', async ({ page }) => {
	await openApp(page);
	await page.locator('input[type=file]').setInputFiles(fixture('clinic-export-mixed.csv'));
	// The preview says what it found before anything is stored.
	await expect(page.getByText('UTF-8 with BOM · semicolon-separated · decimal comma')).toBeVisible();
	await expect(page.getByLabel('Role of column pain before')).toHaveValue('measure');
	await page.getByRole('button', { name: /^Import/ }).click();

	await expect(page.getByRole('status')).toContainText('clinic-export-mixed.csv: Read 14 rows · imported 8 · rejected 5 · 1 duplicate');
	// The charts come from memory first; the file is stored after, and the page says when.
	await expect(page.getByRole('status')).toContainText('Saved: clinic-export-mixed.csv is stored in this browser.');
	// The demo is no longer shown with real data.
	await expect(page.getByRole('complementary', { name: 'Demo data notice' })).toHaveCount(0);
	await expect(page.locator('[data-chart="pain"] p.n')).toContainText('n = 4 clients, 6 sessions');

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download the 5 rejected rows with reasons' }).click()
	]);
	expect(download.suggestedFilename()).toBe('clinic-export-mixed-rejected.csv');
	const csv = await readFile(await download.path(), 'utf8');
	const lines = csv.trim().split(/\r?\n/);
	expect(lines[0]).toBe('line,reason,client,date,technique,condition,pain before,pain after');
	expect(lines).toHaveLength(6);
	expect(lines[3]).toBe('9,pain before: 11 is outside the 0–10 scale of Pain (NPRS),C4,08.01.2025,PNF,Knee pain,11,3');
});

test('the back-pain trial: one row per patient per timepoint, coded groups labelled', async ({ page }) => {
	await openApp(page);
	const status = await importFiles(page, ['Ashar2022_outcomes_demographics.csv'], async (p) => {
		await expect(p.getByLabel('Role of column time')).toHaveValue('timepoint');
		await p.getByLabel('Label for code 1 in group').fill('Pain reprocessing therapy');
		await p.getByLabel('Label for code 2 in group').fill('Placebo');
		await p.getByLabel('Label for code 3 in group').fill('Usual care');
		await p.getByPlaceholder('e.g. Lower back pain').fill('chronic low back pain');
	});
	await expect(status).toHaveText('Ashar2022_outcomes_demographics.csv: Read 341 rows · imported 341 · rejected 0 · 0 duplicates');
	const row = datasetsTable(page).getByRole('row').filter({ hasText: 'Ashar2022' });
	// 206 patients; 341 rows become 341 visits (timepoints 1 and 2)
	await expect(row).toContainText('206');
	await expect(row).toContainText('341');
	// Visit numbers only, no dates: the frequency view says why it is empty.
	await expect(page.locator('[data-chart="frequency"]')).toContainText('no session dates');
	await expect(page.locator('[data-chart="pain"]')).toContainText('Pain recorded once per visit');
});

test('a trial without an id column: Pre and Post read as two visits, switchable, stored two sessions per participant', async ({ page }) => {
	await openApp(page);
	const trial = page.getByText('Read as a trial: one row per participant; pre and post are two visits, baseline and follow-up.');
	const sessions = page.getByText('Read as sessions: before and after within one session.');
	const status = await importFiles(page, ['grip-strength.csv'], async (p) => {
		await expect(trial).toBeVisible();
		await expect(p.getByText('No column holds a participant id: each row is one participant')).toBeVisible();
		await expect(p.getByLabel('Timing of column Pre').locator('option:checked')).toHaveText('baseline (visit 1)');
		await p.getByRole('button', { name: 'Read as sessions instead' }).click();
		await expect(sessions).toBeVisible();
		await expect(trial).toHaveCount(0);
		await expect(p.getByText('shape: one row per session')).toBeVisible();
		await expect(p.getByLabel('Timing of column Pre').locator('option:checked')).toHaveText('before the session');
		await p.getByRole('button', { name: 'Read as a trial instead' }).click();
		await expect(trial).toBeVisible();
		await expect(p.getByText('shape: one row per client, a measure’s visits in columns')).toBeVisible();
		// The measure the file names gets its unit, scale and direction here.
		await p.getByLabel('Unit of grip strength').fill('kg');
		await p.getByLabel('Direction of grip strength').selectOption('lower');
	});
	await expect(status).toHaveText('grip-strength.csv: Read 6 rows · imported 6 · rejected 0 · 0 duplicates');
	// 6 participants (rows 2 and 6 hold the same values), each with a baseline and a follow-up visit.
	const cells = datasetsTable(page).getByRole('row').filter({ hasText: 'grip-strength.csv' }).getByRole('cell');
	await expect(cells.nth(2)).toHaveText('6');
	await expect(cells.nth(3)).toHaveText('12');

	await page.goto('/research');
	await expect(page.locator('main[aria-busy="false"]')).toBeVisible({ timeout: 30_000 });
	await page.getByRole('textbox', { name: /SQL/ }).fill("SELECT unit, direction FROM measures WHERE measure = 'grip_strength'");
	await page.getByRole('button', { name: /^Run/ }).click();
	await expect(page.getByRole('region', { name: 'Result of the query' }).locator('tbody td')).toHaveText(['kg', 'lower']);
});

test('groups coded 1, 2, 3 and left unlabelled are charted as names, without a warning', async ({ page }) => {
	await openApp(page);
	await importFiles(page, ['Ashar2022_outcomes_demographics.csv']);
	const course = page.locator('[data-chart="course"]');
	for (const group of ['1 · Not recorded', '2 · Not recorded', '3 · Not recorded'])
		await expect(course.locator('svg').last()).toContainText(group);
	await expect(plotWarnings(page)).toHaveCount(0);
});

test('the sore-throat trial, the headache diaries and the gait file import without loss', async ({ page }) => {
	await openApp(page);
	const status = await importFiles(page, ['licorice_gargle.csv', 'KosteckiDillon.csv', 'gait.csv']);
	await expect(status).toContainText('licorice_gargle.csv: Read 235 rows · imported 235 · rejected 0 · 0 duplicates');
	await expect(status).toContainText('KosteckiDillon.csv: Read 4,152 rows · imported 4,152 · rejected 0 · 0 duplicates');
	await expect(status).toContainText('gait.csv: Read 20 rows · imported 20 · rejected 0 · 0 duplicates');
	// licorice: four throat-pain timepoints per patient become visits 1–4
	await expect(datasetsTable(page).getByRole('row').filter({ hasText: 'licorice_gargle.csv' })).toContainText('235');
	await expect(datasetsTable(page).getByRole('row').filter({ hasText: 'KosteckiDillon.csv' })).toContainText('133');
});

test('a file without any outcome measure is imported, and the dashboard says why its effects are empty', async ({ page }) => {
	await openApp(page);
	// The headache diaries: yes/no headache days, no score a chart could average.
	await importFiles(page, ['KosteckiDillon.csv']);
	await expect(page.getByRole('note').filter({ hasText: 'None of the analysed data has an outcome measure' })).toBeVisible();
	await expect(page.getByLabel('Outcome measure')).toBeDisabled();
	await expect(page.getByRole('region', { name: 'Headline figures' })).toContainText('4,152 sessions');
	await expect(page.getByRole('region', { name: 'Headline figures' })).not.toContainText('– points');
});

test('imported data survive a reload', async ({ page }) => {
	await openApp(page);
	await importFiles(page, ['clinic-export-mixed.csv']);
	await expect(datasetsTable(page)).toContainText('clinic-export-mixed.csv');
	await page.reload();
	await openApp(page);
	await expect(datasetsTable(page)).toContainText('clinic-export-mixed.csv');
	await expect(page.locator('[data-chart="pain"] p.n')).toContainText('n = 4 clients, 6 sessions');
	await expect(page.getByRole('complementary', { name: 'Demo data notice' })).toHaveCount(0);
});

test('a file that cannot be imported says why and changes nothing stored', async ({ page }) => {
	await openApp(page);
	await importFiles(page, ['clinic-export-mixed.csv']);
	const before = await datasetsTable(page).innerText();
	const painBefore = await page.locator('[data-chart="pain"]').innerText();

	await page.locator('input[type=file]').setInputFiles(fixture('not-a-csv.csv'));
	await expect(page.getByRole('alert')).toContainText('not-a-csv.csv: The file does not look like a text file');
	await page.locator('input[type=file]').setInputFiles(fixture('header-only.csv'));
	await expect(page.getByRole('alert')).toContainText('header-only.csv has a header but no data rows');

	expect(await datasetsTable(page).innerText()).toBe(before);
	expect(await page.locator('[data-chart="pain"]').innerText()).toBe(painBefore);
});

test('datasets can be left out, deleted, and the demo brought back', async ({ page }) => {
	await openApp(page);
	await importFiles(page, ['clinic-export-mixed.csv']);
	await page.getByRole('button', { name: 'Show the demo clinic instead' }).click();
	await expect(page.getByRole('complementary', { name: 'Demo data notice' })).toBeVisible();
	await expect(page.getByLabel('Analyse clinic-export-mixed.csv')).not.toBeChecked();
	await page.getByRole('button', { name: 'Delete clinic-export-mixed.csv' }).click();
	await expect(datasetsTable(page)).not.toContainText('clinic-export-mixed.csv');
	await expect(page.locator('[data-chart="pain"] p.n')).toContainText(/n = 297 clients, \d,\d{3} sessions/);
});
