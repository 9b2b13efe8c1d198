import { test, expect } from '../fixtures/designer.ts';

test('marking an environment production in the inspector protects its table in that environment only', async ({
  designer,
  page,
}) => {
  const { palette, canvas, inspector, code } = designer;
  await palette.drag('DynamoDB table', canvas.root, { x: 0.75, y: 0.12 });
  await expect(canvas.serviceNodes).toHaveCount(1);
  // Nothing selected: the inspector edits the design and its environments.
  await canvas.root.locator('.react-flow__pane').click({ position: { x: 40, y: 500 } });
  const staging = inspector.region.getByRole('checkbox', { name: 'staging is production' });
  const prod = inspector.region.getByRole('checkbox', { name: 'prod is production' });
  await expect(prod).toBeVisible();
  // Older files carry no flag: "prod" is production by its name, "staging" is not.
  await expect(prod).toBeChecked();
  await expect(staging).not.toBeChecked();

  await code.show('Terraform');
  await expect
    .poll(async () => code.file('environments/staging.tfvars'), { timeout: 30_000 })
    .toMatch(/deletion_protection\w*\s*=\s*false/);

  await staging.check();
  await expect(staging).toBeChecked();
  await code.show('Terraform');
  await expect
    .poll(async () => code.file('environments/staging.tfvars'), { timeout: 30_000 })
    .toMatch(/deletion_protection\w*\s*=\s*true/);
  expect(await code.file('environments/dev.tfvars')).toMatch(/deletion_protection\w*\s*=\s*false/);

  // Undo takes the mark back.
  await page.keyboard.press('Control+z');
  await expect(staging).not.toBeChecked();
});
