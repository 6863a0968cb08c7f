import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openApp, settled } from './app';

test('filters live in the URL and every figure follows them', async ({ page }) => {
	await openApp(page);
	const clients = page.getByRole('region', { name: 'Headline figures' }).locator('.figure').first();
	await expect(clients).toContainText('300');

	await page.getByText('Condition: all').click();
	await page.getByRole('checkbox', { name: 'Lower back pain' }).check();
	await expect(page).toHaveURL(/condition=Lower\+back\+pain/);
	await settled(page);
	// Only the demo clients with lower back pain remain, in the figures and in every chart.
	await expect(clients).not.toContainText('300');
	await expect(page.locator('[data-chart="immediate"] svg').last()).toContainText('Lower back pain');
	await expect(page.locator('[data-chart="immediate"] svg').last()).not.toContainText('Sciatica');

	await page.getByLabel('Compare by').selectOption('therapist');
	await expect(page).toHaveURL(/by=therapist/);
	await settled(page);
	await expect(page.locator('[data-chart="course"] svg').last()).toContainText('Amira Haddad');

	// The same URL, opened afresh, gives the same view.
	const url = page.url();
	const clientsShown = await clients.innerText();
	await page.goto(url);
	await settled(page);
	await expect(clients).toHaveText(clientsShown);
	await expect(page.getByLabel('Compare by')).toHaveValue('therapist');
});

test('effects come with intervals, medians, responders and effect sizes in their tables', async ({ page }) => {
	await openApp(page);
	const course = page.locator('[data-chart="course"]');
	await course.getByText('Table of the numbers behind this chart').click();
	const header = course.getByRole('row').first();
	for (const column of ['Main technique', 'Condition', 'Clients', 'Mean (points)', '95% CI', 'Median', 'IQR', 'SRM', 'Responders']) {
		await expect(header).toContainText(column);
	}
	const row = course.getByRole('row').filter({ hasText: 'Palpation release' }).filter({ hasText: 'Headaches' });
	await expect(row).toContainText(/-?\d\.\d\d to -?\d\.\d\d/);
	await expect(row).toContainText(/\d+ \(\d+%\)/);
	await expect(page.locator('[data-chart="bands"] svg').last()).toContainText('2–4 a month');
});

test('each chart downloads as SVG, PNG and a CSV of its table', async ({ page }) => {
	await openApp(page);
	const card = page.locator('[data-chart="immediate"]');
	const save = async (name: string) => {
		const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name }).click()]);
		const bytes = await readFile((await download.path())!);
		return { file: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
	};
	const svg = await save('SVG');
	expect(svg.file).toBe('immediate.svg');
	expect(svg.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
	const png = await save('PNG');
	expect(png.file).toBe('immediate.png');
	expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
	const csv = await save('CSV of the table');
	expect(csv.file).toBe('immediate.csv');
	const lines = csv.text.split('\r\n');
	expect(lines[0]).toBe('Main technique,Condition,Clients,Sessions,Mean (points),95% CI,Median,IQR,SRM,Note');
	// A group under 5 clients leaves the browser with its labels only: its count would identify people.
	const small = lines.filter((line) => line.endsWith('suppressed: fewer than 5 clients'));
	expect(small.length).toBeGreaterThan(0);
	for (const line of small) expect(line).toMatch(/^[^,]+,[^,]+,,,,,,,,suppressed: fewer than 5 clients$/);
	expect(lines.length - 1 - small.length).toBeGreaterThan(0);

	// Every chart has its CSV.
	for (const chart of ['course', 'bands', 'pain', 'rom', 'frequency', 'retention']) {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator(`[data-chart="${chart}"]`).getByRole('button', { name: 'CSV of the table' }).click()
		]);
		expect(download.suggestedFilename()).toBe(`${chart}.csv`);
	}
});
