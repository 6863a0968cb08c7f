import type { Page } from '@playwright/test';

/**
 * The size of the file of views kept in the page's OPFS (0 while there is none): written as `….next`, then moved
 * in place, so only the file itself counts. Poll it from the test: waitForFunction takes a promise for a true
 * answer and returns at once. Used by the first-view test and the benchmark.
 */
export const keptViewsSize = (page: Page) =>
	page.evaluate(async () => {
		const root = await navigator.storage.getDirectory();
		for await (const name of (root as unknown as { keys(): AsyncIterable<string> }).keys())
			if (/^last-views-[^.]+$/.test(name)) return (await (await root.getFileHandle(name)).getFile()).size;
		return 0;
	});

/**
 * Whether a picture of the last view is kept (last-view/picture.ts): the service worker shows it only once what
 * it shows is written beside it, so that is what is looked for.
 */
export const pictureKept = (page: Page) =>
	page.evaluate(async () => (await (await caches.open('last-view-picture')).match('/last-view-picture.json')) !== undefined);
