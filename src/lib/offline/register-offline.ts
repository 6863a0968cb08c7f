/**
 * Registers the service worker (src/service-worker.ts) once the first view has drawn. Installing it fetches
 * every file of the site, DuckDB's 34 MB wasm included: registered at page load, as SvelteKit would, that
 * competed with the first chart for the network and the CPU.
 */
export function registerOffline(url: string, dev: boolean): void {
	if (!('serviceWorker' in navigator)) return;
	const register = () => {
		navigator.serviceWorker.register(url, { type: dev ? 'module' : 'classic' }).catch((error) => {
			console.warn('Offline use unavailable: the service worker could not be registered.', error);
		});
	};
	if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 5000 });
	else setTimeout(register, 1000);
}
