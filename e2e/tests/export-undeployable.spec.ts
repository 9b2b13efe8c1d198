import { test, expect } from '../fixtures/designer.ts';
import { example } from '../fixtures/designs.ts';

/**
 * Issue 12 item 5: a design whose code would not deploy (NET-07, subnets that do not fit the VPC:
 * CDK synth throws) is not exported by accident. The dialog names the finding and its fix, and
 * Download zip stays disabled until the user ticks "Export anyway".
 */
test('Export refuses a VPC too small for its subnets until "Export anyway" is ticked', async ({
  designer,
  page,
}) => {
  test.setTimeout(120_000);
  const web = example('three-tier-web-app.json');
  const tiny = structuredClone(web.json);
  tiny.name = 'Tiny VPC shop';
  tiny.vpcs[0]!.cidr = '10.0.0.0/24';
  const dialog = designer.exportDialog;
  const blocking = dialog.dialog.getByRole('region', { name: 'Findings that stop the code from deploying' });
  const download = dialog.dialog.getByRole('button', { name: 'Download zip' });
  const anyway = dialog.checkbox('Export anyway (the code will not deploy)');

  // The counterpart first: the same design with a /16 exports straight away.
  await designer.files.open('web.archdesign.json', JSON.stringify(web.json));
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toContainText(web.name);
  await dialog.open();
  await expect(blocking).toHaveCount(0);
  await expect(download).toBeEnabled();
  await dialog.dialog.getByRole('button', { name: 'Cancel' }).click();

  await designer.files.open('tiny.archdesign.json', JSON.stringify(tiny));
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toContainText('Tiny VPC shop');
  await dialog.open();
  await expect(blocking).toBeVisible();
  await expect(blocking.getByRole('listitem')).toHaveCount(1);
  const item = blocking.getByRole('listitem').first();
  await expect(item).toContainText('NET-07');
  await expect(item).toContainText('10.0.0.0/24 has room for 1');
  await expect(item).toContainText('(fix: Change the VPC CIDR or subnet size)');
  await expect(download).toBeDisabled();
  await designer.screenshot('export-undeployable');

  await anyway.check();
  await expect(download).toBeEnabled();
  const { download: file, files } = await dialog.downloadZip();
  expect(file.suggestedFilename()).toBe('tiny-vpc-shop.zip');
  expect(Object.keys(files)).toContain('tiny-vpc-shop/terraform/network.tf');
  expect(files['tiny-vpc-shop/terraform/network.tf']).toContain('10.0.0.0/24');
});
