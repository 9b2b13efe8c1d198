/**
 * Issue 13 items 5 and 6: connecting without a mouse ("Connect to…"), connecting by dropping on
 * a node's body, menus and dialogs that keep focus (WAI-ARIA menu and dialog patterns), and
 * arrow-key nudges that cross into the next subnet.
 */
import { test, expect } from '../fixtures/review.ts';

test('"Connect to…" connects two services from the keyboard: shortcut, search, arrow, Enter', async ({
  designer,
  page,
}) => {
  const { canvas, palette } = designer;
  await palette.drag('Lambda function', canvas.tier('Private subnet'), { x: 0.3, y: 0.5 });
  await palette.drag('DynamoDB table', canvas.root, { x: 0.12, y: 0.15 });
  await palette.drag('SQS queue', canvas.root, { x: 0.12, y: 0.4 });
  await canvas.select('Lambda function');
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'Connect Lambda function to…' });
  await expect(dialog).toBeVisible();
  const search = dialog.getByRole('searchbox', { name: 'Search targets' });
  await expect(search).toBeFocused();
  // Every valid target is listed with the kinds the pair allows.
  await expect(dialog.getByRole('button', { name: /^DynamoDB table: reads\/writes/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^SQS queue: / }).first()).toBeVisible();
  await search.fill('dynamo');
  await expect(dialog.getByRole('button', { name: /^SQS queue: / })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('button', { name: /^DynamoDB table: / }).first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(dialog.getByRole('button', { name: /^DynamoDB table: reads\/writes/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(canvas.edgeBetween('Lambda function', 'DynamoDB table')).toHaveCount(1);
  await expect(canvas.edgeLabels.filter({ hasText: 'reads/writes' })).toHaveCount(1);
});

test('the context menu opened with Shift+F10 offers "Connect to…" and moves with the arrow keys', async ({
  designer,
  page,
}) => {
  const { canvas, palette } = designer;
  await palette.drag('API Gateway', canvas.root, { x: 0.12, y: 0.15 });
  await palette.drag('Lambda function', canvas.tier('Private subnet'), { x: 0.4, y: 0.5 });
  await canvas.select('API Gateway');
  const node = canvas.node('API Gateway');
  await node.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Canvas actions' });
  await expect(menu).toBeVisible();
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  // Escape closes the menu and gives focus back to the node it was opened on.
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(node).toBeFocused();

  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  const connectTo = menu.getByRole('menuitem', { name: /^Connect to…/ });
  for (let i = 0; i < 12 && !(await connectTo.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await expect(connectTo).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Connect API Gateway to…' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(canvas.edgeBetween('API Gateway', 'Lambda function')).toHaveCount(1);
});

test("a drag let go on a node's body, not its handle, connects too", async ({ designer, page }) => {
  const { canvas, palette } = designer;
  await palette.drag('API Gateway', canvas.root, { x: 0.12, y: 0.15 });
  await palette.drag('Lambda function', canvas.tier('Private subnet'), { x: 0.6, y: 0.5 });
  await page.waitForTimeout(100);
  const from = await canvas
    .node('API Gateway')
    .locator('.react-flow__handle.source[data-handlepos="right"]')
    .boundingBox();
  const body = await canvas.node('Lambda function').locator('.service-node__text').boundingBox();
  const start = { x: from!.x + from!.width / 2, y: from!.y + from!.height / 2 };
  const end = { x: body!.x + body!.width / 2, y: body!.y + body!.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
  await page.mouse.up();
  await expect(canvas.edgeBetween('API Gateway', 'Lambda function')).toHaveCount(1);
});

test('Escape closes the Notes dialog after a note is added, and focus returns', async ({
  designer,
  review,
  page,
}) => {
  const { canvas, palette, inspector } = designer;
  await palette.drag('Lambda function', canvas.tier('Private subnet'), { x: 0.4, y: 0.5 });
  await canvas.select('Lambda function');
  const addNote = inspector.region.getByRole('button', { name: 'Add note', exact: true });
  await addNote.click();
  await review.notes.add('Lambda function', 'Check the timeout');
  const dialog = review.notes.on('Lambda function');
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(addNote).toBeFocused();
});

test('dialogs trap Tab, close on Escape and give focus back', async ({ designer, page }) => {
  await designer.exportDialog.open();
  const dialog = designer.exportDialog.dialog;
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    expect(
      await dialog.evaluate((el) => el.contains(document.activeElement)),
      `focus stays in the dialog after ${i + 1} Tab presses`,
    ).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
});

test('arrow keys nudge a node out of its subnet into the next one', async ({ designer, page }) => {
  const { canvas, palette } = designer;
  await palette.drag('Lambda function', canvas.tier('Private subnet'), { x: 0.4, y: 0.5 });
  await canvas.select('Lambda function');
  await canvas.node('Lambda function').focus();
  const privateBand = await canvas.tier('Private subnet').boundingBox();
  for (let i = 0; i < 40 && (await canvas.containerOf('Lambda function')) === 'Private subnet'; i++)
    await page.keyboard.press('ArrowUp');
  await expect.poll(() => canvas.containerOf('Lambda function')).toBe('Public subnet');
  // The band it left did not grow to keep it.
  const after = await canvas.tier('Private subnet').boundingBox();
  expect(after!.height).toBeLessThanOrEqual(privateBand!.height + 1);
  for (let i = 0; i < 80 && (await canvas.containerOf('Lambda function')) !== 'Isolated subnet'; i++)
    await page.keyboard.press('ArrowDown');
  await expect.poll(() => canvas.containerOf('Lambda function')).toBe('Isolated subnet');
});

test('the connection-kind menu moves with the arrow keys, and Escape gives focus back to the node', async ({
  designer,
  page,
}) => {
  const { canvas, palette } = designer;
  await palette.drag('Lambda function', canvas.tier('Private subnet'), { x: 0.25, y: 0.5 });
  await palette.drag('DynamoDB table', canvas.root, { x: 0.7, y: 0.2 });
  await canvas.connect('Lambda function', 'DynamoDB table');
  const menu = page.getByRole('menu', { name: 'Choose connection kind' });
  await expect(menu).toBeVisible();
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(canvas.node('Lambda function')).toBeFocused();
  await expect(canvas.edges).toHaveCount(0);
});
