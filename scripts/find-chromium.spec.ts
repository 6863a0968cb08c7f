import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM, findChromium } from './find-chromium';

const only =
	(...paths: string[]) =>
	(path: string) =>
		paths.includes(path);

describe('findChromium', () => {
	it('prefers CHROMIUM_PATH over the system and bundled Chromium', () => {
		const found = findChromium({
			env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
			isExecutable: only('/opt/chrome/chrome', SYSTEM_CHROMIUM, '/bundled/chrome'),
			bundledPath: () => '/bundled/chrome'
		});
		expect(found).toBe('/opt/chrome/chrome');
	});

	it('falls back to /usr/bin/chromium when CHROMIUM_PATH is unset or not executable', () => {
		const options = { isExecutable: only(SYSTEM_CHROMIUM, '/bundled/chrome'), bundledPath: () => '/bundled/chrome' };
		expect(findChromium({ ...options, env: {} })).toBe(SYSTEM_CHROMIUM);
		expect(findChromium({ ...options, env: { CHROMIUM_PATH: '/nope/chrome' } })).toBe(SYSTEM_CHROMIUM);
		expect(findChromium({ ...options, env: { CHROMIUM_PATH: '  ' } })).toBe(SYSTEM_CHROMIUM);
	});

	it("uses Playwright's bundled Chromium only if its file exists", () => {
		expect(findChromium({ env: {}, isExecutable: only('/bundled/chrome'), bundledPath: () => '/bundled/chrome' })).toBe('/bundled/chrome');
		expect(() => findChromium({ env: {}, isExecutable: only(), bundledPath: () => '/bundled/chrome' })).toThrow(/bundled\/chrome/);
	});

	it('says what to install when no Chromium is found', () => {
		const find = () =>
			findChromium({
				env: { CHROMIUM_PATH: '/nope/chrome' },
				isExecutable: only(),
				bundledPath: () => {
					throw new Error('no playwright');
				}
			});
		expect(find).toThrow(/apt-get install -y chromium/);
		expect(find).toThrow(/set CHROMIUM_PATH/);
		expect(find).toThrow(/CHROMIUM_PATH=\/nope\/chrome/);
	});

	it('asks for a headless, sandbox-less browser', () => {
		expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--headless', '--no-sandbox', '--disable-gpu']));
	});
});
