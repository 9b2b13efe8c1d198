import { test, expect } from '../fixtures/designer.ts';

test('copy and paste with the keyboard adds a copy beside the original', async ({ designer, page }) => {
  const { palette, canvas } = designer;
  await palette.drag('Lambda function', canvas.tier('Private subnet'), { x: 0.25, y: 0.6 });
  await expect(canvas.serviceNodes).toHaveCount(1);
  const original = await canvas.node('Lambda function').boundingBox();

  await canvas.select('Lambda function');
  await page.keyboard.press('Control+c');
  // Copying alone changes nothing on the canvas.
  await expect(canvas.serviceNodes).toHaveCount(1);
  await page.keyboard.press('Control+v');
  await expect(canvas.serviceNodes).toHaveCount(2);

  // The copy is drawn somewhere else, in the same subnet, and the original has not moved.
  const boxes = await canvas.serviceNodes.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: Math.round(r.x), y: Math.round(r.y), cx: r.x + r.width / 2, cy: r.y + r.height / 2 };
    }),
  );
  const [a, b] = boxes as [(typeof boxes)[0], (typeof boxes)[0]];
  expect(a.x !== b.x || a.y !== b.y).toBe(true);
  expect(boxes.some((box) => box.x === Math.round(original!.x) && box.y === Math.round(original!.y))).toBe(
    true,
  );

  const band = (await canvas.tier('Private subnet').boundingBox())!;
  for (const box of boxes) {
    expect(box.cx).toBeGreaterThan(band.x);
    expect(box.cx).toBeLessThan(band.x + band.width);
    expect(box.cy).toBeGreaterThan(band.y);
    expect(box.cy).toBeLessThan(band.y + band.height);
  }

  // Pasting again adds one more: the clipboard keeps what was copied.
  await page.keyboard.press('Control+v');
  await expect(canvas.serviceNodes).toHaveCount(3);
});

test('a box selection with Shift-drag, then Delete, removes exactly the boxed services; Ctrl+Z brings them back', async ({
  designer,
  page,
}) => {
  const { palette, canvas } = designer;
  await palette.drag('SQS queue', canvas.root, { x: 0.12, y: 0.12 });
  await palette.drag('SNS topic', canvas.root, { x: 0.3, y: 0.12 });
  await palette.drag('DynamoDB table', canvas.root, { x: 0.75, y: 0.12 });
  await expect(canvas.serviceNodes).toHaveCount(3);
  // Drops this close to the VPC are moved clear of it (a regional node is never drawn inside):
  // bring the result into a still view before measuring.
  await designer.fitView();

  // A rectangle around the queue and the topic only.
  const queue = (await canvas.node('SQS queue').boundingBox())!;
  const topic = (await canvas.node('SNS topic').boundingBox())!;
  const table = (await canvas.node('DynamoDB table').boundingBox())!;
  const pane = (await canvas.root.boundingBox())!;
  // Start on empty canvas just outside the nodes (but inside the canvas, not on the palette).
  const left = Math.max(Math.min(queue.x, topic.x) - 20, pane.x + 4);
  const right = Math.max(queue.x + queue.width, topic.x + topic.width) + 20;
  expect(right, 'the table must lie outside the box').toBeLessThan(table.x);
  const top = Math.max(Math.min(queue.y, topic.y) - 20, pane.y + 4);
  const bottom = Math.max(queue.y + queue.height, topic.y + topic.height) + 20;
  await canvas.boxSelect({ x: left, y: top }, { x: right, y: bottom });

  await expect(canvas.node('SQS queue')).toHaveClass(/selected/);
  await expect(canvas.node('SNS topic')).toHaveClass(/selected/);
  await expect(canvas.node('DynamoDB table')).not.toHaveClass(/selected/);

  await page.keyboard.press('Delete');
  await expect(canvas.serviceNodes).toHaveCount(1);
  expect(await canvas.nodeNames()).toEqual(['DynamoDB table']);

  await page.keyboard.press('Control+z');
  await expect(canvas.serviceNodes).toHaveCount(3);
  expect(await canvas.nodeNames()).toEqual(['DynamoDB table', 'SNS topic', 'SQS queue']);
});
