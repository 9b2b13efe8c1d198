import type { Locator } from '@playwright/test';
import { test, expect, type TierName } from '../fixtures/designer.ts';
import { example, exampleDesigns } from '../fixtures/designs.ts';

test('dropping a design file onto the page opens it; a broken one is refused with a message', async ({
  designer,
  page,
}) => {
  const example = exampleDesigns().find((d) => d.name === 'Serverless orders API')!;
  const { canvas } = designer;
  await expect(canvas.serviceNodes).toHaveCount(0);

  await designer.files.drop(page.locator('.app'), 'broken.archdesign.json', '{ "this is": not json');
  await expect(designer.alert.first()).toBeVisible();
  await expect(canvas.serviceNodes).toHaveCount(0);

  await designer.files.drop(page.locator('.app'), 'orders.archdesign.json', JSON.stringify(example.json));
  await expect(canvas.serviceNodes).toHaveCount(example.nodeNames.length);
  expect(await canvas.nodeNames()).toEqual([...example.nodeNames].sort());
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toContainText(example.name);
});

test('Auto layout moves services but keeps each in its subnet band', async ({ designer }) => {
  const { canvas, toolbar } = designer;
  await designer.openTemplate('Three-tier web app');
  await expect(canvas.serviceNodes).toHaveCount(10);
  await designer.fitView();

  const names = await canvas.nodeNames();
  const bands = new Map<string, TierName | null>();
  for (const name of names) bands.set(name, await canvas.containerOf(name));
  expect([...bands.values()].filter(Boolean).length, 'some services sit in subnets').toBeGreaterThan(3);
  const before = await canvas.snapshot();

  await toolbar.button('Auto layout').click();
  // Auto layout fits the view afterwards; compare relative positions so the zoom does not matter.
  await expect
    .poll(async () => JSON.stringify(relative(await canvas.snapshot())), { timeout: 15_000 })
    .not.toBe(JSON.stringify(relative(before)));
  await designer.fitView();

  for (const name of names) expect(await canvas.containerOf(name), name).toBe(bands.get(name));

  // Undo restores the hand-made layout.
  await toolbar.undo();
  await designer.fitView();
  await expect
    .poll(async () => JSON.stringify(relative(await canvas.snapshot())))
    .toBe(JSON.stringify(relative(before)));
});

/** Positions relative to the first service, rounded to a 4 px grain. */
function relative(nodes: Record<string, { x: number; y: number }>): Record<string, string> {
  const entries = Object.entries(nodes).sort(([a], [b]) => a.localeCompare(b));
  const [, origin] = entries[0]!;
  return Object.fromEntries(
    entries.map(([name, at]) => [
      name,
      `${Math.round((at.x - origin.x) / 4)},${Math.round((at.y - origin.y) / 4)}`,
    ]),
  );
}

test('a design file without positions is laid out as it opens: each service inside its band, none on another, regional ones outside the VPC', async ({
  designer,
  page,
}) => {
  const { canvas } = designer;
  const source = example('three-tier-web-app.json').json as unknown as {
    name: string;
    vpcs: { id: string; name: string; position?: unknown }[];
    nodes: { name: string; position?: unknown; placement?: { tier: string } | null }[];
  };
  const stripped = structuredClone(source);
  for (const vpc of stripped.vpcs) delete vpc.position;
  for (const node of stripped.nodes) delete node.position;
  await designer.files.drop(page.locator('.app'), 'no-positions.archdesign.json', JSON.stringify(stripped));
  await expect(canvas.serviceNodes).toHaveCount(stripped.nodes.length);
  await designer.fitView();

  const vpc = await box(canvas.vpc(stripped.vpcs[0]!.name));
  const boxes: { name: string; box: Box }[] = [];
  for (const node of stripped.nodes) {
    const at = await box(canvas.node(node.name));
    boxes.push({ name: node.name, box: at });
    const tier = node.placement
      ? (`${node.placement.tier[0]!.toUpperCase()}${node.placement.tier.slice(1)} subnet` as TierName)
      : null;
    if (tier) {
      // The whole node inside its band, not just its centre.
      const band = await box(canvas.tier(tier).first());
      expect(inside(at, band), `${node.name} inside the ${tier} band`).toBe(true);
    } else expect(meet(at, vpc), `${node.name} clear of the VPC`).toBe(false);
  }
  const overlapping = boxes.flatMap((a, i) =>
    boxes.slice(i + 1).flatMap((b) => (meet(a.box, b.box) ? [`${a.name} / ${b.name}`] : [])),
  );
  expect(overlapping).toEqual([]);
  // The entry point left of the VPC, in line with the load balancer it reaches.
  const users = boxes.find((b) => b.name === 'Customers')!.box;
  const alb = boxes.find((b) => b.name === 'Web ALB')!.box;
  expect(users.x + users.width).toBeLessThan(vpc.x);
  expect(Math.abs(users.y - alb.y)).toBeLessThan(2);
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const meet = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5;
async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator} has no box`);
  return b;
}
