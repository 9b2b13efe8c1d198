// Dev aid: drives the main flows headlessly and screenshots them (node app/scripts/interact.mjs <url> <out>).
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://localhost:4173/';
const out = process.argv[3] ?? '/tmp/archgen-shots';
const browser = await chromium.launch({
  executablePath: process.env.ARCHGEN_CHROMIUM ?? '/usr/bin/chromium',
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
const log = [];
page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
page.on('console', (m) => m.type() === 'error' && log.push(`console: ${m.text()}`));
await page.goto(url);
await page.evaluate(() => localStorage.clear());
await page.reload();
await page.waitForSelector('.react-flow__node');

const band = (name) => page.getByRole('group', { name }).first();
async function drop(service, tierName, fx, fy) {
  const target = band(tierName);
  const box = await target.boundingBox();
  await page.getByRole('button', { name: service, exact: true }).dragTo(target, {
    targetPosition: { x: box.width * fx, y: box.height * fy },
  });
}
await drop('Application Load Balancer', 'Public subnet', 0.25, 0.6);
await drop('ECS Fargate service', 'Private subnet', 0.25, 0.6);
await drop('RDS database', 'Private subnet', 0.75, 0.6);
const canvas = page.locator('.react-flow__pane');
const cbox = await canvas.boundingBox();
await page
  .getByRole('button', { name: 'S3 bucket', exact: true })
  .dragTo(canvas, { targetPosition: { x: cbox.width - 120, y: 60 } });
await page
  .getByRole('button', { name: 'NAT gateway', exact: true })
  .dragTo(band('Public subnet'), { targetPosition: { x: 500, y: 60 } });
log.push('nodes: ' + (await page.locator('.react-flow__node-service').count()));

async function connect(fromName, toName) {
  const from = page.getByRole('group', { name: fromName, exact: true }).locator('.react-flow__handle.source');
  const to = page.getByRole('group', { name: toName, exact: true }).locator('.react-flow__handle.target');
  await from.hover();
  await page.mouse.down();
  const b = await to.boundingBox();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(200);
}
await connect('Application Load Balancer', 'ECS Fargate service');
await connect('ECS Fargate service', 'RDS database');
await connect('S3 bucket', 'NAT gateway');
const alert = await page
  .getByRole('alert')
  .first()
  .textContent()
  .catch(() => 'no alert');
log.push('alert: ' + alert);
log.push('edges: ' + (await page.locator('.react-flow__edge').count()));
await page.screenshot({ path: `${out}/10-built.png` });

const problems = page.getByRole('region', { name: 'Problems' });
log.push('problems text: ' + (await problems.innerText()).slice(0, 400).replace(/\n/g, ' | '));
const fix = problems.getByRole('button', { name: 'Move to isolated subnet' });
if (await fix.count()) {
  await fix.first().click();
  await page.waitForTimeout(300);
  log.push(
    'after fix RDS placement select: ' +
      (await page.getByRole('region', { name: 'Inspector' }).innerText()).slice(0, 100).replace(/\n/g, ' | '),
  );
}
await page.screenshot({ path: `${out}/11-fixed.png` });
await page.keyboard.press('Control+z');
await page.waitForTimeout(200);
await page.screenshot({ path: `${out}/12-undone.png` });
await page.getByRole('button', { name: 'Auto layout' }).click();
await page.waitForTimeout(1500);
await page.screenshot({ path: `${out}/13-autolayout.png` });
// Select an edge through its label and look at the inspector.
await page.locator('.edge-label').first().click();
await page.waitForTimeout(200);
await page.screenshot({ path: `${out}/14-edge.png` });
await page.keyboard.press('?');
await page.waitForTimeout(200);
await page.screenshot({ path: `${out}/15-help.png` });
await page.keyboard.press('Escape');
// Open a malformed file.
await page.getByLabel('Open', { exact: true }).setInputFiles({
  name: 'broken.archdesign.json',
  mimeType: 'application/json',
  buffer: Buffer.from(
    '{"schemaVersion":2,"name":"x","region":"us-east-1","environments":[{"name":"dev"}],"nodes":[{"id":"a","type":"lambda","name":"f","placement":{"vpcId":"nope","tier":"public"}}]}',
  ),
});
await page.waitForTimeout(300);
log.push('open alert: ' + (await page.getByRole('alert').last().textContent()));
await page.screenshot({ path: `${out}/16-open-error.png` });
console.log(log.join('\n'));
await browser.close();
