import { test, expect, type TierName } from '../fixtures/designer.ts';
import { exampleDesigns } from '../fixtures/designs.ts';

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
