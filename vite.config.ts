import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	plugins: [sveltekit()],
	resolve: {
		alias: {
			// No eval under the Content-Security-Policy: see the file.
			'@stdlib/assert-has-generator-support': fileURLToPath(new URL('./src/lib/statistics/generator-support.cjs', import.meta.url))
		}
	},
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	build: { chunkSizeWarningLimit: 2000 },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 30_000,
		// Hooks open a database and load fixtures: on a busy 2-core machine that can take longer than 10 s.
		hookTimeout: 60_000
	}
});
