import { SERVICES } from '@archgen/model';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from '../fixtures/designer.ts';

test('every control the brief names is there by role and accessible name', async ({ designer, page }) => {
  for (const name of [
    'Templates',
    'Save',
    'Undo',
    'Redo',
    'Auto layout',
    'Fit view',
    'Toggle theme',
    'Keyboard shortcuts',
    'Export',
  ])
    await expect(page.getByRole('button', { name, exact: true }), `button "${name}"`).toHaveCount(1);
  await expect(page.getByLabel('Open', { exact: true })).toHaveAttribute('type', 'file');
  await expect(page.getByRole('searchbox', { name: 'Search services' })).toBeVisible();

  // One palette item per catalog service, named by its display name (an import-only kept
  // resource is not offered).
  for (const service of SERVICES.filter((s) => !s.importOnly))
    await expect(designer.palette.item(service.displayName), service.displayName).toHaveCount(1);

  await expect(designer.canvas.vpc('Main VPC')).toBeVisible();
  for (const tier of ['Public subnet', 'Private subnet', 'Isolated subnet'] as const)
    await expect(designer.canvas.tier(tier)).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Problems' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeVisible();
  await page.getByRole('tab', { name: 'Code' }).click();
  await expect(page.getByRole('region', { name: 'Code' })).toBeVisible();

  // A node on the canvas is named by the node's name.
  await designer.palette.drag('SQS queue', designer.canvas.root, { x: 0.1, y: 0.2 });
  await expect(page.getByRole('group', { name: 'SQS queue', exact: true })).toHaveCount(1);

  await designer.exportDialog.open();
  await expect(
    page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Download zip' }),
  ).toBeEnabled();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeHidden();
});

test('the palette search narrows the services by name', async ({ designer }) => {
  const { palette } = designer;
  await palette.search.fill('queue');
  await expect(palette.item('SQS queue')).toBeVisible();
  await expect(palette.item('Aurora cluster')).toHaveCount(0);
  await palette.search.fill('');
  await expect(palette.item('Aurora cluster')).toBeVisible();
});

test('Tab reaches the toolbar and the palette', async ({ designer: _designer, page }) => {
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const reached: string[] = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
      }),
    );
  }
  expect(reached).toContain('Templates');
  expect(reached).toContain('Export');
  expect(reached).toContain('Search services');
  expect(reached).toContain('API Gateway');
  // From a palette item, Enter adds the service without a mouse.
  const item = page.getByRole('button', { name: 'API Gateway', exact: true });
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.locator('.react-flow__node-service').and(page.getByRole('group', { name: 'API Gateway' })),
  ).toHaveCount(1);
});

test('"?" opens the Keyboard shortcuts dialog listing the shortcuts', async ({
  designer: _designer,
  page,
}) => {
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('dt', { hasText: /^Undo$/ })).toHaveCount(1);
  await expect(dialog.locator('.shortcut-list__row', { hasText: /^Undo/ }).locator('kbd')).toHaveText([
    'Ctrl+Z',
  ]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

/**
 * Serious and critical axe-core violations (WCAG 2.1 A and AA) on the page, or inside `within`
 * (a dialog, a menu), one readable line each.
 */
async function seriousViolations(page: Page, what: string, within?: string): Promise<string[]> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  // Monaco draws its own editor DOM (hundreds of spans); it is not ours to fix and slows the scan.
  axe = within ? axe.include(within) : axe.exclude('.monaco-editor');
  const result = await axe.analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${what}: ${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
      ),
    );
}

test.describe('axe-core scan: no serious or critical violation', () => {
  test.describe.configure({ timeout: 180_000 });

  test('the designer with a design, a selected service and the Inspector', async ({ designer, page }) => {
    await designer.openTemplate('Three-tier web app');
    await designer.fitView();
    await designer.canvas.select('Orders database');
    const found = await seriousViolations(page, 'designer');
    expect(found, found.join('\n')).toEqual([]);
  });

  test('review mode: the Review tab, the Cost panel and presentation', async ({ designer, page }) => {
    await designer.openTemplate('Three-tier web app');
    await page.getByRole('tab', { name: 'Review', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Review', exact: true })).toBeVisible();
    await page.getByRole('tab', { name: 'Cost' }).click();
    await expect(page.getByRole('region', { name: 'Cost', exact: true })).toBeVisible();
    const found = await seriousViolations(page, 'review');
    await page.getByRole('button', { name: 'Presentation', exact: true }).click();
    found.push(...(await seriousViolations(page, 'presentation')));
    expect(found, found.join('\n')).toEqual([]);
  });

  test('the dialogs and menus', async ({ designer, page }) => {
    await designer.openTemplate('Three-tier web app');
    await designer.fitView();
    const found: string[] = [];
    for (const name of ['Export', 'Templates', 'Keyboard shortcuts', 'Share link'] as const) {
      await page.getByRole('button', { name, exact: true }).click();
      const dialog = page.getByRole('dialog').last();
      await expect(dialog).toBeVisible();
      found.push(...(await seriousViolations(page, `${name} dialog`, '[role="dialog"]')));
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
    await designer.canvas.select('Orders database');
    await page
      .getByRole('region', { name: 'Inspector' })
      .getByRole('button', { name: 'Add note', exact: true })
      .click();
    await expect(page.getByRole('dialog', { name: /^Notes on / })).toBeVisible();
    found.push(...(await seriousViolations(page, 'Notes dialog', '[role="dialog"]')));
    await page.keyboard.press('Escape');

    await designer.canvas.select('Web service');
    await page.keyboard.press('c');
    await expect(page.getByRole('dialog', { name: 'Connect Web service to…' })).toBeVisible();
    found.push(...(await seriousViolations(page, 'Connect to dialog', '[role="dialog"]')));
    await page.keyboard.press('Escape');

    await designer.canvas.node('Web service').focus();
    await page.keyboard.press('Shift+F10');
    await expect(page.getByRole('menu', { name: 'Canvas actions' })).toBeVisible();
    found.push(...(await seriousViolations(page, 'context menu', '[role="menu"]')));
    await page.keyboard.press('Escape');
    expect(found, found.join('\n')).toEqual([]);
  });
});
