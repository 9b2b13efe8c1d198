import { test, expect } from '../fixtures/designer.ts';

test('dropping a service into a subnet leaves the VPC where it was', async ({ designer }) => {
  const vpc = designer.canvas.vpc('Main VPC');
  const before = await vpc.boundingBox();
  await designer.palette.drag('Lambda function', designer.canvas.tier('Private subnet'), { x: 0.25, y: 0.6 });
  await expect(designer.canvas.node('Lambda function')).toBeVisible();
  const after = await vpc.boundingBox();
  // The band the user aimed at must not slide away from under the pointer.
  expect(Math.abs(after!.x - before!.x)).toBeLessThan(3);
  expect(Math.abs(after!.y - before!.y)).toBeLessThan(3);
});

test('dragging a node into another band or out of the VPC changes its placement, and the rules react', async ({
  designer,
}) => {
  const { palette, canvas, problems, inspector } = designer;
  await palette.drag('RDS database', canvas.tier('Isolated subnet'), { x: 0.3, y: 0.6 });
  await expect(canvas.node('RDS database')).toBeVisible();
  await designer.fitView();
  await problems.show();
  await expect(problems.finding('NET-04', 'RDS database')).toHaveCount(0);

  // Up into the Private subnet band: a database there is a placement finding.
  const node = await canvas.node('RDS database').boundingBox();
  const privateBand = await canvas.tier('Private subnet').boundingBox();
  await canvas.move('RDS database', {
    x: 0,
    y: privateBand!.y + privateBand!.height / 2 - (node!.y + node!.height / 2),
  });
  await expect.poll(() => canvas.containerOf('RDS database')).toBe('Private subnet');
  await canvas.select('RDS database');
  expect(await inspector.placementText()).toMatch(/Private subnet$/);
  await expect(problems.finding('NET-04', 'RDS database')).toHaveCount(1);
  await designer.fitView();

  // Out of the VPC altogether, to the left of it: the node becomes regional.
  const moved = await canvas.node('RDS database').boundingBox();
  const vpc = await canvas.vpc('Main VPC').boundingBox();
  await canvas.move('RDS database', { x: vpc!.x - moved!.x - moved!.width - 60, y: 0 });
  await expect.poll(() => canvas.containerOf('RDS database')).toBeNull();
  await canvas.select('RDS database');
  expect(await inspector.placementText()).toMatch(/^Regional/);
});
