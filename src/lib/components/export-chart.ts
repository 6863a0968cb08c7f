/** Browser-only: a chart card's drawing as an SVG or PNG file, made from the page (nothing is sent anywhere). */
import { download } from './download';
import { plotStyles } from './plot-styles';

/** The chart's own SVG: the largest in the card (the legend is a smaller one). */
export function chartSvg(card: HTMLElement): SVGSVGElement | null {
	const svgs = [...card.querySelectorAll<SVGSVGElement>('.plot svg')];
	const area = (s: SVGSVGElement) => s.width.baseVal.value * s.height.baseVal.value;
	return svgs.sort((a, b) => area(b) - area(a))[0] ?? null;
}

function svgText(svg: SVGSVGElement): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	copy.style.background = 'white';
	// The page keeps Plot's rules in an adopted style sheet (plot-styles.ts); the file carries its own copy.
	const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
	style.textContent = plotStyles();
	copy.prepend(style);
	return new XMLSerializer().serializeToString(copy);
}

export function downloadSvg(card: HTMLElement, name: string) {
	const svg = chartSvg(card);
	if (svg) download(svgText(svg), `${name}.svg`, 'image/svg+xml');
}

export async function downloadPng(card: HTMLElement, name: string) {
	const svg = chartSvg(card);
	if (!svg) return;
	const scale = 2;
	const { width, height } = svg.getBoundingClientRect();
	const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(width * scale);
		canvas.height = Math.ceil(height * scale);
		const context = canvas.getContext('2d')!;
		context.fillStyle = 'white';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (!blob) return;
		const png = URL.createObjectURL(blob);
		const a = document.createElement('a');
		a.href = png;
		a.download = `${name}.png`;
		a.click();
		setTimeout(() => URL.revokeObjectURL(png), 10_000);
	} finally {
		URL.revokeObjectURL(url);
	}
}
