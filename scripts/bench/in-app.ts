/**
 * What a user feels, timed in the page itself (the test driver's round trips are not counted): the first
 * chart, a file dropped until its charts are painted, and filter changes until the charts are painted.
 * "Painted" is the frame after the dashboard's redraw counter (`data-redraws` on main) moves.
 */
import type { Browser, Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { rendererPeakMb } from './tab-memory.ts';
import { keptViewsSize, pictureKept } from '../../tests/browser/kept-views.ts';

const VIEWPORT = { width: 1280, height: 800 };
const LONG = 20 * 60_000;

/** The floor under the first chart: DuckDB's wasm downloaded and compiled in a fresh page of the site. */
export async function wasmFloor(browser: Browser, url: string): Promise<number> {
	const wasm = readdirSync('build/_app/immutable/assets').find((f) => /^duckdb-eh.*\.wasm$/.test(f));
	if (!wasm) throw new Error('No duckdb-eh wasm in build/: build the site first.');
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(new URL('/favicon.svg', url).href);
	const ms = await page.evaluate(async (path) => {
		const start = performance.now();
		await WebAssembly.compileStreaming(fetch(path));
		return performance.now() - start;
	}, `/_app/immutable/assets/${wasm}`);
	await context.close();
	return ms;
}

/**
 * Marks taken in the page, so that the test driver's round trips (100–150 ms here) are not counted: the frame
 * painted once a chart's SVG is in the page, and once main stops being busy. A string, not a function: the page
 * has not the helpers tsx would wrap a function's inner names with.
 */
const WATCH_FIRST_PAINTS = `
	window.shown = {};
	const observer = new MutationObserver(() => {
		const mark = (name) => {
			window.shown[name] = -1;
			requestAnimationFrame(() => setTimeout(() => (window.shown[name] = performance.now())));
		};
		if (!window.shown.chart && document.querySelector('[data-chart] svg')) mark('chart');
		if (!window.shown.usable && document.querySelector('main[aria-busy="false"]')) mark('usable');
		if (window.shown.chart && window.shown.usable) observer.disconnect();
	});
	observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
`;

const shownAt = async (page: Page, name: 'chart' | 'usable', timeout: number): Promise<number> => {
	const at = await page.waitForFunction(
		(n) => {
			const t = (window as unknown as { shown: Record<string, number> }).shown[n] ?? 0;
			return t > 0 ? t : false;
		},
		name,
		{ timeout, polling: 100 }
	);
	return (await at.jsonValue()) as number;
};

/** Navigation → the first chart painted. */
const untilFirstChart = (page: Page) => shownAt(page, 'chart', 60_000);

/** Navigation → the dashboard usable: the engine ready and the live charts drawn (main no longer busy), painted. */
const untilUsable = (page: Page) => shownAt(page, 'usable', 120_000);

/** Waits until the view drawn and its picture are kept. */
async function viewKept(page: Page) {
	for (const start = Date.now(); (await keptViewsSize(page)) === 0 || !(await pictureKept(page)); await page.waitForTimeout(200))
		if (Date.now() - start > 60_000) throw new Error('The view drawn and its picture were not kept within 60 s.');
}

/**
 * When the picture of the last view was painted (Element Timing), or null if the page showed none. Asked once the
 * app has drawn its first chart, by when the page may have removed the picture: its entry is kept all the same.
 */
const picturePainted = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number | null>((resolve) => {
				new PerformanceObserver((list) => {
					const entry = list.getEntries().find((e) => (e as PerformanceEntry & { identifier: string }).identifier === 'last-view-picture');
					if (entry) resolve((entry as PerformanceEntry & { renderTime: number }).renderTime);
				}).observe({ type: 'element', buffered: true });
				setTimeout(() => resolve(null), 1000);
			})
	);

export interface FirstCharts {
	first: number;
	/** A later visit: the first chart painted, in the picture of the last view or drawn by the app. */
	later: number;
	/** A later visit: the first chart drawn by the app (from the kept view). */
	laterDrawn: number;
	/** A later visit: the picture painted, or null if there was none. */
	laterPicture: number | null;
	/** Navigation → the dashboard usable (filters and import answer), on the first and the later visit. */
	firstUsable: number;
	laterUsable: number;
}

/** Navigation → first chart on a first visit (nothing cached), then on a later visit in the same browser profile. */
export async function firstCharts(browser: Browser, url: string): Promise<FirstCharts> {
	const context = await browser.newContext({ viewport: VIEWPORT });
	await context.addInitScript({ content: WATCH_FIRST_PAINTS });
	let page = await context.newPage();
	await page.goto(url);
	const first = await untilFirstChart(page);
	const firstUsable = await untilUsable(page);
	// The view and its picture are kept once the user has left the page alone for a moment; a later visit comes
	// through the offline cache, installed once the user leaves the page alone for a few seconds.
	await viewKept(page);
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.close();
	page = await context.newPage();
	await page.goto(url);
	const laterDrawn = await untilFirstChart(page);
	const laterPicture = await picturePainted(page);
	const laterUsable = await untilUsable(page);
	await context.close();
	return { first, later: Math.min(laterDrawn, laterPicture ?? Infinity), laterDrawn, laterPicture, firstUsable, laterUsable };
}

/** Marks in the page: the file chosen, its preview shown, the import confirmed, the charts painted after it. */
async function watchImport(page: Page) {
	// No named functions inside: the page has not the helpers tsx would name them with.
	await page.evaluate(() => {
		const w = window as unknown as { marks: Record<string, number> };
		w.marks = {};
		document.querySelector('input[type=file]')!.addEventListener('change', () => (w.marks.drop = performance.now()), true);
		new MutationObserver(() => {
			if (!w.marks.drop || w.marks.preview) return;
			if ([...document.querySelectorAll('button')].some((b) => /^Import/.test(b.textContent?.trim() ?? '')))
				w.marks.preview = performance.now();
		}).observe(document.body, { subtree: true, childList: true });
		document.addEventListener(
			'click',
			(e) => {
				const button = (e.target as Element).closest('button');
				if (button && /^Import/.test(button.textContent?.trim() ?? '')) w.marks.confirm = performance.now();
			},
			true
		);
		new MutationObserver(() => {
			if (w.marks.confirm && !w.marks.painted) requestAnimationFrame(() => setTimeout(() => (w.marks.painted ??= performance.now())));
		}).observe(document.querySelector('main')!, { attributes: true, attributeFilter: ['data-redraws'] });
	});
}

/** Drop → preview, plus confirm → charts painted: the import without the user's reading of the preview. */
async function importInPage(page: Page, file: string): Promise<number> {
	await watchImport(page);
	await page.locator('input[type=file]').setInputFiles(file);
	// Waited for in the page, not by a role query: Playwright's polls for a role walk the page's accessibility
	// tree many times a second, on the main thread the preview is computed on.
	await page.waitForFunction(() => (window as unknown as { marks: Record<string, number> }).marks.preview, null, {
		timeout: LONG,
		polling: 100
	});
	await page.locator('button', { hasText: /^Import/ }).click({ timeout: LONG });
	await page.waitForFunction(() => (window as unknown as { marks: Record<string, number> }).marks.painted, null, {
		timeout: LONG,
		polling: 100
	});
	const m = await page.evaluate(() => (window as unknown as { marks: Record<string, number> }).marks);
	return m.preview - m.drop + (m.painted - m.confirm);
}

const openDashboard = async (browser: Browser, url: string) => {
	const context = await browser.newContext({ viewport: VIEWPORT });
	const page = await context.newPage();
	await page.goto(url);
	await page.locator('main[aria-busy="false"]').waitFor({ timeout: 120_000 });
	return { context, page };
};

/** What one import through the app in a fresh profile gives. */
export interface AppImport {
	/** Drop → charts painted, less the user's reading of the preview. */
	ms: number;
	/** The tab's peak memory once the import is done (the demo clinic's first visit included). */
	peakMb: number | null;
	/** Milliseconds of each filter change, input → charts painted (when asked for). */
	filterChanges: number[];
}

/**
 * A file imported through the app in a fresh profile, dropped as soon as the dashboard has drawn, or `pauseMs`
 * later (a user finding their file); then, if asked, a user's filter changes on it.
 */
export async function appImport(
	browser: Browser,
	url: string,
	file: string,
	{ withFilterChanges = false, pauseMs = 0 } = {}
): Promise<AppImport> {
	const { context, page } = await openDashboard(browser, url);
	if (pauseMs) await page.waitForTimeout(pauseMs);
	const ms = await importInPage(page, file);
	await page.locator('main[aria-busy="false"]').waitFor({ timeout: LONG });
	// The browser is this process's child.
	const peakMb = rendererPeakMb(process.pid);
	const filterChanges = withFilterChanges ? await timeFilterChanges(page) : [];
	await context.close();
	return { ms, peakMb, filterChanges };
}

/** A clinic owner's clicks, each from the input event to the charts painted. */
async function timeFilterChanges(page: Page): Promise<number[]> {
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
	return page.evaluate(() => (window as unknown as { painted: number[] }).painted);
}
