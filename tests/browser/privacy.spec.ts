import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { importFiles, openApp, settled } from './app';

// The promise of the README: clinical data never leave the browser. These tests use the app as a clinic
// would and watch everything it asks the network for, and the Content-Security-Policy that holds it to that.

/** A policy's directives: name → sources. */
function directives(policy: string): Map<string, string[]> {
	const parsed = new Map<string, string[]>();
	for (const part of policy.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) parsed.set(name.toLowerCase(), sources);
	}
	return parsed;
}

/** What every page's policy allows, except script-src, which also carries the hash of that page's boot script. */
const POLICY: Record<string, string[]> = {
	'default-src': ["'self'"],
	'connect-src': ["'self'", 'blob:'],
	'worker-src': ["'self'", 'blob:'],
	'img-src': ["'self'", 'data:', 'blob:'],
	'style-src': ["'self'"],
	// SvelteKit's route announcer, the one inline style attribute (svelte.config.js).
	'style-src-attr': ["'unsafe-hashes'", "'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='"],
	'font-src': ["'self'"],
	'object-src': ["'none'"],
	'base-uri': ["'self'"],
	'form-action': ["'none'"]
};

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;

/** Records every request the page, its workers and its context make, CSP violations and console errors. */
async function watch(page: Page) {
	const requests = new Set<string>();
	const record = (url: string) => requests.add(url);
	page.on('request', (r) => record(r.url()));
	page.context().on('request', (r) => record(r.url()));
	page.on('worker', (w) => record(w.url()));
	// The app has no use for a WebSocket: any one is a leak, wherever it goes.
	page.on('websocket', (ws) => record(`websocket ${ws.url()}`));

	const errors: string[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(e.message));

	const violations: string[] = [];
	await page.exposeFunction('reportPolicyViolation', (violation: string) => violations.push(violation));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const report = (window as unknown as { reportPolicyViolation: (v: string) => void }).reportPolicyViolation;
			report(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
		});
	});
	return { requests, errors, violations };
}

/** The URLs that are neither the app's own origin nor local blob:/data: URLs. */
function foreign(requests: Set<string>, origin: string): string[] {
	return [...requests].filter((url) => {
		if (url.startsWith('blob:') || url.startsWith('data:')) return false;
		try {
			return new URL(url).origin !== origin;
		} catch {
			return true;
		}
	});
}

async function save(page: Page, button: ReturnType<Page['getByRole']>) {
	const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
	return { file: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
}

test('a whole session reaches nothing but the app’s own origin and breaks no policy', async ({ page, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	const seen = await watch(page);

	// Load, on the demo clinic.
	await openApp(page);
	const policy = directives((await page.locator('meta[http-equiv="content-security-policy" i]').getAttribute('content')) ?? '');
	expect(policy.get('connect-src')).toEqual(["'self'", 'blob:']);
	expect(policy.get('default-src')).toEqual(["'self'"]);

	// Import a clinic's export through the file input.
	await importFiles(page, ['clinic-export-mixed.csv']);

	// Change filters: its four clients make groups smaller than the default minimum, then compare by therapist.
	await page.getByLabel('Smallest group shown').fill('1');
	await page.getByLabel('Smallest group shown').press('Enter');
	await expect(page).toHaveURL(/[?&]min=1(&|$)/);
	await settled(page);
	await page.getByLabel('Compare by').selectOption('therapist');
	await expect(page).toHaveURL(/by=therapist/);
	await settled(page);

	// Download a chart as SVG, PNG and CSV.
	const card = page.locator('[data-chart="immediate"]');
	const svg = await save(page, card.getByRole('button', { name: 'SVG' }));
	expect(svg.file).toBe('immediate.svg');
	expect(svg.bytes.toString('utf8')).toMatch(/^<svg/);
	const png = await save(page, card.getByRole('button', { name: 'PNG' }));
	expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
	const csv = await save(page, card.getByRole('button', { name: 'CSV of the table' }));
	expect(csv.bytes.toString('utf8')).toMatch(/^Therapist,/);

	// Client trajectories: find a client by typing, pick them.
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Client trajectories' }).click();
	const search = page.getByRole('combobox', { name: /client/i });
	await search.fill('C1');
	await expect(page.getByRole('option', { name: /^C1\b/ })).toBeVisible();
	await search.press('Enter');
	await expect(page).toHaveURL(/[?&]client=C1(&|$)/);
	await expect(page.getByRole('article', { name: 'C1' })).toBeVisible();
	await expect(page.locator('main[aria-busy="false"]')).toBeVisible();

	// Research: a query in the SQL console, its result as CSV and Parquet, the pseudonymised session export.
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Research' }).click();
	await page.getByRole('textbox', { name: /SQL/ }).fill('SELECT client_id, session_date FROM active_sessions ORDER BY session_id');
	await page.getByRole('button', { name: /^Run/ }).click();
	await expect(page.getByRole('status').filter({ hasText: 'rows' })).toContainText('8 rows');
	const result = await save(page, page.getByRole('button', { name: 'Download result as CSV' }));
	expect(result.bytes.toString('utf8')).toMatch(/^client_id,session_date\r\n/);
	const parquet = await save(page, page.getByRole('button', { name: 'Download result as Parquet' }));
	expect(parquet.bytes.subarray(0, 4).toString()).toBe('PAR1');
	await expect(page.getByRole('status').filter({ hasText: 'k =' })).toBeVisible();
	const sessions = await save(page, page.getByRole('button', { name: 'Download sessions as Parquet' }));
	expect(sessions.file).toBe('sessions.parquet');

	// The printable report.
	await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Report' }).click();
	await expect(page.getByRole('region', { name: 'Methods' })).toContainText('Meaningful change');

	// The recorder did see the worker's own traffic: DuckDB's worker fetches the engine's wasm itself.
	expect([...seen.requests].some((url) => /\/duckdb-eh\.[\w-]+\.wasm$/.test(url))).toBe(true);
	expect(foreign(seen.requests, origin)).toEqual([]);
	expect(seen.violations).toEqual([]);
	expect(seen.errors).toEqual([]);
});

test('every page of the built site, and the fallback for unknown paths, carries the policy', async ({ request }) => {
	const pages = readdirSync('build').filter((name) => name.endsWith('.html'));
	expect(pages).toEqual(expect.arrayContaining(['index.html', '404.html', 'clients.html']));
	for (const path of [...pages.map((name) => `/${name}`), '/no-such-page']) {
		const html = await (await request.get(path)).text();
		const meta = html.match(META);
		expect(meta, `${path} has a policy`).not.toBeNull();
		// A <meta> policy covers only what follows it: nothing may load before it.
		expect(html.indexOf(meta![0]), `${path}: the policy comes first`).toBeLessThan(html.search(/<(link|script)\b/));

		const policy = directives(meta![1]);
		for (const [name, sources] of Object.entries(POLICY)) expect(policy.get(name), `${path} ${name}`).toEqual(sources);
		expect(policy.has('frame-ancestors'), 'frame-ancestors means nothing in a <meta>').toBe(false);
		// Scripts: this site's files, WebAssembly, and the page's one inline boot script by its hash; nothing else.
		const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
		expect(scripts).toHaveLength(1);
		const hash = `'sha256-${createHash('sha256').update(scripts[0]).digest('base64')}'`;
		expect(policy.get('script-src'), `${path} script-src`).toEqual(["'self'", "'wasm-unsafe-eval'", hash]);
	}
});
