/**
 * Browser-only: Observable Plot writes a <style> element into each chart and legend, and the page's
 * Content-Security-Policy (svelte.config.js) allows no inline <style>. Its rules move into one constructed
 * style sheet instead: CSSOM run by the app's own script, which the policy does not restrict.
 */
const rules = new Set<string>();
let sheet: CSSStyleSheet | undefined;

/** Moves a chart's <style> elements into the page's adopted style sheet; call before the chart is attached. */
export function adoptPlotStyles(chart: Element) {
	const before = rules.size;
	for (const style of chart.querySelectorAll('style')) {
		rules.add(style.textContent ?? '');
		style.remove();
	}
	if (rules.size === before) return;
	if (!sheet) {
		sheet = new CSSStyleSheet();
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
	}
	sheet.replaceSync(plotStyles());
}

/** Plot's rules as CSS text, for a chart saved on its own as an SVG file. */
export function plotStyles(): string {
	return [...rules].join('\n');
}
