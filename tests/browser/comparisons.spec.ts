import { expect, test, type Locator, type Page } from '@playwright/test';
import { importFiles, openApp, settled } from './app';

/** The table row whose first cell, or any cell, is exactly `name`. */
const rowOf = (card: Locator, name: string) => card.getByRole('row').filter({ has: card.page().getByRole('cell', { name, exact: true }) });

const openTable = async (page: Page, chart: string) => {
	const card = page.locator(`[data-chart="${chart}"]`);
	await card.getByText('Table of the numbers behind this chart').click();
	return card;
};

test('groups are compared with a reference the user picks, adjusted and unadjusted', async ({ page }) => {
	await openApp(page);
	const course = page.locator('[data-chart="course-contrasts"]');
	// No group is labelled as a control in the demo clinic: the largest is the reference.
	await expect(page.getByLabel('Reference group')).toHaveValue('');
	await expect(course.getByRole('heading')).toContainText('Course effect compared with Positional release');
	await expect(course.locator('.plot')).toContainText('adjusted for baseline (ANCOVA)');

	await page.getByLabel('Reference group').selectOption('Swedish massage');
	await expect(page).toHaveURL(/ref=Swedish\+massage/);
	await settled(page);
	await expect(course.getByRole('heading')).toContainText('compared with Swedish massage');
	await openTable(page, 'course-contrasts');
	const header = course.getByRole('row').first();
	for (const column of [
		'Difference vs Swedish massage, unadjusted (95% CI)',
		'Adjusted for baseline (95% CI)',
		'Hedges’ g (95% CI)',
		'Difference in responders (95% CI)'
	]) {
		await expect(header).toContainText(column);
	}
	await expect(rowOf(course, 'Swedish massage')).toContainText('reference');
	// The demo builds in more relief for palpation release than Swedish massage: a positive difference, with its interval.
	await expect(rowOf(course, 'Palpation release')).toContainText(/ \d\.\d\d \(-?\d\.\d\d to \d\.\d\d\)/);
	await expect(course).toContainText(
		'Adjusted (ANCOVA): each client’s latest Pain (NPRS) before a session modelled on their first (baseline), their main technique and condition'
	);

	// A reload keeps the choice; changing the grouping goes back to the default.
	await page.reload();
	await settled(page);
	await expect(page.getByLabel('Reference group')).toHaveValue('Swedish massage');
	await page.getByLabel('Compare by').selectOption('clinic');
	await expect(page).not.toHaveURL(/ref=/);
});

test('therapists are compared with what their case mix predicts, in a funnel plot', async ({ page }) => {
	await openApp(page, '/?by=therapist');
	const card = page.locator('[data-chart="case-mix"]');
	await expect(card.getByRole('heading')).toContainText('Which therapists do better than their case mix predicts?');
	await expect(card).toContainText('(baseline, condition, chronicity (weeks_since_onset), age (age), sex (sex))');
	// The demo's one therapist who does better than case mix predicts is beyond the 99.8% limits, and named.
	await expect(card.locator('svg').last()).toContainText('Dev Patel');
	await expect(card.locator('svg').last()).toContainText('99.8% limit');
	await openTable(page, 'case-mix');
	await expect(rowOf(card, 'Dev Patel')).toContainText('beyond the 99.8% limits');
	// The two therapists who take chronic referrals have the worst raw course, and are as their case mix predicts.
	for (const name of ['Clara Lindqvist', 'Hugo Martin']) await expect(rowOf(card, name)).toContainText('within the 95% limits');
	await expect(card.getByRole('table', { name: /The case-mix model/ })).toContainText(
		'chronicity (weeks_since_onset): chronic (over 12 weeks)'
	);
	// Techniques are not providers: no case-mix card when comparing them.
	await page.getByLabel('Compare by').selectOption('technique');
	await settled(page);
	await expect(page.locator('[data-chart="case-mix"]')).toHaveCount(0);
});

test('the trial view of the back-pain trial gives its paper’s post-treatment figures', async ({ page }) => {
	await openApp(page);
	await importFiles(page, ['Ashar2022_outcomes_demographics.csv'], async (p) => {
		await p.getByLabel('Label for code 1 in group').fill('Pain reprocessing therapy');
		await p.getByLabel('Label for code 2 in group').fill('Placebo');
		await p.getByLabel('Label for code 3 in group').fill('Usual care');
	});
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Trial view' }).click();
	await expect(page.locator('main[aria-busy="false"]')).toBeVisible({ timeout: 30_000 });
	const flow = page.getByRole('region', { name: /Flow of participants/ }).getByRole('table');
	// Randomised 50, followed and analysed 44, missing 6: completers are never taken for everyone.
	await expect(rowOf(flow, 'Pain reprocessing therapy')).toHaveText(/Pain reprocessing therapy\s*50\s*50\s*44\s*44\s*6/);

	const means = await openTable(page, 'trial-means');
	await expect(means.locator('.plot')).toContainText('Pain reprocessing therapy');
	// Ashar et al. 2022: mean pain after treatment 1.18 (PRT), 2.84 (placebo, stored as Sham / control), 3.13 (usual care).
	await expect(rowOf(means, 'Pain reprocessing therapy').last()).toContainText('1.18 (1.24)');
	await expect(rowOf(means, 'Sham / control').last()).toContainText('2.84 (1.64)');
	await expect(rowOf(means, 'Usual care').last()).toContainText('3.13 (1.45)');

	const contrasts = await openTable(page, 'trial-contrasts');
	await expect(contrasts.getByRole('heading')).toContainText('compare with Sham / control');
	// ANCOVA (numpy): −1.73 (−2.25 to −1.22) for PRT against placebo, complete cases.
	await expect(rowOf(contrasts, 'Pain reprocessing therapy')).toContainText('-1.73 (-2.25 to -1.22)');

	// Everyone randomised: the paper's 33 of 50 (66%), 10 of 51 (20%), 5 of 50 (10%) pain-free or nearly (≤ 1).
	await page.getByLabel('Everyone with a baseline').check();
	await expect(page).toHaveURL(/pop=bocf/);
	await expect(page.locator('main[aria-busy="false"]')).toBeVisible();
	const shares = await openTable(page, 'trial-shares');
	await expect(rowOf(shares, 'Pain reprocessing therapy')).toContainText('33 of 50 (66%)');
	await expect(rowOf(shares, 'Sham / control')).toContainText('10 of 51 (20%)');
	await expect(rowOf(shares, 'Usual care')).toContainText('5 of 50 (10%)');
	await expect(page.getByText('Analysed: everyone with a baseline value').first()).toBeVisible();

	// Table 1: baseline characteristics by arm, from each participant's first visit (numpy on the raw file:
	// tests/reference/table-one.py), with its CSV.
	const tableOne = page.getByRole('region', { name: 'Table 1. Baseline characteristics by arm', exact: true });
	await expect(rowOf(tableOne, 'Clients, n')).toHaveText(/Clients, n\s*50\s*51\s*50\s*55/);
	await expect(rowOf(tableOne, 'age, mean (SD)')).toContainText('42.58 (16.18)');
	await expect(rowOf(tableOne, 'Pain (NPRS), points, mean (SD)')).toContainText('3.94 (1.50)');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('group', { name: 'Download Table 1' }).getByRole('button', { name: 'CSV of the table' }).click()
	]);
	expect(download.suggestedFilename()).toBe('table-1-baseline.csv');

	// The report carries the trial view and says how it was analysed.
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Report' }).click();
	await expect(page.locator('[data-chart="trial-shares"]')).toBeVisible({ timeout: 30_000 });
	const methods = page.getByRole('region', { name: 'Methods' });
	await expect(methods).toContainText('Analysis population: everyone with a baseline value');
	await expect(methods).toContainText('compared with a reference group: Sham / control, by default');
});
