import { test, expect } from '../fixtures/designer.ts';

test('adding and removing an availability zone redraws the lanes and the subnet CIDRs', async ({
  designer,
}) => {
  const { canvas } = designer;
  const vpc = canvas.vpcs.first();
  const addAz = vpc.getByRole('button', { name: 'Add availability zone' });
  const removeAz = vpc.getByRole('button', { name: 'Remove availability zone' });

  const before = await canvas.cidrs('Public subnet');
  expect(before.length).toBeGreaterThanOrEqual(2);
  expect(before.every((c) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(c))).toBe(true);

  if (await addAz.isEnabled()) {
    await addAz.click();
    await expect.poll(() => canvas.cidrs('Public subnet')).toHaveLength(before.length + 1);
    const more = await canvas.cidrs('Public subnet');
    expect(new Set(more).size, 'each AZ gets its own subnet').toBe(more.length);
    // Every tier band gets the new lane, and no CIDR is used twice across bands.
    const all = [
      ...more,
      ...(await canvas.cidrs('Private subnet')),
      ...(await canvas.cidrs('Isolated subnet')),
    ];
    expect(new Set(all).size).toBe(all.length);
    await removeAz.click();
    await expect.poll(() => canvas.cidrs('Public subnet')).toEqual(before);
  }

  // Down to the minimum, then the button refuses.
  while (await removeAz.isEnabled()) {
    const count = (await canvas.cidrs('Public subnet')).length;
    await removeAz.click();
    await expect.poll(() => canvas.cidrs('Public subnet')).toHaveLength(count - 1);
  }
  expect((await canvas.cidrs('Public subnet')).length).toBe(2);
  await expect(removeAz).toBeDisabled();
  await expect(addAz).toBeEnabled();
});

test('Add VPC draws a second VPC with its own bands; Remove VPC takes it away', async ({
  designer,
  page,
}) => {
  const { canvas, toolbar } = designer;
  await expect(canvas.vpcs).toHaveCount(1);
  await expect(canvas.tier('Public subnet')).toHaveCount(1);

  await toolbar.button('Add VPC').click();
  await expect(canvas.vpcs).toHaveCount(2);
  await expect(canvas.tier('Public subnet')).toHaveCount(2);
  const names = await canvas.vpcs.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(new Set(names).size, 'the new VPC has its own name').toBe(2);
  const added = names[1]!.replace(/^VPC /, '');

  // Both VPCs get non-overlapping CIDR ranges.
  const cidrTexts = await canvas.vpcs.locator('.vpc-node__cidr').allTextContents();
  expect(new Set(cidrTexts).size).toBe(2);

  // The new VPC is drawn below the first one, with its header under the bottom dock: bring it into
  // view as a person would, rather than rely on Playwright scrolling the canvas's clipped layer.
  await designer.fitView();
  await canvas
    .vpc(added)
    .getByRole('button', { name: `Remove VPC ${added}` })
    .click();
  await expect(canvas.vpcs).toHaveCount(1);
  await expect(canvas.tier('Public subnet')).toHaveCount(1);
  await expect(page.getByRole('group', { name: `VPC ${added}`, exact: true })).toHaveCount(0);
});
