import { test, expect } from '../fixtures/designer.ts';

test('an environment region set in the inspector reaches that environment only, and clearing it goes back to the design region', async ({
  designer,
}) => {
  const { inspector, code, exportDialog } = designer;
  // Nothing selected: the inspector edits the design, with one region field per environment.
  await expect(inspector.region).toBeVisible();
  const prodRegion = inspector.region.getByLabel('prod region', { exact: true });
  await expect(prodRegion).toHaveValue('');
  await expect(prodRegion).toHaveAttribute('placeholder', /us-east-1/);

  // A malformed region is refused with a message and changes nothing.
  await prodRegion.fill('Ireland');
  await expect(inspector.region.getByRole('alert')).toContainText('Region must be an AWS region');
  await prodRegion.fill('eu-west-1');
  await expect(inspector.region.getByRole('alert')).toHaveCount(0);
  await prodRegion.press('Tab');
  await expect(prodRegion).toHaveValue('eu-west-1');

  // Terraform: prod's tfvars deploys to eu-west-1, dev's stays in the design region.
  await code.show('Terraform');
  await expect
    .poll(async () => code.file('environments/prod.tfvars'), { timeout: 30_000 })
    .toMatch(/region\s*=\s*"eu-west-1"/);
  expect(await code.file('environments/dev.tfvars')).toMatch(/region\s*=\s*"us-east-1"/);

  // The exported zip: CloudFormation refuses any other region for prod, the CDK config pins it,
  // and the README deploys prod's stack with --region eu-west-1.
  await exportDialog.open();
  const { files } = await exportDialog.downloadZip();
  const slug = 'untitled-design';
  expect(files[`${slug}/cloudformation/template.yaml`]).toMatch(
    /ProdRegion:[\s\S]*?!Equals \[!Ref AWS::Region, eu-west-1\]/,
  );
  expect(files[`${slug}/cdk/lib/config.ts`]).toMatch(/prod: \{[^}]*region: 'eu-west-1'/);
  expect(files[`${slug}/README.md`]).toMatch(/-prod [^\n]*\n\s*--region eu-west-1/);
  expect(files[`${slug}/README.md`]).toMatch(/-dev [^\n]*\n\s*--region us-east-1/);

  // Clearing the field puts prod back in the design region.
  const cleared = inspector.region.getByLabel('prod region', { exact: true });
  await cleared.fill('');
  await expect(cleared).toHaveValue('');
  await code.show('Terraform');
  await expect
    .poll(async () => code.file('environments/prod.tfvars'), { timeout: 30_000 })
    .toMatch(/region\s*=\s*"us-east-1"/);
});
