/**
 * Issue 13 items 1-4, "the picture must be the truth": a node is drawn where it is placed, the AZs
 * are shown as what they are, nodes never overlap, and the exported picture shows the network.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, type DesignerPage } from '../fixtures/designer.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const meet = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator} has no box`);
  return b;
}

/** Every pair of service nodes whose boxes on screen intersect, by name. */
async function overlappingNodes(designer: DesignerPage): Promise<string[]> {
  const boxes: { name: string; box: Box }[] = [];
  for (const node of await designer.canvas.serviceNodes.all())
    boxes.push({ name: (await node.getAttribute('aria-label')) ?? '?', box: await box(node) });
  const out: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => meet(a.box, b.box) && out.push(`${a.name} / ${b.name}`)),
  );
  return out;
}

/** Adds a service the keyboard way: focus its palette item, press Enter. */
async function addByKeyboard(page: Page, designer: DesignerPage, service: string): Promise<void> {
  await designer.palette.item(service).focus();
  await page.keyboard.press('Enter');
  await expect(designer.canvas.node(service)).toBeVisible();
}

test('Enter and double-click add a service to its recommended subnet, drawn there and said so, also after a reload', async ({
  designer,
  page,
}) => {
  const { palette, canvas, inspector } = designer;
  // A new service is selected: the Inspector says where it was placed, the canvas where it is drawn.
  await addByKeyboard(page, designer, 'ECS Fargate service');
  expect(await inspector.placementText()).toMatch(/Private subnet$/);
  expect(await canvas.containerOf('ECS Fargate service')).toBe('Private subnet');
  await palette.item('Aurora cluster').dblclick();
  await expect(canvas.node('Aurora cluster')).toBeVisible();
  expect(await inspector.placementText()).toMatch(/Isolated subnet$/);
  await addByKeyboard(page, designer, 'Lambda function');
  expect(await inspector.placementText()).toBe('Regional (no VPC)');

  const check = async () => {
    await designer.fitView();
    // Drawn in the band the Inspector names.
    expect(await canvas.containerOf('ECS Fargate service')).toBe('Private subnet');
    await canvas.select('ECS Fargate service');
    expect(await inspector.placementText()).toMatch(/Private subnet$/);
    expect(await canvas.containerOf('Aurora cluster')).toBe('Isolated subnet');
    await canvas.select('Aurora cluster');
    expect(await inspector.placementText()).toMatch(/Isolated subnet$/);
    // Regional: outside the VPC altogether, not drawn in a subnet it is not in.
    expect(await canvas.containerOf('Lambda function')).toBeNull();
    expect(meet(await box(canvas.node('Lambda function')), await box(canvas.vpcs.first()))).toBe(false);
    await canvas.select('Lambda function');
    expect(await inspector.placementText()).toBe('Regional (no VPC)');
  };
  await check();
  await designer.screenshot('issue13-keyboard-add');

  await designer.storage.waitForAutosave((d) => d.nodes.length === 3);
  await page.reload();
  await designer.ready();
  await expect(canvas.serviceNodes).toHaveCount(3);
  await check();
});

test('the AZs are stated, not drawn as columns: the VPC names the AZs it spans, each band its subnet per AZ, the Inspector the AZs a service uses', async ({
  designer,
  page,
}) => {
  const { canvas, inspector } = designer;
  const vpc = canvas.vpcs.first();
  await expect(vpc).toContainText('Spans 2 AZs: us-east-1a, us-east-1b');
  const subnets = page.getByRole('list', { name: 'Private subnets by availability zone' });
  await expect(subnets.getByRole('listitem')).toHaveText([
    /^us-east-1a\s+10\.\d+\.\d+\.\d+\/\d+$/,
    /^us-east-1b\s+10\.\d+\.\d+\.\d+\/\d+$/,
  ]);

  await addByKeyboard(page, designer, 'ECS Fargate service');
  await canvas.select('ECS Fargate service');
  await expect(inspector.region).toContainText('Availability zones: us-east-1a, us-east-1b');

  await vpc.getByRole('button', { name: 'Add availability zone' }).click();
  await expect(vpc).toContainText('Spans 3 AZs: us-east-1a, us-east-1b, us-east-1c');
  await expect(subnets.getByRole('listitem')).toHaveCount(3);
  await canvas.select('ECS Fargate service');
  await expect(inspector.region).toContainText('Availability zones: us-east-1a, us-east-1b, us-east-1c');
});

test('nodes never overlap: a quick fix, drops on one spot, a paste and auto layout all leave every node clear of the others', async ({
  designer,
  page,
}) => {
  const { palette, canvas, problems, toolbar } = designer;
  // A cache in the isolated band, and a database in the private band at the same spot across.
  await palette.drag('ElastiCache cluster', canvas.tier('Isolated subnet'), { x: 0.3, y: 0.5 });
  await expect(canvas.node('ElastiCache cluster')).toBeVisible();
  await palette.drag('RDS database', canvas.tier('Private subnet'), { x: 0.3, y: 0.5 });
  await expect(canvas.node('RDS database')).toBeVisible();

  await problems.show();
  await problems
    .finding('NET-04', 'RDS database')
    .getByRole('button', { name: 'Move to isolated subnet' })
    .click();
  await expect.poll(() => canvas.containerOf('RDS database')).toBe('Isolated subnet');
  expect(await overlappingNodes(designer)).toEqual([]);

  // Two drops on the very same point.
  await palette.drag('ECS Fargate service', canvas.tier('Private subnet'), { x: 0.5, y: 0.5 });
  await expect(canvas.node('ECS Fargate service')).toBeVisible();
  await palette.drag('ECS Fargate service', canvas.tier('Private subnet'), { x: 0.5, y: 0.5 });
  await expect(canvas.node('ECS Fargate service 2')).toBeVisible();
  expect(await overlappingNodes(designer)).toEqual([]);
  expect(await canvas.containerOf('ECS Fargate service 2')).toBe('Private subnet');

  // Copy and paste lands beside, not on top.
  await canvas.select('ECS Fargate service');
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(canvas.serviceNodes).toHaveCount(5);
  expect(await overlappingNodes(designer)).toEqual([]);
  await designer.screenshot('issue13-no-overlaps');

  await toolbar.button('Auto layout').click();
  await designer.fitView();
  // Auto layout runs in a worker and commits once the layout is computed: judge the settled picture.
  await expect.poll(() => overlappingNodes(designer)).toEqual([]);
});

test('the exported SVG shows the network as the canvas does, with no label on another label or a node', async ({
  designer,
  page,
}) => {
  const { canvas, exportDialog } = designer;
  await designer.openTemplate('Three-tier web app');
  await expect(canvas.serviceNodes.first()).toBeVisible();
  const cidrs = [
    ...(await canvas.cidrs('Public subnet')),
    ...(await canvas.cidrs('Private subnet')),
    ...(await canvas.cidrs('Isolated subnet')),
  ];
  expect(cidrs.length).toBeGreaterThanOrEqual(6);

  await exportDialog.open();
  const downloading = page.waitForEvent('download');
  await exportDialog.dialog.getByRole('button', { name: 'Export SVG', exact: true }).click();
  const download = await downloading;
  const { readFileSync, mkdirSync, writeFileSync } = await import('node:fs');
  const svg = readFileSync(await download.path(), 'utf8');
  mkdirSync('test-results/screens', { recursive: true });
  writeFileSync('test-results/screens/issue13-export.svg', svg);

  for (const cidr of cidrs) expect(svg, `subnet ${cidr} in the picture`).toContain(cidr);
  expect(svg).toMatch(/Spans \d AZs: us-east-1a, us-east-1b/);

  const rects = (cls: string): Box[] =>
    [
      ...svg.matchAll(
        new RegExp(
          `<g class="${cls}"><rect x="([-\\d.]+)" y="([-\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`,
          'g',
        ),
      ),
    ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) }));
  const labels = rects('edge-label');
  const nodes = rects('node');
  expect(labels.length).toBe(await canvas.edges.count());
  expect(nodes.length).toBe(await canvas.serviceNodes.count());
  const clashes: string[] = [];
  labels.forEach((label, i) => {
    labels
      .slice(i + 1)
      .forEach((other, j) => meet(label, other) && clashes.push(`label ${i} / label ${i + 1 + j}`));
    nodes.forEach((node, j) => meet(label, node) && clashes.push(`label ${i} / node ${j}`));
  });
  expect(clashes).toEqual([]);
});
