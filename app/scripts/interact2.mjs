// Dev aid: moves, keyboard editing, inspector overrides and reload restore (node app/scripts/interact2.mjs <url> <out>).
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://localhost:4173/';
const out = process.argv[3] ?? '/tmp/archgen-shots';
const browser = await chromium.launch({
  executablePath: process.env.ARCHGEN_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const log = [];
page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
await page.goto(url);
await page.evaluate(() => localStorage.clear());
await page.reload();
await page.waitForSelector('.react-flow__node');
const band = (name) => page.getByRole('group', { name }).first();
const box = await band('Private subnet').boundingBox();
await page
  .getByRole('button', { name: 'Lambda function', exact: true })
  .dragTo(band('Private subnet'), { targetPosition: { x: 120, y: box.height / 2 } });
const node = page.getByRole('group', { name: 'Lambda function', exact: true });
const placement = async () =>
  page.getByRole('region', { name: 'Inspector' }).getByLabel('Placement').inputValue();
log.push('placed: ' + (await placement()));
// Drag the node into the isolated band.
const iso = await band('Isolated subnet').boundingBox();
{
  const from = await node.boundingBox();
  await page.mouse.move(from.x + 40, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(iso.x + 200, iso.y + iso.height / 2, { steps: 12 });
  await page.mouse.up();
}
await node.click();
log.push('after move: ' + (await placement()));
// Drag it out of the VPC, above it.
await page.getByRole('button', { name: 'Fit view' }).click();
await page.getByRole('button', { name: 'Zoom Out' }).click();
await page.getByRole('button', { name: 'Zoom Out' }).click();
await page.waitForTimeout(400);
const vpc = await page.getByRole('group', { name: /^VPC / }).boundingBox();
const nb = await node.boundingBox();
await page.mouse.move(nb.x + 40, nb.y + 20);
await page.mouse.down();
await page.mouse.move(vpc.x + vpc.width + 60, vpc.y + 30, { steps: 12 });
await page.mouse.up();
await node.click();
log.push('after drag out: ' + (await placement()));
log.push(
  'findings mention placement: ' +
    (await page.getByRole('region', { name: 'Problems' }).innerText()).includes('Lambda'),
);
// Inspector: environment override with marker and reset, invalid value inline.
const inspector = page.getByRole('region', { name: 'Inspector' });
await inspector.getByRole('radio', { name: 'prod' }).click();
await inspector.getByLabel('Memory', { exact: false }).fill('2048');
log.push('overridden marker: ' + (await inspector.getByText('overridden').count()));
await page.screenshot({ path: `${out}/20-override.png` });
await inspector.getByRole('button', { name: /^Reset Memory/ }).click();
log.push('marker after reset: ' + (await inspector.getByText('overridden').count()));
await inspector.getByRole('radio', { name: 'Base' }).click();
await inspector.getByLabel('Timeout', { exact: false }).fill('5000');
log.push('inline error: ' + (await inspector.getByRole('alert').first().textContent()));
await page.screenshot({ path: `${out}/21-invalid.png` });
await inspector.getByLabel('Timeout', { exact: false }).fill('60');
// Copy, paste, delete, undo by keyboard.
await node.click();
await page.keyboard.press('Control+c');
await page.keyboard.press('Control+v');
log.push('after paste: ' + (await page.locator('.react-flow__node-service').count()));
await page.keyboard.press('Delete');
log.push('after delete: ' + (await page.locator('.react-flow__node-service').count()));
await page.keyboard.press('Control+z');
log.push('after undo: ' + (await page.locator('.react-flow__node-service').count()));
await page.getByRole('button', { name: 'Fit view' }).click();
await page.waitForTimeout(400);
await page.getByRole('button', { name: 'Add availability zone' }).click();
log.push('az labels: ' + (await page.locator('.vpc-node__az').allTextContents()).join(','));
await page.waitForTimeout(500);
await page.reload();
await page.waitForSelector('.react-flow__node-service');
log.push(
  'after reload: services=' +
    (await page.locator('.react-flow__node-service').count()) +
    ' azs=' +
    (await page.locator('.vpc-node__az').count()),
);
await page.screenshot({ path: `${out}/22-reloaded.png` });
console.log(log.join('\n'));
await browser.close();
