import { test, expect } from '../fixtures/designer.ts';

test('a database dropped in a private subnet is flagged and the quick fix moves it to the isolated subnet', async ({
  designer,
  page,
}) => {
  const { palette, canvas, problems, inspector } = designer;

  await palette.drag('RDS database', canvas.tier('Private subnet'));
  const database = canvas.node('RDS database');
  await expect(database).toBeVisible();
  expect(await canvas.containerOf('RDS database')).toBe('Private subnet');

  // A badge on the node and a placement finding in Problems.
  await expect(database.getByRole('status', { name: /problems?, worst critical/ })).toBeVisible();
  await problems.show();
  const placement = problems.finding('NET-04', 'RDS database');
  await expect(placement).toHaveCount(1);
  await expect(placement).toContainText(/private subnet/i);
  await designer.screenshot('problems-with-finding');

  await placement.getByRole('button', { name: 'Move to isolated subnet' }).click();

  await expect(problems.finding('NET-04', 'RDS database')).toHaveCount(0);
  await expect.poll(() => canvas.containerOf('RDS database')).toBe('Isolated subnet');
  await expect(database.getByRole('status', { name: /worst critical/ })).toHaveCount(0);
  await canvas.select('RDS database');
  expect(await inspector.placementText()).toMatch(/Isolated subnet$/);

  // The fix is a command like any other: undo puts the database back where it was.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => canvas.containerOf('RDS database')).toBe('Private subnet');
  await expect(problems.finding('NET-04', 'RDS database')).toHaveCount(1);
});
