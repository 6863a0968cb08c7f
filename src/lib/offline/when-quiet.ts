/**
 * Browser-only: settles once the user has left the page alone (no pointer, key, input or wheel event) for `ms`,
 * in the idle period after. Work for the next visit waits for it (the offline cache's install, the picture of
 * the last view): it can wait, and would be felt if it came under the user's hand.
 */
const INPUT = ['pointerdown', 'keydown', 'input', 'wheel'];

let lastInput = 0;
let watching = false;
const noteInput = () => (lastInput = performance.now());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const idle = () =>
	new Promise((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(resolve, { timeout: 5000 }) : setTimeout(resolve, 1000)));

export async function whenQuiet(ms: number): Promise<void> {
	if (!watching) {
		watching = true;
		lastInput = performance.now();
		for (const type of INPUT) addEventListener(type, noteInput, { capture: true, passive: true });
	}
	for (;;) {
		for (let left = ms; left > 0; left = lastInput + ms - performance.now()) await sleep(left);
		await idle();
		if (performance.now() - lastInput >= ms) return;
	}
}
