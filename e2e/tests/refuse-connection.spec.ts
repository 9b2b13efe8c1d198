import { test, expect, type DesignerPage } from '../fixtures/designer.ts';

/** These services are regional: clear the VPC away and put the two in the middle of the canvas. */
async function placeApart(designer: DesignerPage, from: string, to: string): Promise<void> {
  await designer.page.getByRole('button', { name: 'Remove VPC Main VPC' }).click();
  await expect(designer.canvas.vpc('Main VPC')).toHaveCount(0);
  await designer.palette.drag(from, designer.canvas.root, { x: 0.3, y: 0.3 });
  await designer.palette.drag(to, designer.canvas.root, { x: 0.65, y: 0.6 });
  await expect(designer.canvas.node(from)).toBeVisible();
  await expect(designer.canvas.node(to)).toBeVisible();
}

const NONSENSE = [
  { from: 'SNS topic', to: 'DynamoDB table' },
  { from: 'S3 bucket', to: 'NAT gateway' },
];

for (const { from, to } of NONSENSE) {
  test(`${from} -> ${to} is refused with the reason, and no edge appears`, async ({ designer }) => {
    const { canvas } = designer;
    await placeApart(designer, from, to);

    await canvas.connect(from, to);

    const alert = designer.alert.filter({ hasText: `${from} cannot connect to ${to}: ` });
    await expect(alert).toBeVisible();
    // The reason is more than the refusal itself.
    expect((await alert.innerText()).split(': ').slice(1).join(': ').trim().length).toBeGreaterThan(10);
    await expect(canvas.edges).toHaveCount(0);
    await expect(canvas.edgeLabels).toHaveCount(0);
  });
}

test('a pair that makes sense connects through the same gesture, asking which kind', async ({ designer }) => {
  const { canvas } = designer;
  await placeApart(designer, 'Lambda function', 'DynamoDB table');
  await canvas.connect('Lambda function', 'DynamoDB table', 'reads/writes');
  await expect(designer.alert).toHaveCount(0);
  await expect(canvas.edges).toHaveCount(1);
  await expect(canvas.edgeLabels).toHaveText(['reads/writes']);
});
