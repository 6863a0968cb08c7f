import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered as an empty shell (ssr is off); 404.html serves unknown paths.
		adapter: adapter({ fallback: '404.html' }),
		// Registered by the app once the first view has drawn (lib/offline/register-offline.ts), not at load.
		serviceWorker: { register: false },
		// A static host may send no headers, so the policy ships as a <meta> in every page, with the hash of
		// SvelteKit's inline boot script. Only this site's own files run and load; nothing can be sent elsewhere.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// DuckDB compiles its WebAssembly at run time.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self', 'blob:'],
				// PNG export draws the chart's SVG from a blob: URL onto a canvas.
				'img-src': ['self', 'data:', 'blob:'],
				// Plot's <style> elements go into a constructed style sheet instead (components/plot-styles.ts).
				'style-src': ['self'],
				// The one inline style attribute: SvelteKit's route announcer (https://github.com/sveltejs/kit/issues/11993).
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
