import { test, expect } from '../fixtures/designer.ts';
import { INVALID_JSON, designWithWrongType, example } from '../fixtures/designs.ts';

test.describe('opening a malformed design file', () => {
  test.beforeEach(async ({ designer }) => {
    // Something of the user's own on the canvas, which a bad file must not destroy.
    await designer.palette.drag('SQS queue', designer.canvas.root, { x: 0.1, y: 0.2 });
    await designer.palette.drag('RDS database', designer.canvas.tier('Isolated subnet'));
    await expect(designer.canvas.serviceNodes).toHaveCount(2);
  });

  test('invalid JSON is refused with where it broke; the design is untouched', async ({ designer }) => {
    const before = await designer.canvas.nodeNames();
    await designer.files.open('hand-edited.archdesign.json', INVALID_JSON);

    const alert = designer.alert.filter({ hasText: 'hand-edited.archdesign.json' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(/invalid JSON at line \d+, column \d+/);
    expect(await designer.canvas.nodeNames()).toEqual(before);
    expect(await designer.canvas.containerOf('RDS database')).toBe('Isolated subnet');
  });

  test('a wrong type is refused naming its JSON path; the design is untouched', async ({ designer }) => {
    const before = await designer.canvas.nodeNames();
    const { text, path } = designWithWrongType();
    await designer.files.open('three-tier.archdesign.json', text);

    const alert = designer.alert.filter({ hasText: 'three-tier.archdesign.json' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(path);
    await expect(alert).toContainText(/number/);
    expect(await designer.canvas.nodeNames()).toEqual(before);
    await expect(designer.page.getByText('Three-tier web app')).toHaveCount(0);
  });

  test('the same file without the mistake opens and replaces the design', async ({ designer }) => {
    const good = example('three-tier-web-app.json');
    await designer.files.open('three-tier.archdesign.json', JSON.stringify(good.json));

    await expect(designer.alert).toHaveCount(0);
    await expect(designer.canvas.serviceNodes).toHaveCount(good.nodeNames.length);
    expect(await designer.canvas.nodeNames()).toEqual([...good.nodeNames].sort());
  });
});
