// usage: node shot.mjs url out.png [width] [--file f] [--click text]... [--full]
import { chromium } from '@playwright/test';
const args = process.argv.slice(2);
const [url, out] = args; const width = Number(args[2] && !args[2].startsWith('--') ? args[2] : 1280);
const files = []; const clicks = []; let full = false; let selects = []; const els = [];
for (let i = 0; i < args.length; i++) { if (args[i]==='--file') files.push(args[++i]); if (args[i]==='--click') clicks.push(args[++i]); if (args[i]==='--full') full = true; if (args[i]==='--el') els.push(args[++i]); if (args[i]==='--select') selects.push(args[++i].split('=')); }
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run','--disable-sync'] });
const page = await browser.newPage({ viewport: { width, height: 900 } });
page.on('console', m => { if (m.type()==='error'||m.type()==='warning') console.log('console', m.type(), m.text()); });
page.on('pageerror', e => console.log('pageerror', e.message));
await page.goto(url);
await page.locator('main[aria-busy="false"]').waitFor({ timeout: 60000 });
for (const f of files) {
  await page.locator('input[type=file]').setInputFiles(f);
  await page.getByRole('button', { name: /^Import/ }).waitFor();
  for (const [label, value] of selects) await page.getByLabel(label).first().selectOption(value);
  await page.getByRole('button', { name: /^Import/ }).click();
  await page.getByRole('button', { name: /^Import/ }).waitFor({ state: 'detached', timeout: 60000 });
  await page.locator('main[aria-busy="false"]').waitFor({ timeout: 60000 });
}
for (const c of clicks) { await page.getByText(c).first().click(); await page.waitForTimeout(300); }
await page.waitForTimeout(1500);
// content-visibility: scroll through so every card is drawn
if (full) { await page.evaluate(async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 120)); } window.scrollTo(0,0); }); await page.waitForTimeout(500); }
if (els.length) { let k = 0; for (const sel of els) { const loc = page.locator(sel).first(); await loc.scrollIntoViewIfNeeded(); await page.waitForTimeout(400); await loc.screenshot({ path: out.replace('.png', `-${k++}.png`) }); } }
else await page.screenshot({ path: out, fullPage: full });
console.log('url', page.url());
await browser.close();
