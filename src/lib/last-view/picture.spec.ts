/**
 * The picture of the last view in a later visit's first HTML (picture.ts): shown only for the page and filters
 * it was taken of, by this version, in a window of its width; the HTML around it holds only fixed markup and
 * numbers. The shell below is the start of what `npm run build` writes as index.html.
 */
import { describe, expect, it } from 'vitest';
import { pictureFits, readAbout, withPicture, type PictureAbout } from './picture';

const SHELL = `<!doctype html>
<html lang="en">
	<head>
		<meta charset="utf-8" />
		<link href="./_app/immutable/entry/start.js" rel="modulepreload">
		<link href="./_app/immutable/assets/0.css" rel="stylesheet">
	</head>
	<body data-sveltekit-preload-data="hover">
		<div class="app"><script>/* kit.start */</script></div>
	</body>
</html>`;

const about: PictureAbout = { version: '1764540000000', view: 'by=therapist', width: 1280, scale: 1, taken: 1764540012345 };
const at = (path: string) => new URL(path, 'http://127.0.0.1:4173');

describe('the picture shown by a later visit', () => {
	it('is shown for the dashboard with the filters it was taken of, whatever their order in the URL', () => {
		expect(pictureFits(about, at('/?by=therapist'), '/', about.version)).toBe(true);
		const filtered = { ...about, view: 'condition=Neck+pain&by=clinic' };
		expect(pictureFits(filtered, at('/?by=clinic&condition=Neck%20pain'), '/', about.version)).toBe(true);
		// A parameter the dashboard does not read changes nothing it shows.
		expect(pictureFits(about, at('/?by=therapist&utm=x'), '/', about.version)).toBe(true);
	});

	it('is not shown for other filters, another page, another base path or another version', () => {
		expect(pictureFits(about, at('/'), '/', about.version)).toBe(false);
		expect(pictureFits(about, at('/?by=clinic'), '/', about.version)).toBe(false);
		expect(pictureFits(about, at('/research?by=therapist'), '/', about.version)).toBe(false);
		expect(pictureFits(about, at('/?by=therapist'), '/app/', about.version)).toBe(false);
		expect(pictureFits(about, at('/app/?by=therapist'), '/app/', about.version)).toBe(true);
		expect(pictureFits(about, at('/?by=therapist'), '/', '1764549999999')).toBe(false);
	});

	it('is read back only as written: anything else shows no picture', () => {
		expect(readAbout(JSON.stringify(about))).toEqual(about);
		expect(readAbout('')).toBeNull();
		expect(readAbout('{"version":"1"')).toBeNull();
		for (const wrong of [
			{ width: 0 },
			{ width: 1280.5 },
			{ width: '1280' },
			{ scale: 0.5 },
			{ scale: 4 },
			{ scale: '2' },
			{ taken: -1 },
			{ view: 3 },
			{ version: null }
		])
			expect(readAbout(JSON.stringify({ ...about, ...wrong })), JSON.stringify(wrong)).toBeNull();
	});

	it('is asked for first in the head and shown first in the body, only in a window of its width', () => {
		const html = withPicture(SHELL, about);
		const file = './last-view-picture.png?taken=1764540012345';
		const media = '(min-width: 1280px) and (max-width: 1280px)';
		const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
		// Before the app's scripts, which pass through the service worker too.
		expect(head.indexOf('rel="preload"')).toBeLessThan(head.indexOf('modulepreload'));
		expect(head).toContain(`<link rel="preload" as="image" href="${file}" media="${media}" fetchpriority="high">`);
		expect(html).toContain(
			`<body data-sveltekit-preload-data="hover"><picture class="last-view-picture"><source media="${media}" srcset="${file} 1x"><img alt="" elementtiming="last-view-picture"></picture>\n\t\t<div class="app">`
		);
		// Everything else is the shell as it was.
		expect(html.replace(/<link rel="preload"[^>]*>/, '').replace(/<picture[^]*<\/picture>/, '')).toBe(SHELL);
	});

	it('taken on a denser screen, is shown at the window’s size', () => {
		expect(withPicture(SHELL, { ...about, scale: 2 })).toContain('.png?taken=1764540012345 2x"');
	});

	it('puts nothing of the filters in the HTML', () => {
		const html = withPicture(SHELL, { ...about, view: 'technique=%3Cscript%3Ealert(1)%3C%2Fscript%3E' });
		expect(html).not.toMatch(/alert|technique/);
	});

	it('leaves a page without a head or a body as it is', () => {
		expect(withPicture('<p>not the shell</p>', about)).toBe('<p>not the shell</p>');
	});
});
