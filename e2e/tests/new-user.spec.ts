import { test, expect } from '../fixtures/designer.ts';

test('a new user builds a three-tier design and downloads it as IaC', async ({ designer, page }) => {
  const { palette, canvas, problems, exportDialog } = designer;

  await expect(canvas.serviceNodes).toHaveCount(0);
  await designer.screenshot('designer-empty');

  await palette.drag('Application Load Balancer', canvas.tier('Public subnet'), { x: 0.3, y: 0.6 });
  await palette.drag('ECS Fargate service', canvas.tier('Private subnet'), { x: 0.5, y: 0.6 });
  await palette.drag('Aurora cluster', canvas.tier('Isolated subnet'), { x: 0.7, y: 0.6 });

  await expect(canvas.node('Application Load Balancer')).toBeVisible();
  await expect(canvas.node('ECS Fargate service')).toBeVisible();
  await expect(canvas.node('Aurora cluster')).toBeVisible();
  expect(await canvas.containerOf('Application Load Balancer')).toBe('Public subnet');
  expect(await canvas.containerOf('ECS Fargate service')).toBe('Private subnet');
  expect(await canvas.containerOf('Aurora cluster')).toBe('Isolated subnet');

  await canvas.connect('Application Load Balancer', 'ECS Fargate service');
  await canvas.connect('ECS Fargate service', 'Aurora cluster');

  // Each edge says what it carries: the target's listener protocol and port.
  await expect(canvas.edges).toHaveCount(2);
  await expect(canvas.edgeLabels).toHaveCount(2);
  await expect(canvas.edgeLabels.filter({ hasText: /^HTTP :8080$/ })).toHaveCount(1);
  await expect(canvas.edgeLabels.filter({ hasText: /^TCP :(5432|3306)$/ })).toHaveCount(1);
  await expect(canvas.edgeBetween('Application Load Balancer', 'ECS Fargate service')).toHaveCount(1);
  await expect(canvas.edgeBetween('ECS Fargate service', 'Aurora cluster')).toHaveCount(1);
  await page.getByRole('button', { name: 'Fit view' }).click();
  await designer.screenshot('designer-three-tier');

  // What the Problems panel lists now is what the README must list.
  await problems.show();
  const listed = await problems.listed();
  expect(listed.length).toBeGreaterThan(0);

  await exportDialog.open();
  await designer.screenshot('export-dialog');
  for (const target of ['CDK', 'Terraform', 'CloudFormation'])
    await expect(exportDialog.checkbox(target)).toBeChecked();
  const environments = await exportDialog.dialog
    .getByRole('group', { name: 'Environments' })
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((b) => b.parentElement?.textContent?.trim() ?? ''));
  expect(environments.length).toBeGreaterThan(1);
  // Export every target but leave the first environment out.
  const [leftOut, ...exported] = environments as [string, ...string[]];
  await exportDialog.checkbox(leftOut).uncheck();
  await expect(exportDialog.checkbox(leftOut)).not.toBeChecked();

  const { download, files } = await exportDialog.downloadZip();
  await expect(exportDialog.dialog).toBeHidden();
  const slug = 'untitled-design';
  expect(download.suggestedFilename()).toBe(`${slug}.zip`);

  const paths = Object.keys(files);
  expect(paths.every((p) => p.startsWith(`${slug}/`))).toBe(true);
  expect(paths).toContain(`${slug}/README.md`);
  expect(paths).toContain(`${slug}/cdk/bin/app.ts`);
  expect(paths).toContain(`${slug}/cloudformation/template.yaml`);

  const terraform = paths.filter((p) => p.startsWith(`${slug}/terraform/`) && p.endsWith('.tf'));
  expect(terraform.length).toBeGreaterThan(0);
  expect(terraform.map((p) => files[p]).join('\n')).toMatch(/resource\s+"aws_lb"\s+"/);
  expect(files[`${slug}/cloudformation/template.yaml`]).toContain(
    'AWS::ElasticLoadBalancingV2::LoadBalancer',
  );
  expect(files[`${slug}/cdk/bin/app.ts`]).toMatch(/new\s+\w*App\(/);

  // The README names the chosen environments only and lists the open findings.
  const readme = files[`${slug}/README.md`]!;
  const envLine = readme.split('\n').find((l) => l.includes('environments:')) ?? '';
  for (const env of exported) expect(envLine).toContain(`\`${env}\``);
  expect(envLine).not.toContain(`\`${leftOut}\``);
  const openCount = Number(/## Open findings \((\d+)\)/.exec(readme)?.[1]);
  expect(openCount).toBeGreaterThan(0);
  // Findings that hold in every environment are in the README whatever was exported.
  for (const { ruleId } of listed.filter((f) => f.environment === null))
    expect(readme).toContain(`\`${ruleId}\``);
});
