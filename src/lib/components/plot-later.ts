/**
 * Browser-only: on the dashboard a filter change redraws every chart, most of them below the fold. A chart
 * far from the viewport is redrawn after the paint instead of before it: in idle time, or as soon as it
 * scrolls near, whichever comes first. Its old drawing goes at once, so no chart ever shows other filters'
 * numbers. (Its card is not laid out while off screen either: DashboardCharts.svelte.)
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('draw-later');
/** Charts below this component may be drawn later when far from the viewport. */
export const drawFarChartsLater = () => setContext(KEY, true);
export const mayDrawLater = () => getContext<boolean | undefined>(KEY) ?? false;

const far = new WeakSet<Element>();
const pending = new Map<Element, () => void>();
let observer: IntersectionObserver | undefined;

function observed(): IntersectionObserver {
	return (observer ??= new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				if (entry.isIntersecting) {
					far.delete(entry.target);
					pending.get(entry.target)?.();
				} else far.add(entry.target);
			}
		},
		// Near: within a screen's height above or below.
		{ rootMargin: '100% 0px' }
	));
}

/**
 * Draws now, or later if `element` is far from the viewport (as last observed: an element just added
 * counts as near); returns a function that cancels a later draw.
 */
export function drawSoon(element: Element, draw: () => void): () => void {
	observed().observe(element);
	if (!far.has(element)) {
		draw();
		return () => {};
	}
	let done = false;
	const run = () => {
		if (done) return;
		done = true;
		pending.delete(element);
		draw();
	};
	pending.set(element, run);
	const idle = globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 50));
	idle(run, { timeout: 500 });
	return () => {
		done = true;
		if (pending.get(element) === run) pending.delete(element);
	};
}

/** Draws now the charts in `root` still waiting, before the card is saved as a file. */
export function drawPendingIn(root: Element) {
	for (const [element, run] of pending) if (root.contains(element)) run();
}

/** Stops watching an element that leaves the page. */
export function forget(element: Element) {
	pending.delete(element);
	observer?.unobserve(element);
}
