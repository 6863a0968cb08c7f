/**
 * Browser-only: the picture of the dashboard's first screen (picture.ts) taken from the page as drawn, kept in
 * the browser's cache storage (nothing leaves the browser), forgotten with the kept views, and taken away from
 * a later visit's page once it has drawn its own charts.
 *
 * The page's DOM is copied, cut to what lies in the first screen, and written out by the browser's own
 * serializer, with the page's styles, inside an SVG `<foreignObject>` (every text escaped by the serializer);
 * the browser draws that SVG into a canvas, and the picture is kept as a PNG. It is made once the user has left
 * the page alone a moment (view-store.ts): drawing it takes the main thread 0.1–0.3 s.
 */
import { base } from '$app/paths';
import { version } from '$app/environment';
import { PICTURE_ABOUT, PICTURE_CACHE, PICTURE_CLASS, PICTURE_FILE, viewInUrl, type PictureAbout } from './picture';

const XHTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const url = (file: string) => `${base}/${file}`;

/** Form controls show their state through properties; a copy shows only attributes. */
function copyFormState(from: Element, to: Element) {
	const sources = from.querySelectorAll('input, select, textarea');
	const copies = to.querySelectorAll('input, select, textarea');
	sources.forEach((source, i) => {
		const copy = copies[i];
		if (source instanceof HTMLInputElement) {
			if (source.type === 'checkbox' || source.type === 'radio') copy.toggleAttribute('checked', source.checked);
			else copy.setAttribute('value', source.value);
		} else if (source instanceof HTMLSelectElement) {
			[...source.options].forEach((option, k) => copy.querySelectorAll('option')[k]?.toggleAttribute('selected', option.selected));
		} else if (source instanceof HTMLTextAreaElement) copy.textContent = source.value;
	});
}

/** Leaves out of `copy` what lies wholly below `bottom` in `from` (page coordinates); the two trees are alike. */
function cutBelow(from: Element, copy: Element, bottom: number) {
	const pairs: [Element, Element][] = [...from.children].map((child, i) => [child, copy.children[i]]);
	for (const [child, copied] of pairs) {
		const box = child.getBoundingClientRect();
		const top = box.top + scrollY;
		// No box of its own (`display: contents`, as the app's wrapper): its children have theirs.
		if (box.width === 0 && box.height === 0) cutBelow(child, copied, bottom);
		else if (top >= bottom) copied.remove();
		else if (top + box.height > bottom && !(child instanceof SVGElement)) cutBelow(child, copied, bottom);
	}
}

/**
 * The page's styles as written. Not from the CSSOM: Chromium writes a shorthand holding a `var()` and followed by
 * one of its longhands as empty longhands (the demo notice lost its border), so each sheet's file is read again
 * (the site's own, from the browser's cache).
 */
async function pageStyles(): Promise<string> {
	const texts = [...document.styleSheets].map((sheet) => {
		if (sheet.href) return fetch(sheet.href).then((response) => (response.ok ? response.text() : ''));
		return Promise.resolve(sheet.ownerNode?.textContent ?? '');
	});
	// Plot's rules (components/plot-styles.ts), which have no such shorthand.
	const adopted = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
	return [...(await Promise.all(texts)), ...adopted].join('\n');
}

/** The page's first screen as SVG text, and the window's width; `styles`: the page's. */
function pictureOfPage(styles: string): { svg: string; width: number } {
	const width = document.documentElement.clientWidth;
	const height = innerHeight;
	const body = document.body.cloneNode(true) as HTMLElement;
	copyFormState(document.body, body);
	// What only this visit shows (an import's outcome, a preview) is not what the next one opens on: left out,
	// it lets what lies below it come up into the first screen.
	const thisVisit = [...document.body.querySelectorAll('[data-this-visit]')];
	const lifted = thisVisit.reduce((sum, element) => sum + element.getBoundingClientRect().height, 0);
	cutBelow(document.body, body, height + lifted);
	for (const old of body.querySelectorAll(`.${PICTURE_CLASS}, script, [data-this-visit]`)) old.remove();

	const svg = document.createElementNS(SVG, 'svg');
	svg.setAttribute('width', String(width));
	svg.setAttribute('height', String(height));
	svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
	const background = document.createElementNS(SVG, 'rect');
	background.setAttribute('width', '100%');
	background.setAttribute('height', '100%');
	background.setAttribute('fill', getComputedStyle(document.documentElement).backgroundColor || 'white');
	const foreign = document.createElementNS(SVG, 'foreignObject');
	foreign.setAttribute('width', String(width));
	foreign.setAttribute('height', String(height));
	const html = document.createElementNS(XHTML, 'html');
	html.setAttribute('lang', document.documentElement.lang);
	const head = document.createElementNS(XHTML, 'head');
	const style = document.createElementNS(XHTML, 'style');
	// An image draws a scroll box's bar in its flow, where a phone's and this browser's float over the content.
	style.textContent = `${styles}\n* { scrollbar-width: none; }`;
	head.append(style);
	html.append(head, body);
	foreign.append(html);
	svg.append(background, foreign);
	return { svg: new XMLSerializer().serializeToString(svg), width: innerWidth };
}

const openCache = () => (typeof caches === 'undefined' ? Promise.resolve(null) : caches.open(PICTURE_CACHE).catch(() => null));

/** The dashboard is in view, drawn, and showing the view `view` (its key; the URL holds the filters). */
function showing(view: string): boolean {
	if (location.pathname !== `${base}/` || document.querySelector('main[aria-busy="true"]')) return false;
	return viewInUrl(new URLSearchParams(location.search)) === view;
}

/**
 * The picture as pixels: a later visit then only decodes an image, where an SVG of HTML took it 130–380 ms of
 * parsing, styling and laying out before its first paint. Read from a data URL: from a blob URL, Chromium counts
 * the drawing as another origin's and will not let it out of the canvas.
 */
async function pixels(svg: string, scale: number): Promise<Blob | null> {
	const image = new Image();
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = Math.round(image.naturalWidth * scale);
	canvas.height = Math.round(image.naturalHeight * scale);
	const context = canvas.getContext('2d');
	if (!context) return null;
	context.scale(scale, scale);
	context.drawImage(image, 0, 0);
	return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/**
 * Takes and keeps the picture of the dashboard showing the view `view`, if it is in view; unless `current` says
 * it has been overtaken (a newer view, a change of data) while it is made.
 */
export async function keepPicture(view: string, current: () => boolean): Promise<void> {
	const cache = await openCache();
	if (!cache || !current() || !showing(view)) return;
	const styles = await pageStyles();
	if (!current() || !showing(view)) return;
	const { svg, width } = pictureOfPage(styles);
	const about: PictureAbout = { version, view, width, scale: Math.min(Math.max(devicePixelRatio || 1, 1), 3), taken: Date.now() };
	const png = await pixels(svg, about.scale);
	if (!png || !current()) return;
	// The picture first: the service worker shows a picture only when what it shows is there too.
	await cache.put(url(PICTURE_FILE), new Response(png, { headers: { 'content-type': 'image/png' } }));
	if (!current()) return;
	await cache.put(url(PICTURE_ABOUT), new Response(JSON.stringify(about), { headers: { 'content-type': 'application/json' } }));
	if (!current()) await forgetPicture();
}

/** After a change of data: the picture of the old data is never shown again. */
export async function forgetPicture(): Promise<void> {
	const cache = await openCache();
	if (!cache) return;
	// What it shows first: without it, no page shows the picture.
	await cache.delete(url(PICTURE_ABOUT));
	await cache.delete(url(PICTURE_FILE));
}

/** Takes away the picture the service worker put in this page, once the page shows its own. */
export function removePicture(): void {
	for (const picture of document.querySelectorAll(`.${PICTURE_CLASS}`)) picture.remove();
}
