import { mkdirSync } from 'node:fs';
import { test, expect } from '../fixtures/designer.ts';

// Issue 12 item 6: the seed's reference VPC, typed into the VPC inspector as a user would.
test('explicit subnet CIDRs typed in the VPC inspector are drawn on the canvas, and an overlapping one is flagged', async ({
  designer,
  page,
}) => {
  const { canvas, inspector, problems } = designer;
  const automatic = await canvas.cidrs('Public subnet');
  expect(automatic).toEqual(['10.0.0.0/24', '10.0.1.0/24']);

  // Select the VPC by its name in the header.
  await canvas.vpc('Main VPC').locator('.vpc-node__name').click();
  await expect(inspector.region).toContainText('VPC Main VPC');
  const subnets = inspector.region.getByRole('group', { name: 'Public subnets' });
  await expect(subnets).toContainText('10.0.0.0/24');

  // Switch the tier by keyboard: the inputs start from the CIDRs the tier had.
  const mode = inspector.region.getByLabel('Public subnet CIDRs', { exact: true });
  await mode.focus();
  await mode.selectOption('explicit');
  const cidr = (tier: string, zone: string) =>
    inspector.region.getByRole('textbox', { name: `${tier} subnet CIDR in ${zone}`, exact: true });
  await expect(cidr('Public', 'us-east-1a')).toHaveValue('10.0.0.0/24');
  await expect(cidr('Public', 'us-east-1b')).toHaveValue('10.0.1.0/24');

  const reference = {
    Public: ['10.0.1.0/24', '10.0.2.0/24'],
    Private: ['10.0.10.0/24', '10.0.20.0/24'],
    Isolated: ['10.0.100.0/24', '10.0.200.0/24'],
  } as const;
  for (const [tier, [a, b]] of Object.entries(reference)) {
    if (tier !== 'Public')
      await inspector.region.getByLabel(`${tier} subnet CIDRs`, { exact: true }).selectOption('explicit');
    await cidr(tier, 'us-east-1a').fill(a);
    await cidr(tier, 'us-east-1b').fill(b);
    await expect.poll(() => canvas.cidrs(`${tier} subnet` as 'Public subnet')).toEqual([a, b]);
  }
  await expect(inspector.region.getByRole('alert')).toHaveCount(0);
  mkdirSync('test-results/screens', { recursive: true });
  await inspector.region.screenshot({ path: 'test-results/screens/inspector-subnet-cidrs.png' });
  await designer.screenshot('designer-subnet-cidrs');

  // An overlapping CIDR: shown, flagged under its input and in Problems, with the way back.
  const privateB = cidr('Private', 'us-east-1b');
  await privateB.fill('10.0.2.0/24');
  await expect.poll(() => canvas.cidrs('Private subnet')).toEqual(['10.0.10.0/24', '10.0.2.0/24']);
  await expect(privateB).toHaveAttribute('aria-invalid', 'true');
  await expect(inspector.region.getByRole('alert')).toHaveText(
    'private subnet 2: 10.0.2.0/24 overlaps public subnet 2 (10.0.2.0/24)',
  );
  await inspector.region.screenshot({ path: 'test-results/screens/inspector-subnet-cidrs-overlap.png' });
  await problems.show();
  const finding = problems.finding('NET-07', 'overlaps public subnet 2');
  await expect(finding).toHaveCount(1);
  await expect(finding.getByRole('button', { name: 'Switch private subnets to automatic' })).toBeVisible();

  // Text that is not a CIDR stays a draft: an error under the input, nothing changes on the canvas.
  await privateB.fill('10.0.20.0/24');
  await expect(inspector.region.getByRole('alert')).toHaveCount(0);
  await privateB.fill('10.0.20.0/33');
  await expect(inspector.region.getByRole('alert')).toHaveText('Enter an IPv4 CIDR like 10.0.1.0/24');
  expect(await canvas.cidrs('Private subnet')).toEqual(['10.0.10.0/24', '10.0.20.0/24']);
  await privateB.press('Tab');
  await expect(privateB).toHaveValue('10.0.20.0/24');
  await expect(inspector.region.getByRole('alert')).toHaveCount(0);

  // Back to automatic: the tier is carved again, around the explicit ones.
  await inspector.region.getByLabel('Private subnet CIDRs', { exact: true }).selectOption('automatic');
  await expect.poll(() => canvas.cidrs('Private subnet')).toEqual(['10.0.0.0/24', '10.0.3.0/24']);
  await expect(cidr('Private', 'us-east-1a')).toHaveCount(0);
  await expect(inspector.region.getByRole('group', { name: 'Private subnets' })).toContainText('10.0.3.0/24');
  await inspector.region.screenshot({ path: 'test-results/screens/inspector-subnet-cidrs-mixed.png' });

  // One undo step puts the explicit CIDRs back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => canvas.cidrs('Private subnet')).toEqual(['10.0.10.0/24', '10.0.20.0/24']);
});
