import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every route is prerendered as an empty shell (ssr is off); 404.html serves unknown paths.
		adapter: adapter({ fallback: '404.html' })
	}
};

export default config;
