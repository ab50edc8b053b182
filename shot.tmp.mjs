import { chromium } from '@playwright/test';
const url = process.argv[2] ?? 'http://localhost:4274/projections';
const prefix = process.argv[3] ?? '/tmp/shots/p';
const width = Number(process.argv[4] ?? 1400);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width, height: 1100 } });
page.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()); });
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(url);
await page.waitForTimeout(1500);
const h = await page.evaluate(() => document.body.scrollHeight);
const step = 1600;
for (let y = 0, i = 0; y < h; y += step, i++) {
  await page.screenshot({ path: `${prefix}-${i}.png`, fullPage: false, clip: { x: 0, y, width, height: Math.min(step, h - y) } });
}
console.log('height', h);
await browser.close();
