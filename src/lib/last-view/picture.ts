/**
 * A picture of the top of the dashboard as last drawn, shown by a later visit's first HTML, before any of the
 * app's scripts have run: starting them and drawing the kept view takes this 2-core machine 1.3–1.6 s, the
 * picture a few hundred milliseconds. The service worker puts it in the page (src/service-worker.ts); the page
 * takes it away once it has drawn its own charts (take-picture.ts).
 *
 * It is a PNG, shown by an `<img>`: pixels, so nothing in the data can act, whatever it holds. The HTML around
 * it is fixed here; only numbers vary in it.
 */
import { filtersFromSearch, filtersToSearch } from '../metrics/filters-url';

/** The picture and what it shows live in the browser's own cache storage, beside the app's files. */
export const PICTURE_CACHE = 'last-view-picture';
export const PICTURE_FILE = 'last-view-picture.png';
export const PICTURE_ABOUT = 'last-view-picture.json';
/** The class of the element the service worker adds; the page removes it. */
export const PICTURE_CLASS = 'last-view-picture';

export interface PictureAbout {
	/** The app version that drew it: after an update the page may look otherwise. */
	version: string;
	/** The dashboard's filters, as in the URL (`viewKey`). */
	view: string;
	/** The window's width when drawn: shown only in a window as wide. */
	width: number;
	/** Pixels to a CSS pixel in the picture (the screen's, when drawn). */
	scale: number;
	/** When it was taken, so that a newer picture is never answered from the browser's image cache. */
	taken: number;
}

/** Read back from the cache: anything else than what `keepPicture` writes shows no picture. */
export function readAbout(text: string): PictureAbout | null {
	try {
		const about = JSON.parse(text) as Partial<PictureAbout>;
		const whole = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;
		if (typeof about.version !== 'string' || typeof about.view !== 'string') return null;
		const scale = about.scale;
		if (!whole(about.width) || !whole(about.taken) || typeof scale !== 'number' || !(scale >= 1 && scale <= 3)) return null;
		return { version: about.version, view: about.view, width: about.width, scale, taken: about.taken };
	} catch {
		return null;
	}
}

/** The view a URL's query opens, as the dashboard keys its views (`viewKey`): the filters it reads, in order. */
export const viewInUrl = (search: URLSearchParams) => filtersToSearch(filtersFromSearch(search)).toString();

/** Whether the picture shows what `url` opens: the dashboard (at `root`, the site's base), with the same filters. */
export function pictureFits(about: PictureAbout, url: URL, root: string, version: string): boolean {
	return about.version === version && url.pathname === root && viewInUrl(url.searchParams) === about.view;
}

/**
 * The page's HTML with the picture first in its body, and asked for first in its head: before the app's
 * scripts, all of which pass through the service worker too. Only in a window of the width it was drawn at:
 * the `<source>` matches no other, and the `<img>` then has nothing to show (app.css makes it take no room).
 * (The picture's text in the HTML itself, as a data URL, made the first paint later: the parser and the image
 * then share one task.)
 */
export function withPicture(html: string, about: PictureAbout): string {
	const head = /<head\b[^>]*>/i.exec(html);
	const body = /<body\b[^>]*>/i.exec(html);
	if (!head || !body) return html;
	const media = `(min-width: ${about.width}px) and (max-width: ${about.width}px)`;
	const file = `./${PICTURE_FILE}?taken=${about.taken}`;
	const early = `<link rel="preload" as="image" href="${file}" media="${media}" fetchpriority="high">`;
	// A `Nx` picture is shown N times smaller than its pixels: at the window's size on a screen of that density.
	const picture = `<picture class="${PICTURE_CLASS}"><source media="${media}" srcset="${file} ${about.scale}x"><img alt="" elementtiming="${PICTURE_CLASS}"></picture>`;
	const afterHead = head.index + head[0].length;
	const afterBody = body.index + body[0].length;
	return html.slice(0, afterHead) + early + html.slice(afterHead, afterBody) + picture + html.slice(afterBody);
}
