/**
 * A Terraform configuration with local modules, opened as a zipped folder: each module's services
 * are drawn inside a labelled frame, the frame lets clicks through to the services, its label
 * selects them, and the Inspector names the group (issue 15: "module blocks shown as a group").
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { test, expect } from '../fixtures/designer.ts';

const CONFIG = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'corpora',
  'terraform',
  'serverless-patterns',
  's3-lambda-dynamodb-terraform',
);

/** Every .tf file under the folder, keyed by its path inside it (as a zipped folder holds them). */
function tfFiles(dir: string, out: Record<string, Uint8Array> = {}): Record<string, Uint8Array> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) tfFiles(full, out);
    else if (name.endsWith('.tf'))
      out[`s3-lambda-dynamodb/${relative(CONFIG, full).split('\\').join('/')}`] = strToU8(
        readFileSync(full, 'utf8'),
      );
  }
  return out;
}

test('a Terraform folder with local modules shows each module as a labelled frame around its services', async ({
  designer,
  page,
}) => {
  await designer.files.input.setInputFiles({
    name: 's3-lambda-dynamodb.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zipSync(tfFiles(CONFIG))),
  });
  const report = page.getByRole('dialog', { name: /Import report/ });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report).toContainText('inside a group named module.s3_event');
  await report.getByRole('button', { name: 'Close' }).click();

  const frames = page.locator('.react-flow__node-groupFrame');
  await expect(frames).toHaveCount(2);
  const s3Event = page.getByRole('group', { name: 'module.s3_event (Terraform module)' });
  await expect(s3Event).toBeVisible();
  await expect(s3Event.getByRole('button')).toHaveText(/module\.s3_event\s*Terraform/);
  await expect(page.getByRole('group', { name: 'module.dynamodb (Terraform module)' })).toBeVisible();

  // The frame holds its two services and sits under them.
  const frameBox = (await s3Event.boundingBox())!;
  const members = designer.canvas.serviceNodes.filter({ hasText: /Lambda|S3/ });
  await expect(members).toHaveCount(2);
  for (const member of await members.all()) {
    const box = (await member.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(frameBox.x);
    expect(box.y).toBeGreaterThanOrEqual(frameBox.y);
    expect(box.x + box.width).toBeLessThanOrEqual(frameBox.x + frameBox.width);
    expect(box.y + box.height).toBeLessThanOrEqual(frameBox.y + frameBox.height);
  }
  const frameZ = await s3Event.evaluate((el) => Number(getComputedStyle(el).zIndex));
  const memberZ = await members.first().evaluate((el) => Number(getComputedStyle(el).zIndex));
  expect(frameZ).toBeLessThan(memberZ);

  // A click on a member inside the frame selects that member, not the frame.
  const lambda = members.filter({ hasText: /Lambda/ });
  await lambda.click();
  await expect(lambda).toHaveClass(/selected/);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('group', { name: 'Group' })).toContainText('module.s3_event');
  await expect(inspector.getByRole('group', { name: 'Group' })).toContainText('./modules/s3_event');

  // The label selects the group's services.
  await s3Event.getByRole('button').click();
  for (const member of await members.all()) await expect(member).toHaveClass(/selected/);

  await page.screenshot({
    path: join(import.meta.dirname, '..', '..', '.tmp', 'groups-s3-lambda-dynamodb.png'),
  });
});
