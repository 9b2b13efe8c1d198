import { test, expect } from '../fixtures/designer.ts';

test('connecting services that cannot talk is refused with the reason, and no edge appears', async ({ designer }) => {
  const { palette, canvas } = designer;

  await palette.drag('SNS topic', canvas.root, { x: 0.12, y: 0.15 });
  await palette.drag('DynamoDB table', canvas.root, { x: 0.12, y: 0.45 });
  await expect(canvas.node('SNS topic')).toBeVisible();
  await expect(canvas.node('DynamoDB table')).toBeVisible();

  await canvas.connect('SNS topic', 'DynamoDB table');

  const alert = designer.alert.filter({ hasText: 'SNS topic cannot connect to DynamoDB table' });
  await expect(alert).toBeVisible();
  await expect(canvas.edges).toHaveCount(0);
  await expect(canvas.edgeLabels).toHaveCount(0);

  // A pair that does make sense connects through the very same gesture.
  await palette.drag('Lambda function', canvas.root, { x: 0.12, y: 0.75 });
  await canvas.connect('Lambda function', 'DynamoDB table', 'reads/writes');
  await expect(canvas.edges).toHaveCount(1);
  await expect(canvas.edgeLabels).toHaveText(['reads/writes']);
});
