/**
 * Registers the service worker (src/service-worker.ts) once the first view has drawn, the user has left the
 * page alone for a few seconds and no import is under way. Installing it fetches and stores every file of the
 * site, DuckDB's 34 MB wasm included, which takes the 2-core bench machine a second or two:
 * - registered at page load, as SvelteKit would, it competed with the first chart for the network and the CPU;
 * - registered as the charts drew, a 1,600-session file dropped at once reached its charts about 0.3 s later;
 * - held back only for imports, it installed while the bench changed filters just after a 1M-row import: the
 *   first date range took 613 ms to paint, against about 300 ms without it.
 * Offline use matters from the next visit on: the install can wait for a pause.
 */
import { whenQuiet } from './when-quiet';

const QUIET_MS = 3000;

const held = new Set<Promise<unknown>>();

/** Work the registration waits for: an import, from its preview to its save. */
export function holdOffline(work: Promise<unknown>): void {
	const settled = work.then(
		() => undefined,
		() => undefined
	);
	held.add(settled);
	void settled.then(() => held.delete(settled));
}

export function registerOffline(url: string, dev: boolean): void {
	if (!('serviceWorker' in navigator)) return;
	void (async () => {
		for (await whenQuiet(QUIET_MS); held.size > 0; await whenQuiet(QUIET_MS)) await Promise.all(held);
		await navigator.serviceWorker.register(url, { type: dev ? 'module' : 'classic' }).catch((error) => {
			console.warn('Offline use unavailable: the service worker could not be registered.', error);
		});
	})();
}
