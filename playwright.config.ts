import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium';

// PLAYWRIGHT_PORT lets two checkouts test side by side: reuseExistingServer would take the other's server.
const PORT = Number(process.env.PLAYWRIGHT_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
	testDir: 'tests/browser',
	timeout: 60_000,
	expect: { timeout: 15_000 },
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
	use: {
		baseURL: BASE_URL,
		headless: true,
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: findChromium(),
			// Playwright adds --headless itself when headless; passing it here would break --headed.
			args: CHROMIUM_ARGS.filter((arg) => arg !== '--headless')
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		// Serves the adapter-static output; `npm run test:browser` builds it first.
		command: `npx tsx scripts/serve-static.ts --port ${PORT}`,
		url: BASE_URL,
		reuseExistingServer: !process.env.CI,
		timeout: 30_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
