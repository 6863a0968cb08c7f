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
const QUIET_MS = 3000;
const INPUT = ['pointerdown', 'keydown', 'input', 'wheel'];

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const idle = () =>
	new Promise((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(resolve, { timeout: 5000 }) : setTimeout(resolve, 1000)));

export function registerOffline(url: string, dev: boolean): void {
	if (!('serviceWorker' in navigator)) return;
	let lastInput = performance.now();
	const input = () => (lastInput = performance.now());
	for (const type of INPUT) addEventListener(type, input, { capture: true, passive: true });
	const quiet = async () => {
		for (let left = QUIET_MS; left > 0; left = lastInput + QUIET_MS - performance.now()) await sleep(left);
		await idle();
		return held.size === 0 && performance.now() - lastInput >= QUIET_MS;
	};
	void (async () => {
		while (!(await quiet())) await Promise.all(held);
		for (const type of INPUT) removeEventListener(type, input, { capture: true });
		await navigator.serviceWorker.register(url, { type: dev ? 'module' : 'classic' }).catch((error) => {
			console.warn('Offline use unavailable: the service worker could not be registered.', error);
		});
	})();
}
