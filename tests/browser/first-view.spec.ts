/**
 * The first chart does not wait for the analysis engine: a first visit paints the demo clinic's dashboard as the
 * build worked it out, a later visit the view last drawn, and the live figures that replace them are the same.
 * DuckDB's wasm is held back here, so the engine is still starting while the kept view is checked. Once the
 * offline cache is installed, a later visit's first HTML shows a picture of the last view before any script runs.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { importFiles, settled } from './app';
import { keptViewsSize, pictureKept } from './kept-views';

/** Holds every request for DuckDB's wasm until `release` is called. */
async function holdEngine(context: BrowserContext) {
	let release = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await context.route(/duckdb-eh.*\.wasm$/, async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

const headline = (page: Page) => page.getByRole('region', { name: 'Headline figures' });
const warming = (page: Page) => page.getByRole('status').filter({ hasText: 'Starting the analysis engine' });

/** Waits until the view last drawn has been kept (in idle time, after the charts). */
const viewKept = (page: Page) => expect.poll(() => keptViewsSize(page), { timeout: 30_000 }).toBeGreaterThan(0);

test('a first visit paints the demo clinic before the engine has started, with the figures the engine gives', async ({ context, page }) => {
	const release = await holdEngine(context);
	await page.goto('/');
	await expect(warming(page)).toContainText('The demo clinic is shown');
	await expect(page.locator('[data-chart="pain"] svg').last()).toContainText('Lower back pain');
	await expect(page.locator('main')).toHaveAttribute('aria-busy', 'true');
	const kept = await headline(page).innerText();
	expect(kept).toMatch(/Clients\s+300/);
	// The browser stores data: the kept view says so before the engine does.
	await expect(page.getByRole('region', { name: 'Stored datasets' })).toContainText('Stored in this browser');

	// Shown, not yet usable: the filters answer once the engine is there.
	await expect(page.locator('main')).toHaveAttribute('inert');
	release();
	await settled(page);
	await expect(warming(page)).toHaveCount(0);
	expect(await headline(page).innerText()).toBe(kept);
	await expect(page.locator('main')).not.toHaveAttribute('inert');
});

test('a later visit paints the view last drawn; after an import, the new data’s', async ({ context, page }) => {
	await page.goto('/?by=therapist');
	await settled(page);
	await viewKept(page);
	const byTherapist = await page.locator('[data-chart="course"]').innerText();
	expect(byTherapist).toContain('Dev Patel');
	await page.close();

	const release = await holdEngine(context);
	const later = await context.newPage();
	await later.goto('/?by=therapist');
	await expect(warming(later)).toBeVisible();
	// Charts far below the fold are laid out and drawn as they scroll near, as a user reads down.
	await later.locator('[data-chart="course"]').scrollIntoViewIfNeeded();
	await expect(later.locator('[data-chart="course"] svg').first()).toBeVisible();
	expect(await later.locator('[data-chart="course"]').innerText()).toBe(byTherapist);
	release();
	await settled(later);

	await importFiles(later, ['clinic-export-mixed.csv']);
	await viewKept(later);
	await later.close();
	const held = await holdEngine(context);
	const after = await context.newPage();
	await after.goto('/?by=therapist');
	await expect(warming(after)).toContainText('Your last view is shown');
	await expect(after.getByRole('region', { name: 'Stored datasets' })).toContainText('clinic-export-mixed.csv');
	await expect(after.locator('[data-chart="course"]')).not.toContainText('Dev Patel');
	held();
	await settled(after);
});

/** When the picture of the last view is kept (once the user has left the page alone a moment), what it says of itself. */
const keptPicture = async (page: Page) => {
	await expect.poll(() => pictureKept(page), { timeout: 30_000 }).toBe(true);
	return page.evaluate(async () => (await (await caches.open('last-view-picture')).match('/last-view-picture.json'))!.json());
};

/** Records, from the first HTML on, the pictures of the last view the page loads, with their size in pixels. */
async function watchPicture(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { pictures: number[][] };
		w.pictures = [];
		// Not on the window: a load event of an element does not reach it.
		document.addEventListener(
			'load',
			(event) => {
				const image = event.target as HTMLImageElement;
				if (image.closest?.('.last-view-picture')) w.pictures.push([image.naturalWidth, image.naturalHeight]);
			},
			true
		);
	});
}
const picturesLoaded = (page: Page) => page.evaluate(() => (window as unknown as { pictures: number[][] }).pictures);

test('a later visit shows a picture of the last view before any script runs; after an import, the new data’s', async ({
	context,
	page
}) => {
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/?by=therapist');
	await settled(page);
	const before = await keptPicture(page);
	expect(before).toMatchObject({ view: 'by=therapist', width: 1280, scale: 1 });
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.close();

	const later = await context.newPage();
	await later.setViewportSize({ width: 1280, height: 800 });
	await watchPicture(later);
	const response = await later.goto('/?by=therapist');
	expect(await response!.text()).toContain('<picture class="last-view-picture">');
	// The window's first screen, in pixels; then the page's own charts replace it.
	await expect.poll(() => picturesLoaded(later)).toEqual([[1280, 800]]);
	await settled(later);
	await expect(later.locator('.last-view-picture')).toHaveCount(0);
	expect(await later.locator('[data-chart="course"]').innerText()).toContain('Dev Patel');

	// Other filters, or a window of another width: no picture. (These tabs find the store open in the first.)
	const unfiltered = await context.newPage();
	expect(await (await unfiltered.goto('/'))!.text()).not.toContain('last-view-picture');
	await unfiltered.close();
	const narrow = await context.newPage();
	await narrow.setViewportSize({ width: 390, height: 800 });
	await watchPicture(narrow);
	expect(await (await narrow.goto('/?by=therapist'))!.text()).toContain('<picture class="last-view-picture">');
	await narrow.waitForLoadState('load');
	expect(await picturesLoaded(narrow)).toEqual([]);
	await narrow.close();

	// After an import, the picture kept is of the new data.
	await importFiles(later, ['clinic-export-mixed.csv']);
	const after = await keptPicture(later);
	expect(after.taken).toBeGreaterThan(before.taken);
	await later.close();
	const next = await context.newPage();
	await next.setViewportSize({ width: 1280, height: 800 });
	await watchPicture(next);
	const html = await (await next.goto('/?by=therapist'))!.text();
	expect(html).toContain(`last-view-picture.png?taken=${after.taken}`);
	await settled(next);
	await expect(next.getByRole('region', { name: 'Stored datasets' })).toContainText('clinic-export-mixed.csv');
	expect(await picturesLoaded(next)).toEqual([[1280, 800]]);
});
