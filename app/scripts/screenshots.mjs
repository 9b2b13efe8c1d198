// Dev aid: headless screenshots of the main screens, to look at what a person sees.
// Usage: node app/scripts/screenshots.mjs <url> <out-dir>
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://localhost:5173/';
const out = process.argv[3] ?? '/tmp/archgen-shots';
const executablePath = process.env.ARCHGEN_CHROMIUM ?? '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const errors = [];
page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
await page.goto(url);
await page.waitForSelector('.react-flow__node', { timeout: 20000 });
await page.waitForTimeout(800);
await page.screenshot({ path: `${out}/01-blank.png` });

for (const step of (process.env.SHOTS ?? '').split(',').filter(Boolean)) {
  if (step === 'template') {
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('dialog', { name: 'Templates' }).waitFor();
    await page.screenshot({ path: `${out}/02-templates.png` });
    await page.getByRole('button', { name: /three.tier/i }).click();
    await page.waitForTimeout(900);
    await page.screenshot({ path: `${out}/03-three-tier.png` });
  }
  if (step === 'drop') {
    await page
      .getByRole('button', { name: 'Lambda function' })
      .dragTo(page.getByRole('group', { name: 'Private subnet' }).first());
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${out}/04-dropped.png` });
  }
  if (step === 'code') {
    await page.getByRole('tab', { name: 'Code' }).click();
    await page.waitForTimeout(4000);
    await page.screenshot({ path: `${out}/05-code.png` });
  }
  if (step === 'export') {
    await page.getByRole('button', { name: 'Export' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/06-export.png` });
    await page.keyboard.press('Escape');
  }
  if (step === 'dark') {
    await page.getByRole('button', { name: 'Toggle theme' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/07-dark.png` });
  }
}
console.log(errors.join('\n') || 'no page errors');
await browser.close();
