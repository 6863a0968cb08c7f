/** Runs `run` in the browser's next idle period (after 50 ms where there is none, as in Node). */
export const whenIdle = (run: () => void): void =>
	void (globalThis.requestIdleCallback ?? ((r: () => void) => setTimeout(r, 50)))(() => run());
