import { test, expect, BrowserStorage } from '../fixtures/designer.ts';

test('the design survives a reload (autosave)', async ({ designer, page }) => {
  const { palette, canvas, inspector } = designer;
  await palette.drag('Application Load Balancer', canvas.tier('Public subnet'), { x: 0.3, y: 0.6 });
  await palette.drag('ECS Fargate service', canvas.tier('Private subnet'), { x: 0.6, y: 0.6 });
  await canvas.connect('Application Load Balancer', 'ECS Fargate service');
  await canvas.select('ECS Fargate service');
  await inspector.name.fill('checkout-api');
  await expect(canvas.node('checkout-api')).toBeVisible();
  await expect(canvas.edges).toHaveCount(1);

  // Autosave is debounced; wait until the last change is stored, then reload as a user would.
  await designer.storage.waitForAutosave((d) => d.nodes.some((n) => n.name === 'checkout-api'));
  await page.reload();
  await designer.ready();

  expect(await canvas.nodeNames()).toEqual(['Application Load Balancer', 'checkout-api']);
  expect(await canvas.containerOf('Application Load Balancer')).toBe('Public subnet');
  expect(await canvas.containerOf('checkout-api')).toBe('Private subnet');
  await expect(canvas.edgeBetween('Application Load Balancer', 'checkout-api')).toHaveCount(1);
  await expect(canvas.edgeLabels).toHaveText(['HTTP :8080']);
});

test('a change made just before reloading is not lost', async ({ designer, page }) => {
  await designer.palette.drag('SQS queue', designer.canvas.root, { x: 0.1, y: 0.2 });
  await expect(designer.canvas.node('SQS queue')).toBeVisible();
  // No waiting for the debounce: the app must flush on page hide.
  await page.reload();
  await designer.ready();
  await expect(designer.canvas.node('SQS queue')).toBeVisible();
});

test('an unreadable autosave falls back to the previous good one instead of a blank design', async ({
  designer,
  page,
}) => {
  const { palette, canvas, storage } = designer;
  await palette.drag('SQS queue', canvas.root, { x: 0.1, y: 0.2 });
  await storage.waitForAutosave((d) => d.nodes.length === 1);
  await palette.drag('Lambda function', canvas.tier('Private subnet'));
  await storage.waitForAutosave((d) => d.nodes.length === 2);

  // The newest copy gets corrupted (a crash mid-write, a meddling extension).
  await page.evaluate(
    (key) => localStorage.setItem(key, '{"version": 2, "name": "trunc'),
    BrowserStorage.AUTOSAVE_KEY,
  );
  await page.reload();
  await designer.ready();
  expect(await canvas.nodeNames()).toEqual(['SQS queue']);
});
