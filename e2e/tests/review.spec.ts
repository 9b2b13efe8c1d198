import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect, designWithFindings, shareFragment, pngSize } from '../fixtures/review.ts';
import { BrowserStorage } from '../fixtures/designer.ts';

const REASON = 'Reviewed with the DBA team, private subnet until the Q3 migration';
const NOTE = 'Check connection pool size before launch';

test('a facilitator runs a review from a shared link: copy, walk, accept a risk, notes, cost, pictures and the zip', async ({
  designer,
  review,
  page,
}) => {
  const { canvas, storage } = designer;
  // The user's own work, autosaved before the shared link is opened.
  await designer.palette.drag('Lambda function', canvas.tier('Private subnet'));
  await storage.waitForAutosave((d) => d.nodes.some((n) => n.name === 'Lambda function'));

  const shared = designWithFindings();
  await review.openShared(shareFragment(shared));
  await expect(review.banner).toContainText('Shared design — read-only');
  await expect(canvas.node('Orders database')).toBeVisible();
  await expect(canvas.node('Lambda function')).toHaveCount(0);
  // Read-only: editing commands are off, the Accept risk button too.
  await expect(designer.toolbar.button('Add VPC')).toBeDisabled();
  await review.panel.show();
  await expect(review.panel.button('Accept risk')).toBeDisabled();
  // Nothing touched the user's autosave.
  expect(await storage.get(BrowserStorage.AUTOSAVE_KEY)).toContain('Lambda function');

  await review.banner.getByRole('button', { name: 'Make a copy' }).click();
  await expect(review.banner).toBeHidden();
  await storage.waitForAutosave((d) => d.nodes.some((n) => n.name === 'Orders database'));
  expect(new URL(page.url()).hash).toBe('');
  await expect(designer.toolbar.button('Add VPC')).toBeEnabled();

  // Scorecard and the walk through the findings.
  await expect(review.panel.pillar('Security')).toBeVisible();
  await expect(review.panel.pillar('Reliability')).toBeVisible();
  // Worst first: the critical database placement, then the cache's findings.
  await expect(review.panel.position).toHaveText(/^1 of \d+$/);
  const total = Number((await review.panel.position.innerText()).split(' of ')[1]);
  expect(total).toBeGreaterThanOrEqual(2);
  await expect(review.panel.current).toContainText('Orders database');
  await expect(review.panel.button('Previous')).toBeDisabled();
  await review.panel.button('Next').click();
  await expect(review.panel.position).toHaveText(`2 of ${total}`);
  await expect(review.panel.current).toContainText('Session cache');
  await expect(canvas.node('Session cache')).toHaveClass(/selected/);
  await review.panel.button('Previous').click();
  await expect(review.panel.position).toHaveText(`1 of ${total}`);
  await expect(canvas.node('Orders database')).toHaveClass(/selected/);
  await designer.screenshot('review-panel');

  // Accept risk needs a reason.
  await review.panel.button('Accept risk').click();
  await review.panel.button('Accept').click();
  await expect(review.panel.reason).toBeVisible();
  await expect(review.panel.acceptedRisks).toHaveCount(0);
  await review.panel.reason.fill(REASON);
  await review.panel.button('Accept').click();
  await expect(review.panel.acceptedRisks).toContainText(REASON);
  await expect(review.panel.position).toHaveText(`1 of ${total - 1}`);
  await expect(review.panel.current).toContainText('Session cache');
  // Undoable, like every edit.
  await designer.toolbar.undo();
  await expect(review.panel.acceptedRisks).toHaveCount(0);
  await expect(review.panel.position).toHaveText(`1 of ${total}`);
  await designer.toolbar.redo();
  await expect(review.panel.acceptedRisks).toContainText(REASON);
  await designer.screenshot('review-panel-accepted');

  // Notes: from the inspector, and from the context menu; a pin on the node shows the count.
  await canvas.select('Web service');
  await page.getByRole('tab', { name: 'Inspector', exact: true }).click();
  await designer.inspector.region.getByRole('button', { name: 'Add note', exact: true }).click();
  await review.notes.add('Web service', NOTE);
  await review.notes.on('Web service').getByRole('button', { name: 'Close' }).click();
  await expect(review.notes.pin('Web service')).toHaveText('1');
  await canvas.node('Web service').locator('.service-node__text').click({ button: 'right' });
  await page.getByRole('menuitem', { name: /^Add note/ }).click();
  await review.notes.add('Web service', 'Second thought: add an alarm on CPU');
  const dialog = review.notes.on('Web service');
  await dialog
    .getByRole('listitem')
    .filter({ hasText: 'Second thought' })
    .getByRole('button', { name: 'Edit' })
    .click();
  await dialog.getByLabel('Edit note').fill('Second thought: alarm on CPU above 80%');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toContainText('alarm on CPU above 80%');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(review.notes.pin('Web service')).toHaveText('2');
  await review.notes.pin('Web service').click();
  await dialog
    .getByRole('listitem')
    .filter({ hasText: 'Second thought' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(review.notes.pin('Web service')).toHaveText('1');

  // Cost per environment, and a usage assumption that changes it.
  await review.cost.show();
  await review.cost.environment.selectOption('dev');
  const dev = await review.cost.totalCost();
  await review.cost.environment.selectOption('prod');
  await expect.poll(() => review.cost.totalCost()).not.toBe(dev);
  const prod = await review.cost.totalCost();
  expect(prod).toBeGreaterThan(dev);
  const before = await review.cost.nodeCost('Web ALB');
  await review.cost.node('Web ALB').locator('summary').click();
  await review.cost
    .node('Web ALB')
    .getByLabel(/^Average LCUs/)
    .fill('20');
  await expect.poll(() => review.cost.nodeCost('Web ALB')).toBeGreaterThan(before);
  await expect.poll(() => review.cost.totalCost()).toBeGreaterThan(prod);
  await designer.screenshot('cost-panel');

  // Pictures.
  const png = await review.downloadFromExportDialog('Export PNG');
  expect(png.name).toMatch(/\.png$/);
  const size = pngSize(png.bytes);
  mkdirSync('test-results/screens', { recursive: true });
  writeFileSync('test-results/screens/diagram-export.png', png.bytes);
  expect(size.width).toBeGreaterThan(800);
  expect(size.height).toBeGreaterThan(600);
  const svg = await review.downloadFromExportDialog('Export SVG');
  const svgText = svg.bytes.toString('utf8');
  expect(svgText).toMatch(/^<svg /);
  for (const name of ['Orders database', 'Web ALB', 'Session cache']) expect(svgText).toContain(name);
  // Self-contained: every icon is inlined, none is a link to the app's assets.
  const icons = [...svgText.matchAll(/<image [^>]*href="([^"]{0,16})/g)].map((m) => m[1]);
  expect(icons.length).toBeGreaterThanOrEqual(8);
  expect(icons.every((href) => href!.startsWith('data:image/'))).toBe(true);

  // The zip: REVIEW.md with the reason and the note; the generated code acknowledges the risk.
  const { files } = await designer.exportDialog.downloadZip();
  const reviewMd = Object.entries(files).find(([path]) => path.endsWith('REVIEW.md'))?.[1] ?? '';
  expect(reviewMd).toContain(REASON);
  expect(reviewMd).toContain(NOTE);
  const code = Object.entries(files).filter(
    ([path]) => /\.(tf|ya?ml|ts)$/.test(path) && !path.endsWith('.md'),
  );
  const acknowledging = code.filter(([, text]) => text.includes(REASON)).map(([path]) => path);
  expect(acknowledging.some((p) => p.endsWith('.tf'))).toBe(true);
  expect(acknowledging.some((p) => /template\.ya?ml$/.test(p))).toBe(true);
});

test("a damaged share link shows an error and keeps the user's own design", async ({ designer, review }) => {
  await designer.palette.drag('Lambda function', designer.canvas.tier('Private subnet'));
  await designer.storage.waitForAutosave((d) => d.nodes.some((n) => n.name === 'Lambda function'));
  // A real link with its data cut short.
  const fragment = shareFragment(designWithFindings());
  await review.openShared(fragment.slice(0, fragment.length - 40));
  await expect(designer.alert).toContainText('share link could not be opened');
  await expect(designer.canvas.node('Lambda function')).toBeVisible();
  await expect(review.banner).toBeHidden();
});

test('presentation mode hides the panels and enlarges the type; Escape ends it', async ({
  designer,
  review,
  page,
}) => {
  await review.openShared(shareFragment(designWithFindings()));
  const palette = page.getByRole('searchbox', { name: 'Search services' });
  await expect(palette).toBeVisible();
  const nameSize = () =>
    designer.canvas
      .node('Orders database')
      .locator('.service-node__name')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const normal = await nameSize();
  await designer.canvas.root.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Details' })).toBeHidden();
  expect(await nameSize()).toBeGreaterThan(normal);
  // The canvas takes the whole window.
  const viewport = page.viewportSize()!;
  await expect
    .poll(async () => (await designer.canvas.root.boundingBox())?.height ?? 0)
    .toBeGreaterThan(viewport.height * 0.95);
  await expect(designer.canvas.node('Orders database')).toBeVisible();
  await designer.screenshot('presentation-mode');
  await page.keyboard.press('Escape');
  await expect(palette).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
});

test('Share link gives a URL that opens the same design read-only', async ({ designer, page }) => {
  await designer.openTemplate('Three-tier web app');
  await expect(designer.canvas.node('Orders database')).toBeVisible();
  await designer.toolbar.button('Share link').click();
  const dialog = page.getByRole('dialog', { name: 'Share link' });
  const url = await dialog.getByRole('textbox').inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#design=[A-Za-z0-9_-]+$/);
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  // Someone else opens it: a fresh page (nothing autosaved there).
  const other = await page.context().browser()!.newPage();
  await other.goto(url);
  await expect(other.getByRole('region', { name: 'Shared design', exact: true })).toBeVisible();
  for (const name of ['Orders database', 'Web ALB', 'Session cache'])
    await expect(other.getByRole('group', { name, exact: true })).toBeVisible();
  // Read-only: the VPC header offers no buttons that would edit the design.
  await expect(other.locator('.react-flow__node-vpc')).toHaveCount(1);
  for (const name of ['Add availability zone', 'Remove availability zone', /^Remove VPC/])
    await expect(other.getByRole('button', { name })).toHaveCount(0);
  await other.close();
});
