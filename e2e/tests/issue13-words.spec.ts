/**
 * Issue 13 items 7 and 8: what the app says (refusals, findings, palette search) and the small
 * things around it (read-only quick fixes, Remove VPC, collapsible side panels).
 */
import { test, expect, designWithFindings, shareFragment } from '../fixtures/review.ts';

test('connecting Fargate to the NAT gateway is refused with what to do instead', async ({ designer }) => {
  const { canvas, palette } = designer;
  await palette.drag('ECS Fargate service', canvas.tier('Private subnet'), { x: 0.2, y: 0.5 });
  await palette.drag('NAT gateway', canvas.tier('Public subnet'), { x: 0.85, y: 0.5 });
  await canvas.connect('ECS Fargate service', 'NAT gateway');
  await expect(designer.alert).toContainText('route table');
  await expect(designer.alert).not.toContainText('only accepts connections from');
  await expect(canvas.edgeBetween('ECS Fargate service', 'NAT gateway')).toHaveCount(0);
  // The counterpart: an allowed pair connects, with no refusal.
  await palette.drag('Application Load Balancer', canvas.tier('Public subnet'), { x: 0.15, y: 0.5 });
  await canvas.connect('Application Load Balancer', 'ECS Fargate service');
  await expect(canvas.edgeBetween('Application Load Balancer', 'ECS Fargate service')).toHaveCount(1);
});

test('a new connection with its generated label ("HTTP :8080") raises no "has no label" finding', async ({
  designer,
}) => {
  const { canvas, palette, problems } = designer;
  await palette.drag('Application Load Balancer', canvas.tier('Public subnet'), { x: 0.3, y: 0.5 });
  await palette.drag('ECS Fargate service', canvas.tier('Private subnet'), { x: 0.6, y: 0.5 });
  await canvas.connect('Application Load Balancer', 'ECS Fargate service');
  const edge = canvas.edgeBetween('Application Load Balancer', 'ECS Fargate service');
  await expect(edge).toHaveCount(1);
  await expect(canvas.edgeLabels.filter({ hasText: /:\d+$/ })).toHaveCount(1);
  await problems.show();
  // Findings on the pair are listed (so the list is current), but none says the label is missing.
  await expect(problems.findings.first()).toBeVisible();
  await expect(problems.region).not.toContainText('has no label');
});

test('findings use "an" before vowels and treat "Internet users" as plural', async ({ designer }) => {
  const { canvas, palette, problems } = designer;
  await palette.drag('Internet users', canvas.tier('Public subnet'), { x: 0.3, y: 0.5 });
  await palette.drag('Aurora cluster', canvas.root, { x: 0.12, y: 0.15 });
  await problems.show();
  const users = problems.finding('PLC-02', 'Internet users');
  await expect(users).toHaveCount(1);
  await expect(users).toContainText('Internet users are regional');
  await expect(users).not.toContainText('a Internet users');
  const aurora = problems.finding('PLC-02', 'Aurora cluster');
  await expect(aurora).toContainText('an Aurora cluster');
  await expect(problems.region).not.toContainText(/\ba [AEIOU]\w+ (cluster|users|workgroup)/);
});

test('the read-only share view disables the Problems quick-fix buttons', async ({ designer, review }) => {
  await review.openShared(shareFragment(designWithFindings()));
  await expect(review.banner).toBeVisible();
  await designer.problems.show();
  const fix = designer.problems
    .finding('EC-01', 'Session cache')
    .first()
    .getByRole('button', { name: /^(Encrypt|Require)/ });
  await expect(fix.first()).toBeVisible();
  await expect(fix.first()).toBeDisabled();
  // Once copied, the same button works.
  await review.banner.getByRole('button', { name: 'Make a copy' }).click();
  await expect(fix.first()).toBeEnabled();
});

test('Remove VPC with services inside asks first, naming how many, and the Inspector follows', async ({
  designer,
  page,
}) => {
  const { canvas, palette, inspector } = designer;
  await palette.drag('Lambda function', canvas.tier('Private subnet'), { x: 0.3, y: 0.5 });
  await palette.drag('ECS Fargate service', canvas.tier('Private subnet'), { x: 0.7, y: 0.5 });
  await canvas.select('Lambda function');
  await expect(inspector.placement).toBeVisible();
  expect(await inspector.placementText()).toMatch(/Private subnet/);

  const remove = canvas.vpc('Main VPC').getByRole('button', { name: 'Remove VPC Main VPC' });
  await remove.click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove VPC Main VPC?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('2 services');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(canvas.vpc('Main VPC')).toBeVisible();
  await expect(remove).toBeFocused();

  await remove.click();
  await confirm.getByRole('button', { name: 'Remove VPC', exact: true }).click();
  await expect(canvas.vpcs).toHaveCount(0);
  // The Inspector shows nothing of the removed VPC, and the services as they now are.
  await expect(inspector.region).not.toContainText('Main VPC');
  await canvas.select('Lambda function');
  await expect(inspector.name).toHaveValue('Lambda function');
  expect(await inspector.placementText()).not.toMatch(/Main VPC|Private subnet/);
  // Focus is not dropped on the page body.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
});

test.describe('at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the side panels collapse, and the canvas grows', async ({ designer, page }) => {
    const before = await designer.canvas.root.boundingBox();
    const services = page.getByRole('button', { name: 'Collapse services panel' });
    const details = page.getByRole('button', { name: 'Collapse details panel' });
    await expect(services).toHaveAttribute('aria-expanded', 'true');
    await services.click();
    await details.click();
    const expandServices = page.getByRole('button', { name: 'Expand services panel' });
    await expect(expandServices).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('button', { name: 'Expand details panel' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await expect(page.getByRole('searchbox', { name: 'Search services' })).toBeHidden();
    await expect
      .poll(async () => (await designer.canvas.root.boundingBox())!.width)
      .toBeGreaterThan(before!.width + 300);
    await expandServices.click();
    await expect(page.getByRole('searchbox', { name: 'Search services' })).toBeVisible();
  });
});

test('palette search knows abbreviations and says what is not in the catalog yet', async ({
  designer,
  page,
}) => {
  const { palette } = designer;
  for (const [query, service] of [
    ['elb', 'Application Load Balancer'],
    ['k8s', 'EKS cluster'],
    ['bucket', 'S3 bucket'],
    ['sfn', 'Step Functions state machine'],
    ['kafka', 'MSK cluster'],
    ['nfs', 'EFS file system'],
    ['bastion', 'Bastion host (Session Manager)'],
    ['firewall', 'WAF web ACL'],
    ['backup', 'Backup plan'],
    ['snapshot', 'Backup plan'],
    ['acm', 'ACM certificate'],
    ['certificate', 'ACM certificate'],
    ['audit log', 'CloudTrail trail'],
    ['compliance', 'Config recorder'],
  ] as const) {
    await palette.search.fill(query);
    await expect(palette.item(service), query).toBeVisible();
  }
  for (const [query, missing, closest] of [['fsx', 'Amazon FSx', 'S3 bucket']] as const) {
    await palette.search.fill(query);
    await expect(page.getByRole('status').filter({ hasText: 'not in the catalog yet' })).toContainText(
      `${missing} is not in the catalog yet`,
    );
    await expect(palette.item(closest)).toBeVisible();
  }
});
