/**
 * Importing infrastructure code in the app, as a user would: Open a SAM template, drop a
 * Terraform configuration (parsed by HashiCorp's HCL in wasm, in a worker), read the report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '../fixtures/designer.ts';
import { longTasks, observeLongTasks, waitForDialogText } from '../browser.ts';

const CORPORA = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');

function corpus(path: string): string {
  return readFileSync(join(CORPORA, path), 'utf8');
}

/** "12 resources read from ..." in the report's summary. */
async function resourcesRead(summary: string): Promise<number> {
  const match = /(\d+) resources read from/.exec(summary);
  if (!match) throw new Error(`no count in the report summary: ${summary}`);
  return Number(match[1]);
}

test('Open imports a SAM template: services on the canvas, every resource in the report', async ({
  designer,
  page,
}) => {
  const { canvas } = designer;
  const template = corpus('sam/alb-lambda-rest-api-sam-py/template.yaml');
  const resources = (template.match(/^ {4}Type:\s*AWS::/gm) ?? []).length;
  await designer.files.input.setInputFiles({
    name: 'template.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(template, 'utf8'),
  });
  const report = page.getByRole('dialog', { name: /Import report: template\.yaml/ });
  await expect(report).toBeVisible({ timeout: 20_000 });
  const summary = (await report.locator('.import-report__summary').textContent()) ?? '';
  expect(summary).toContain('from SAM');
  // Every top-level resource of the template has its row (SAM may add the ones it expands to).
  expect(await resourcesRead(summary)).toBeGreaterThanOrEqual(resources);
  const rows = report.getByRole('table', { name: 'Imported resources' }).locator('tbody tr');
  await expect(rows).toHaveCount(await resourcesRead(summary));
  // The services it found are on the canvas, a function among them.
  const services = await rows.filter({ has: page.locator('td', { hasText: /^Service$/ }) }).count();
  expect(services).toBeGreaterThan(0);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(canvas.serviceNodes).not.toHaveCount(0);
  expect(await canvas.serviceNodes.count()).toBeGreaterThanOrEqual(services);
  // The report stays at hand.
  await page.getByRole('button', { name: 'Import report' }).click();
  await expect(report).toBeVisible();
});

test('dropping a Terraform configuration imports it through HCL in wasm', async ({ designer, page }) => {
  const folder = 'terraform/serverless-patterns/alb-lambda-terraform';
  const files = ['main.tf', 'variables.tf', 'outputs.tf'].map((name) => ({
    name,
    text: corpus(`${folder}/${name}`),
  }));
  const transfer = await page.evaluateHandle((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    return data;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop'])
    await page.locator('.app').dispatchEvent(type, { dataTransfer: transfer });
  const report = page.getByRole('dialog', { name: /Import report: 3 files/ });
  await expect(report).toBeVisible({ timeout: 30_000 });
  const summary = (await report.locator('.import-report__summary').textContent()) ?? '';
  expect(summary).toContain('from terraform');
  const blocks = files.reduce((n, f) => n + (f.text.match(/^resource\s+"/gm) ?? []).length, 0);
  expect(await resourcesRead(summary)).toBe(blocks);
  await report.getByRole('button', { name: 'Close' }).click();
  await expect(designer.canvas.serviceNodes).not.toHaveCount(0);
});

test('a file that is no template is refused with a message, and the design stays', async ({
  designer,
  page,
}) => {
  await designer.openTemplate('Three-tier web app');
  await expect(designer.canvas.serviceNodes).toHaveCount(10);
  await designer.files.input.setInputFiles({
    name: 'notes.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from('shopping:\n  - milk\n  - eggs\n', 'utf8'),
  });
  await expect(designer.alert.filter({ hasText: /Could not import notes\.yaml/ })).toBeVisible({
    timeout: 20_000,
  });
  await expect(designer.canvas.serviceNodes).toHaveCount(10);
  await expect(page.getByRole('dialog', { name: /Import report/ })).toHaveCount(0);
});

test('importing the largest corpus template keeps the page responsive', async ({
  designer: _designer,
  page,
}) => {
  // The designer fixture opens the app; this test then works on the page directly.
  const template = corpus('cloudformation/Solutions/ADConnector/templates/ADCONNECTOR.cfn.yaml');
  // The input is found and the dialog awaited without role or label locators while the page is
  // observed: Playwright computes those on the page's main thread, long tasks of the test's own.
  // For the same reason the file is made in the page before observing (setInputFiles decodes it
  // from base64 in the page); handing it to the input is then what the OS file picker does.
  const input = (await page.$('#open-design-file'))!;
  const file = await page.evaluateHandle(
    (text) => new File([text], 'ADCONNECTOR.cfn.yaml', { type: 'application/yaml' }),
    template,
  );
  await observeLongTasks(page);
  await input.evaluate((element: HTMLInputElement, picked: File) => {
    const transfer = new DataTransfer();
    transfer.items.add(picked);
    element.files = transfer.files;
    element.dispatchEvent(new Event('input', { bubbles: true }));
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }, file);
  await waitForDialogText(page, 'Import report', 20_000);
  // Until all of it is drawn (services arrive a batch per frame, report rows too): the number of
  // services on the canvas has stopped changing for a second. Plain DOM queries, polled, as above.
  await page.waitForFunction(
    () => {
      const seen = window as unknown as { drawnServices?: number[] };
      const counts = (seen.drawnServices ??= []);
      counts.push(document.querySelectorAll('.react-flow__node-service').length);
      const last = counts.slice(-4);
      return last.length === 4 && last[0]! > 0 && last.every((n) => n === last[0]);
    },
    null,
    { polling: 250, timeout: 20_000 },
  );
  const tasks = (await longTasks(page)).map(([, duration]) => duration);
  console.log(
    `[import] largest corpus template: ${tasks.length} long tasks on the page, longest ${Math.round(Math.max(0, ...tasks))} ms`,
  );
  // Parsing and layout run in a worker; the page draws the result a batch per frame and opens
  // the report after it: no task of the page's main thread is a long task (over 50 ms). Wall
  // time, as a person feels it: on a machine busy with other work a task of ~15 ms of CPU can
  // take longer; bench/browser/trace-import.ts tells CPU from waiting.
  expect(tasks.filter((ms) => ms > 50)).toEqual([]);
});
