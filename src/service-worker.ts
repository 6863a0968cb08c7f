/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Keeps the app usable offline once it has been opened: every file of the site (pages, scripts, DuckDB's
 * wasm and worker) is put in the browser's cache when this version installs. Only this site's own files
 * pass through here; the clinical data never do (they live in the browser's OPFS, not in requests).
 *
 * Pages are fetched from the network first, so a new version is picked up whenever the site is reachable;
 * offline, the cached page of the version that installed is served. Scripts, styles and the wasm carry a
 * hash in their names, so the cached copy is always the right one.
 */
import { base, build, files, prerendered, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `massage-outcomes-${version}`;
/** Every route is prerendered as the same empty shell; the app routes itself once loaded. */
const SHELL = `${base}/`;
const ASSETS = new Set([...build, ...files, ...prerendered, SHELL]);

worker.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...ASSETS])));
});

worker.addEventListener('activate', (event) => {
	// Older versions' files go once this one runs: no page of theirs is open any more.
	event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))));
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

async function fromCacheOrNetwork(request: Request): Promise<Response> {
	const cached = await (await caches.open(CACHE)).match(request);
	return cached ?? fetch(request);
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== location.origin) return;
	if (request.mode === 'navigate') event.respondWith(fromNetworkOrCache(request));
	else if (ASSETS.has(url.pathname)) event.respondWith(fromCacheOrNetwork(request));
});
