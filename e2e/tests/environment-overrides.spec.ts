import { test, expect } from '../fixtures/designer.ts';

/** A memory size no default or example uses, so finding it in the output can only mean the override. */
const PROD_MEMORY = '1536';

test('a prod override is marked in the inspector, reaches the Terraform tfvars, and reset clears it', async ({
  designer,
}) => {
  const { palette, canvas, inspector, code } = designer;
  await palette.drag('Lambda function', canvas.root, { x: 0.15, y: 0.15 });
  await canvas.select('Lambda function');
  await expect(inspector.region).toBeVisible();
  const memory = inspector.region.getByLabel(/^Memory/);

  // Base design: no markers.
  await expect(inspector.environment('Base')).toHaveAttribute('aria-checked', 'true');
  await expect(inspector.overrideMarkers).toHaveCount(0);
  const baseMemory = await memory.inputValue();
  expect(baseMemory).not.toBe(PROD_MEMORY);

  await inspector.environment('prod').click();
  await expect(inspector.environment('prod')).toHaveAttribute('aria-checked', 'true');
  await memory.fill(PROD_MEMORY);
  await memory.press('Enter');
  await expect(inspector.overrideMarkers).toHaveCount(1);
  await expect(inspector.region.locator('.field--marked')).toContainText('Memory');

  // The base value is unchanged.
  await inspector.environment('Base').click();
  await expect(memory).toHaveValue(baseMemory);
  await expect(inspector.overrideMarkers).toHaveCount(0);

  // Terraform: prod's tfvars carries the override, dev's does not.
  await code.show('Terraform');
  const prod = await code.file('environments/prod.tfvars');
  expect(prod).toMatch(new RegExp(`memory_size\\s*=\\s*${PROD_MEMORY}\\b`));
  const dev = await code.file('environments/dev.tfvars');
  expect(dev).not.toContain(PROD_MEMORY);

  // Reset in prod: the marker goes, and so does the value in the generated tfvars.
  await canvas.select('Lambda function');
  await inspector.environment('prod').click();
  await inspector.region.getByRole('button', { name: /^Reset Memory/ }).click();
  await expect(inspector.overrideMarkers).toHaveCount(0);
  await expect(memory).toHaveValue(baseMemory);
  await expect
    .poll(async () => code.file('environments/prod.tfvars'), { timeout: 30_000 })
    .not.toContain(PROD_MEMORY);
});
