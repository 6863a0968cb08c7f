import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { generateDemoSessions } from '../../src/lib/demo/generate';

const demo = [...generateDemoSessions()];

async function openResearch(page: Page, search = '') {
	await page.goto(`/research${search}`);
	await expect(page.locator('main[aria-busy="false"]')).toBeVisible({ timeout: 30_000 });
}

async function run(page: Page, sql: string) {
	await page.getByRole('textbox', { name: /SQL/ }).fill(sql);
	await page.getByRole('button', { name: /^Run/ }).click();
}

async function downloaded(page: Page, button: string) {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
	return { name: file.suggestedFilename(), bytes: await readFile((await file.path()) as string) };
}

test('the SQL console answers reads, shows DuckDB’s errors, and refuses every write', async ({ page }) => {
	await openResearch(page);
	await run(page, 'SELECT count(*) AS sessions FROM active_sessions');
	await expect(page.getByRole('status').filter({ hasText: 'row' })).toContainText('1 row');
	await expect(page.getByRole('region', { name: 'Result of the query' }).locator('tbody td')).toHaveText(String(demo.length));

	await run(page, 'SELECT nonsense FROM sessions');
	await expect(page.getByRole('alert')).toContainText('Referenced column "nonsense" not found');

	const tricks = [
		'DROP TABLE sessions',
		'SELECT 1; DROP TABLE sessions',
		"COPY sessions TO 'out.csv'",
		"ATTACH 'other.db'",
		'INSTALL httpfs',
		'LOAD parquet',
		'PRAGMA enable_profiling',
		'SET threads = 1',
		'CREATE TABLE x AS SELECT 1',
		"EXPORT DATABASE 'dump'",
		'WITH x AS (SELECT 1) DELETE FROM sessions',
		'UPDATE measurements SET value_before = 0'
	];
	for (const sql of tricks) {
		await run(page, sql);
		await expect(page.getByRole('alert'), sql).toContainText('Not run.');
	}
	await run(page, 'SELECT count(*) AS sessions FROM active_sessions');
	await expect(page.getByRole('region', { name: 'Result of the query' }).locator('tbody td')).toHaveText(String(demo.length));
});

test('a query result downloads as CSV and as Parquet, all rows', async ({ page }) => {
	await openResearch(page);
	// More rows than the console shows (200): the files hold them all.
	await run(page, 'SELECT client_id, session_date FROM active_sessions ORDER BY session_id');
	await expect(page.getByRole('status').filter({ hasText: 'rows' })).toContainText(
		`${demo.length.toLocaleString('en')} rows, the first 200 shown`
	);
	const csv = await downloaded(page, 'Download result as CSV');
	expect(csv.name).toBe('query-result.csv');
	const lines = csv.bytes.toString('utf8').trim().split(/\r\n/);
	expect(lines[0]).toBe('client_id,session_date');
	expect(lines).toHaveLength(demo.length + 1);
	expect(lines[1]).toBe(`${demo[0].clientId},${demo[0].date}`);
	const parquet = await downloaded(page, 'Download result as Parquet');
	expect(parquet.name).toBe('query-result.parquet');
	expect(parquet.bytes.subarray(0, 4).toString()).toBe('PAR1');
});

test('the dataset export: re-identification check first, then pseudonymised sessions', async ({ page }) => {
	await openResearch(page);
	// Clinic × condition × first-visit month is very specific for 300 clients.
	await expect(page.getByRole('status').filter({ hasText: 'k =' })).toContainText('k = 1: the smallest group has 1 client');
	for (const label of ['Clinic', 'Condition', 'First-visit month'])
		await page.getByRole('checkbox', { name: label, exact: true }).uncheck();
	await page.getByRole('checkbox', { name: 'Clinic', exact: true }).check();
	// By clinic alone: clients grouped by the clinics they were seen at, worked out from the generator.
	const clinics = new Map<string, Set<string>>();
	for (const s of demo) clinics.set(s.clientId, (clinics.get(s.clientId) ?? new Set()).add(s.clinic));
	const groups = new Map<string, number>();
	for (const set of clinics.values()) {
		const key = [...set].sort().join(' + ');
		groups.set(key, (groups.get(key) ?? 0) + 1);
	}
	const k = Math.min(...groups.values());
	await expect(page.getByRole('status').filter({ hasText: 'k =' })).toContainText(
		`k = ${k}: the smallest group has ${k} ${k === 1 ? 'client' : 'clients'} (${groups.size} groups, 300 clients).`
	);
	// The demo is one dataset: by dataset alone, every client is in one group.
	await page.getByRole('checkbox', { name: 'Clinic', exact: true }).uncheck();
	await page.getByRole('checkbox', { name: 'Dataset', exact: true }).check();
	await expect(page.getByRole('status').filter({ hasText: 'k =' })).toHaveText(
		'k = 300: the 300 clients form a single group. Every group has at least 5 clients.'
	);
	await page.getByRole('checkbox', { name: 'Dataset', exact: true }).uncheck();
	await page.getByRole('checkbox', { name: 'Clinic', exact: true }).check();

	const file = await downloaded(page, 'Download sessions as CSV');
	// DuckDB wrote the file in the browser's private file system; nothing of it is left there.
	const stored = await page.evaluate(async () => {
		const names: string[] = [];
		const root = (await navigator.storage.getDirectory()) as unknown as { keys(): AsyncIterable<string> };
		for await (const name of root.keys()) names.push(name);
		return names;
	});
	expect(stored.filter((name) => name.startsWith('export-'))).toEqual([]);
	expect(stored).toContain('massage-outcomes.duckdb');
	const lines = file.bytes.toString('utf8').trim().split(/\r\n/);
	expect(lines[0]).toBe('client,session_number,date,dataset,clinic,therapist,condition,techniques,measure,value_before,value_after');
	// One row per session for pain, one more where range of motion was measured.
	const withRom = demo.filter((s) => s.romBefore !== null || s.romAfter !== null).length;
	expect(lines).toHaveLength(1 + demo.length + withRom);
	expect(lines.slice(1).every((line) => /^P-[0-9a-f]{16},/.test(line))).toBe(true);
	expect(file.bytes.toString('utf8')).not.toContain('C0001');
});

test('the report prints the dashboard with a methods section for the current settings', async ({ page }) => {
	await page.goto('/report?mcid=1.5&min=8');
	await expect(page.locator('main[aria-busy="false"]')).toBeVisible({ timeout: 30_000 });
	const methods = page.getByRole('region', { name: 'Methods' });
	await expect(methods).toContainText('Meaningful change: 1.5 points or 30% of baseline (set by you).');
	await expect(methods).toContainText('Groups with fewer than 8 clients are not shown');
	await expect(methods).toContainText(`Analysed: ${demo.length} sessions of 300 clients, dated ${demo.map((s) => s.date).sort()[0]}`);
	await expect(methods).toContainText('associations, not evidence');
	await expect(page.locator('[data-chart="course"] svg').first()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
	// On paper: no navigation, no buttons.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Views' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'SVG' }).first()).toBeHidden();
});
