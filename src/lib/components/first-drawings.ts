/**
 * The page's first charts are drawn one per task, top first, so the browser can paint the first one without
 * waiting for all of them (Plot takes tens of milliseconds a chart). Once these are drawn, every later drawing
 * (a filter change) happens at once, in the same update as its numbers.
 */
let waiting: (() => void)[] | null = [];
let allDrawn = () => {};
/** Settles once the page's first charts have been drawn. */
export const firstChartsDrawn = new Promise<void>((resolve) => (allDrawn = resolve));

function drawNext() {
	if (!waiting) return;
	waiting.shift()?.();
	if (waiting.length) setTimeout(drawNext, 0);
	else {
		waiting = null;
		allDrawn();
	}
}

/** Runs `draw` now, or in its turn while the page's first charts are being drawn; returns a cancel. */
export function drawInTurn(draw: () => void): () => void {
	if (!waiting) {
		draw();
		return () => {};
	}
	let cancelled = false;
	waiting.push(() => cancelled || draw());
	if (waiting.length === 1) setTimeout(drawNext, 0);
	return () => (cancelled = true);
}
