/**
 * Which Chromium the browser tests and benchmarks drive.
 *
 * Playwright cannot download its own browsers here, so we prefer a system Chromium:
 *   1. $CHROMIUM_PATH, if it names an executable file;
 *   2. /usr/bin/chromium (Debian's `chromium` package);
 *   3. Playwright's bundled Chromium, if `npx playwright install chromium` has put it on disk.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Flags for a quiet, headless, sandbox-less Chromium on a CI box.
 * Playwright itself adds --headless (when headless) and --no-sandbox; passing them again is harmless,
 * but playwright.config.ts drops --headless so that `playwright test --headed` still opens a window.
 */
export const CHROMIUM_ARGS: readonly string[] = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface FindChromiumOptions {
	/** Environment to read CHROMIUM_PATH from (default process.env). */
	env?: Record<string, string | undefined>;
	/** Whether a path is an executable file (default: a real file-system check). */
	isExecutable?: (path: string) => boolean;
	/** Path of Playwright's bundled Chromium, or undefined (default: ask Playwright). */
	bundledPath?: () => string | undefined;
}

function isExecutableFile(path: string): boolean {
	try {
		if (!statSync(path).isFile()) return false;
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function playwrightBundledChromium(): string | undefined {
	const require = createRequire(import.meta.url);
	for (const pkg of ['playwright-core', '@playwright/test']) {
		try {
			const { chromium } = require(pkg) as { chromium: { executablePath(): string } };
			return chromium.executablePath();
		} catch {
			// Not installed, or no build for this platform: try the next one.
		}
	}
	return undefined;
}

/** The first Chromium executable found (see the module comment for the order); throws if there is none. */
export function findChromium(options: FindChromiumOptions = {}): string {
	const env = options.env ?? process.env;
	const isExecutable = options.isExecutable ?? isExecutableFile;
	const bundledPath = options.bundledPath ?? playwrightBundledChromium;

	const tried: string[] = [];
	const fromEnv = env.CHROMIUM_PATH?.trim();
	if (fromEnv) {
		if (isExecutable(fromEnv)) return fromEnv;
		tried.push(`CHROMIUM_PATH=${fromEnv} (not an executable file)`);
	}
	if (isExecutable(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
	tried.push(SYSTEM_CHROMIUM);

	let bundled: string | undefined;
	try {
		bundled = bundledPath();
	} catch {
		bundled = undefined;
	}
	if (bundled && isExecutable(bundled)) return bundled;
	tried.push(bundled ? `${bundled} (Playwright's bundled Chromium)` : "Playwright's bundled Chromium (unknown path)");

	throw new Error(
		[
			'No Chromium found for the browser tests. Looked for:',
			...tried.map((t) => `  - ${t}`),
			'Install one with `apt-get install -y chromium` (Debian/Ubuntu; use sudo if not root),',
			'or set CHROMIUM_PATH to the full path of a Chromium or Chrome executable.'
		].join('\n')
	);
}
