/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Keeps the app usable offline once it has been opened: every file of the site (pages, scripts, DuckDB's
 * wasm and worker) is put in the browser's cache when this version installs. Only this site's own files
 * pass through here, and the picture of the last view the page kept in the browser's cache storage
 * (last-view/picture.ts), put in the dashboard's HTML; the clinical data never do (they live in the browser's
 * OPFS, not in requests), and nothing here goes to the network but the site's own files.
 *
 * Pages are fetched from the network first, so a new version is picked up whenever the site is reachable;
 * offline, the cached page of the version that installed is served. Scripts, styles and the wasm carry a
 * hash in their names, so the cached copy is always the right one.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { PICTURE_ABOUT, PICTURE_CACHE, PICTURE_FILE, pictureFits, readAbout, withPicture } from '$lib/last-view/picture';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `massage-outcomes-${version}`;
/** Every route is prerendered as the same empty shell; the app routes itself once loaded. */
const SHELL = `${base}/`;
const PICTURE = `${base}/${PICTURE_FILE}`;
const ASSETS = new Set([...build, ...files, ...prerendered, SHELL]);

worker.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...ASSETS])));
});

worker.addEventListener('activate', (event) => {
	// Older versions' files go once this one runs: no page of theirs is open any more. The picture of the last
	// view stays: it carries its version, and the dashboard replaces it.
	const old = (key: string) => key !== CACHE && key !== PICTURE_CACHE;
	event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter(old).map((key) => caches.delete(key)))));
});

async function fromNetworkOrCache(request: Request): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (response.ok) return response;
		return (await cache.match(request, { ignoreSearch: true })) ?? response;
	} catch (offline) {
		const cached = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(SHELL));
		if (cached) return cached;
		throw offline;
	}
}

/** The dashboard's page, with the picture of the view last drawn when it is of this version and these filters. */
async function withLastView(request: Request): Promise<Response> {
	const page = await fromNetworkOrCache(request);
	const kept = await caches.open(PICTURE_CACHE);
	const about = readAbout((await (await kept.match(`${base}/${PICTURE_ABOUT}`))?.text()) ?? '');
	if (!page.ok || !about || !pictureFits(about, new URL(request.url), SHELL, version)) return page;
	const html = withPicture(await page.text(), about);
	const headers = new Headers(page.headers);
	// The text is read decoded and changed.
	for (const name of ['content-length', 'content-encoding', 'etag']) headers.delete(name);
	return new Response(html, { status: page.status, statusText: page.statusText, headers });
}

async function picture(): Promise<Response> {
	const kept = await (await caches.open(PICTURE_CACHE)).match(PICTURE);
	return kept ?? new Response(null, { status: 404 });
}

async function fromCacheOrNetwork(request: Request): Promise<Response> {
	const cached = await (await caches.open(CACHE)).match(request);
	return cached ?? fetch(request);
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== location.origin) return;
	if (request.mode === 'navigate') event.respondWith(url.pathname === SHELL ? withLastView(request) : fromNetworkOrCache(request));
	else if (url.pathname === PICTURE) event.respondWith(picture());
	else if (ASSETS.has(url.pathname)) event.respondWith(fromCacheOrNetwork(request));
});
