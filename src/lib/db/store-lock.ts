/**
 * One tab at a time writes the stored database. Two tabs writing one OPFS file would corrupt it, and
 * DuckDB cannot share it, so the first tab holds a Web Lock for as long as it is open and a second tab
 * says so instead of opening the store. The lock goes with the tab (closed, reloaded or crashed).
 */
export class StoreInUseError extends Error {
	constructor() {
		super(
			'Massage outcomes is already open in another tab or window. Your stored data can be open in only one at a time, so that nothing is written twice: close the other one, then reload this page.'
		);
		this.name = 'StoreInUseError';
	}
}

/**
 * Takes the store's lock and keeps it until the page goes away; false if another tab keeps it past
 * `waitMs` (a reload's old page can still be letting go of it for a moment).
 */
export function holdStoreLock(store: string, waitMs = 3000): Promise<boolean> {
	if (typeof navigator === 'undefined' || !navigator.locks) return Promise.resolve(true);
	return new Promise((resolve) => {
		navigator.locks
			.request(`store:${store}`, { signal: AbortSignal.timeout(waitMs) }, () => {
				resolve(true);
				return new Promise<never>(() => {});
			})
			.catch(() => resolve(false));
	});
}
