import type { Page } from '@playwright/test';
import { test, expect } from '../fixtures/designer.ts';
import { exampleDesigns } from '../fixtures/designs.ts';

/** The visible lines of the Monaco editor in the Code panel (Monaco renders spaces as nbsp). */
function editorText(page: Page) {
  return page
    .getByRole('region', { name: 'Code' })
    .locator('.monaco-editor .view-lines')
    .evaluate((el) => (el.textContent ?? '').replace(/\u00a0/g, ' '));
}

for (const template of exampleDesigns()) {
  test(`template "${template.name}" opens with its services`, async ({ designer }) => {
    await designer.openTemplate(template.name);
    await expect(designer.page.getByRole('toolbar', { name: 'Main toolbar' })).toContainText(template.name);
    await expect(designer.canvas.serviceNodes).toHaveCount(template.nodeNames.length);
    expect(await designer.canvas.nodeNames()).toEqual([...template.nodeNames].sort());

    // Every target generates for it: a file list and code in the editor, no error.
    await designer.page.getByRole('tab', { name: 'Code' }).click();
    const code = designer.page.getByRole('region', { name: 'Code' });
    for (const target of ['CDK', 'Terraform', 'CloudFormation']) {
      await code.getByRole('tab', { name: target, exact: true }).click();
      await expect(
        code
          .getByRole('list', { name: `${target} files` })
          .getByRole('button')
          .first(),
      ).toBeVisible({ timeout: 30_000 });
      await expect(code.getByText('could not be generated')).toHaveCount(0);
      await expect.poll(() => editorText(designer.page), { timeout: 30_000 }).toMatch(/\S/);
    }
  });
}

test('the Code panel loads Monaco only when opened and shows CDK, Terraform and CloudFormation', async ({
  designer,
  scripts,
  page,
}) => {
  await designer.openTemplate('Three-tier web app');
  await expect(designer.canvas.serviceNodes).toHaveCount(10);
  await designer.page.waitForLoadState('networkidle');
  expect(await scripts.monacoLoaded(), 'Monaco must not be part of the first load').toBe(false);

  await page.getByRole('tab', { name: 'Code' }).click();
  const code = page.getByRole('region', { name: 'Code' });
  await expect(code).toBeVisible();
  await expect(code.locator('.monaco-editor')).toBeVisible({ timeout: 30_000 });
  expect(await scripts.monacoLoaded(), 'opening the Code panel loads Monaco').toBe(true);

  // Per target: which files to look in, and what generated code in one of them looks like.
  const expected: Record<string, { file: RegExp; code: RegExp }> = {
    CDK: { file: /^bin\/app\.ts$/, code: /new\s+\w*App\(/ },
    Terraform: { file: /\.tf$/, code: /resource\s+"aws_\w+"/ },
    CloudFormation: { file: /^template\.yaml$/, code: /AWS::\w+::\w+/ },
  };
  for (const [tab, want] of Object.entries(expected)) {
    await code.getByRole('tab', { name: tab, exact: true }).click();
    await expect(code.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    const files = code.getByRole('list', { name: `${tab} files` }).getByRole('button');
    await expect(files.first()).toBeVisible();
    const candidates = (await files.allTextContents()).filter((n) => want.file.test(n));
    expect(candidates.length, `${tab} has a file like ${want.file}`).toBeGreaterThan(0);
    let shown = '';
    for (const name of candidates) {
      await files.getByText(name, { exact: true }).click();
      await expect.poll(() => editorText(page)).not.toBe('');
      shown = await editorText(page);
      if (want.code.test(shown)) break;
    }
    expect(shown).toMatch(want.code);
    if (tab === 'CDK') await designer.screenshot('code-panel');
  }
});

test('the three-tier template in the dark theme', async ({ designer, page }) => {
  await designer.openTemplate('Three-tier web app');
  await expect(designer.canvas.serviceNodes).toHaveCount(10);
  const before = await designer.canvas.root.evaluate((el) => getComputedStyle(el).backgroundColor);
  await designer.toolbar.button('Toggle theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect
    .poll(() => designer.canvas.root.evaluate((el) => getComputedStyle(el).backgroundColor))
    .not.toBe(before);
  await designer.screenshot('dark-theme');
  // The choice is remembered across a reload.
  await page.reload();
  await designer.ready();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
