/**
 * The benchmark (not a test): builds the site, serves it on 127.0.0.1, and measures in headless Chromium
 *   1. navigation to the first chart on the demo data (fresh browser context each run: nothing cached);
 *   2. a generated 1M-row session CSV, in the same page: DuckDB's read_csv into an in-memory table, the same
 *      into a table stored on OPFS, the app's whole import, and papaparse;
 *   3. filter changes in the app on the imported file.
 * Medians of 3 (--runs N). Prints a table.
 *
 *   npm run bench [-- --rows 1000000 --runs 3 --skip-build]
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.ts';
import { serveStatic } from './serve-static.ts';
import { generateDemoSessions } from '../src/lib/demo/generate.ts';
import { DEMO_HEADER, demoCsvLine } from '../src/lib/demo/export-csv.ts';

interface Timing {
	reader: string;
	run: number;
	ms: number;
	rows: number;
	parts?: Record<string, number>;
	filterChanges?: number[];
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROWS = option('rows', 1_000_000);
const RUNS = option('runs', 3);
const OUT_DIR = 'bench-results';

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function sessionsFile(rows: number): Promise<string> {
	mkdirSync(OUT_DIR, { recursive: true });
	const path = `${OUT_DIR}/sessions-${rows}.csv`;
	if (existsSync(path)) return path;
	const out = createWriteStream(path);
	out.write(DEMO_HEADER.join(',') + '\n');
	let chunk: string[] = [];
	for (const s of generateDemoSessions({ rows })) {
		chunk.push(demoCsvLine(s));
		if (chunk.length === 10_000) {
			if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
			chunk = [];
		}
	}
	if (chunk.length) out.write(chunk.join('\n') + '\n');
	out.end();
	await once(out, 'finish');
	return path;
}

async function firstChart(browser: Browser, url: string): Promise<number> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const start = Date.now();
	await page.goto(url);
	await page.locator('[data-chart] svg').first().waitFor({ timeout: 60_000 });
	const ms = Date.now() - start;
	await context.close();
	return ms;
}

async function csvReaders(browser: Browser, url: string, file: string): Promise<Timing[]> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(new URL("/bench", url).href);
	await page.locator('input[type=file]').setInputFiles(file);
	await page.locator('input[type=number]').fill(String(RUNS));
	await page.getByRole('button', { name: 'Run benchmark' }).click();
	const result = page.locator('[data-bench-result]');
	await result.waitFor({ timeout: 20 * 60_000 });
	const alert = await page.getByRole('alert').count();
	if (alert) throw new Error(await page.getByRole('alert').innerText());
	const timings = JSON.parse(await result.innerText()) as Timing[];
	await context.close();
	return timings;
}

/**
 * In the app itself, with the 1M-row file imported through the page: a user's filter changes, each timed in
 * the page from the user's input event to the next paint after the charts are drawn (the dashboard's
 * redraw counter moves, then the next animation frame runs and a task after it: the frame has been
 * produced). Everything is measured in the page, so the test driver's own round trips are not counted.
 */
async function appRedraws(browser: Browser, url: string, file: string): Promise<number[]> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(url);
	await page.locator('main[aria-busy="false"]').waitFor({ timeout: 60_000 });
	await page.locator('input[type=file]').setInputFiles(file);
	await page.getByRole('button', { name: /^Import/ }).click();
	await page.getByRole('status').filter({ hasText: 'Read' }).waitFor({ timeout: 20 * 60_000 });
	await page.locator('main[aria-busy="false"]').waitFor({ timeout: 20 * 60_000 });
	const changes: (() => Promise<unknown>)[] = [
		async () => {
			await page.getByText('Condition: all').click();
			await page.getByRole('checkbox', { name: 'Lower back pain' }).check();
		},
		() => page.getByRole('checkbox', { name: 'Lower back pain' }).uncheck(),
		() => page.getByLabel('Compare by').selectOption('therapist'),
		() => page.getByLabel('Compare by').selectOption('technique'),
		() => page.getByLabel('Outcome measure').selectOption('hip_flexion'),
		() => page.getByLabel('Outcome measure').selectOption('pain_nprs'),
		() => page.getByLabel('From', { exact: true }).fill('2025-03-01')
	];
	// The time of the last input, click or change event; when the redraw counter moves, the next paint.
	await page.evaluate(() => {
		const w = window as unknown as { lastInput: number; painted: number[] };
		w.painted = [];
		for (const type of ['input', 'change', 'click']) document.addEventListener(type, () => (w.lastInput = performance.now()), true);
		new MutationObserver(() => {
			const input = w.lastInput;
			requestAnimationFrame(() => setTimeout(() => w.painted.push(performance.now() - input)));
		}).observe(document.querySelector('main')!, { attributes: true, attributeFilter: ['data-redraws'] });
	});
	const painted = () => page.evaluate(() => (window as unknown as { painted: number[] }).painted.length);
	for (const change of changes) {
		const before = await painted();
		await change();
		await page.waitForFunction((n) => (window as unknown as { painted: number[] }).painted.length > n, before, { timeout: 60_000 });
		// The user reads the charts before the next click.
		await page.waitForTimeout(1000);
	}
	const times = await page.evaluate(() => (window as unknown as { painted: number[] }).painted.map(Math.round));
	await context.close();
	return times;
}

function table(rows: string[][]): string {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ')).join('\n');
}

async function main() {
	if (!args.includes('--skip-build')) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
	const file = await sessionsFile(ROWS);
	const mb = statSync(file).size / 1e6;
	const server = await serveStatic('build', 0);
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: CHROMIUM_ARGS.filter((a) => a !== '--headless')
	});
	try {
		const chartTimes: number[] = [];
		for (let i = 0; i < RUNS; i++) chartTimes.push(await firstChart(browser, server.url));
		const timings = await csvReaders(browser, server.url, file);
		const redrawTimes = await appRedraws(browser, server.url, file);
		const of = (reader: string) => timings.filter((t) => t.reader === reader);
		const duck = median(of('duckdb read_csv').map((t) => t.ms));
		const stored = median(of('duckdb read_csv, stored').map((t) => t.ms));
		const full = median(of('full import').map((t) => t.ms));
		const papa = median(of('papaparse').map((t) => t.ms));
		const filterChanges = of('full import').flatMap((t) => t.filterChanges ?? []);
		const parts = Object.keys(of('full import')[0].parts ?? {}).map((name) => [
			`  ${name}`,
			`${median(of('full import').map((t) => t.parts?.[name] ?? 0)).toFixed(0)} ms`,
			'',
			''
		]);
		console.log(`\nBenchmark: headless Chromium, medians of ${RUNS} runs (${new Date().toISOString()})\n`);
		console.log(
			table([
				['measure', 'median', 'runs (ms)', 'rows'],
				['first chart on demo data (navigation → chart)', `${median(chartTimes).toFixed(0)} ms`, chartTimes.join(' '), '1 576'],
				[
					`DuckDB read_csv, ${ROWS.toLocaleString('en')} rows (${mb.toFixed(0)} MB)`,
					`${duck.toFixed(0)} ms`,
					of('duckdb read_csv').map((t) => t.ms.toFixed(0)).join(' '),
					String(of('duckdb read_csv')[0].rows)
				],
				[
					'same, into a table stored on OPFS (floor under any import)',
					`${stored.toFixed(0)} ms`,
					of('duckdb read_csv, stored').map((t) => t.ms.toFixed(0)).join(' '),
					String(of('duckdb read_csv, stored')[0].rows)
				],
				['stored / read_csv', `${(stored / duck).toFixed(2)}×`, '', ''],
				[
					'import end to end (sniff, check, normalise, store, charts)',
					`${full.toFixed(0)} ms`,
					of('full import').map((t) => t.ms.toFixed(0)).join(' '),
					String(of('full import')[0].rows)
				],
				...parts,
				['import / read_csv (goal ≤ 1.5×)', `${(full / duck).toFixed(2)}×`, '', ''],
				[
					'filter change → all charts recomputed (compute only), 1M sessions',
					`${median(filterChanges).toFixed(0)} ms`,
					filterChanges.map((t) => t.toFixed(0)).join(' '),
					''
				],
				[
					'in the app: input → charts painted, 1M sessions (goal < 100 ms)',
					`${median(redrawTimes).toFixed(0)} ms`,
					redrawTimes.join(' '),
					''
				],
				[
					`papaparse, same file`,
					`${papa.toFixed(0)} ms`,
					of('papaparse').map((t) => t.ms.toFixed(0)).join(' '),
					String(of('papaparse')[0].rows)
				],
				['papaparse / read_csv', `${(papa / duck).toFixed(2)}×`, '', '']
			])
		);
	} finally {
		await browser.close();
		await server.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
