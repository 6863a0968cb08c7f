import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
page.on('console', (m) => {
	if (m.text().startsWith('SQL')) console.log(m.text());
});
await page.goto('http://127.0.0.1:4301/bench');
await page.locator('input[type=file]').setInputFiles('bench-results/sessions-1000000.csv');
await page.locator('input[type=number]').fill('1');
await page.getByRole('button', { name: 'Run benchmark' }).click();
await page.locator('[data-bench-result]').waitFor({ timeout: 600000 });
console.log(await page.locator('[data-bench-result]').innerText());
await browser.close();
