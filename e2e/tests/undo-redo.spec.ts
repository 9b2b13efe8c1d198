import { test, expect, type DesignerPage } from '../fixtures/designer.ts';

/** What a person sees of the design: which services exist and where each is drawn (4 px grain). */
async function picture(designer: DesignerPage): Promise<string> {
  const nodes = await designer.canvas.snapshot();
  const entries = Object.entries(nodes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, at]) => `${name}@${Math.round(at.x / 4)},${Math.round(at.y / 4)}`);
  return entries.join(' ') || '(empty)';
}

test('undo and redo, by toolbar buttons and by keyboard, step through add, move, rename and delete', async ({
  designer,
  page,
}) => {
  const { palette, canvas, inspector, toolbar } = designer;
  const states: string[] = [await picture(designer)];
  expect(states[0]).toBe('(empty)');
  await expect(toolbar.button('Undo')).toBeDisabled();

  // Add.
  await palette.drag('Lambda function', canvas.tier('Private subnet'), { x: 0.25, y: 0.6 });
  await expect(canvas.node('Lambda function')).toBeVisible();
  states.push(await picture(designer));

  // Move, along the same subnet.
  await canvas.move('Lambda function', { x: 220, y: 0 });
  await expect.poll(() => picture(designer)).not.toBe(states[1]);
  states.push(await picture(designer));
  expect(states[2]).toMatch(/^Lambda function@/);

  // Rename in the inspector.
  await canvas.select('Lambda function');
  await inspector.name.fill('orders-handler');
  await expect(canvas.node('orders-handler')).toBeVisible();
  states.push(await picture(designer));

  // Delete with the keyboard.
  await canvas.select('orders-handler');
  await page.keyboard.press('Delete');
  await expect(canvas.serviceNodes).toHaveCount(0);
  states.push(await picture(designer));
  expect(new Set(states).size).toBe(states.length - 1); // every step changed the picture (deleted == empty)
  expect(states[4]).toBe(states[0]);

  // Undo back to the start, alternating the button and Ctrl+Z.
  const undoWays = [() => toolbar.undo(), () => page.keyboard.press('Control+z')];
  for (let step = 3; step >= 0; step--) {
    await undoWays[step % 2]!();
    await expect
      .poll(() => picture(designer), { message: `after undoing to state ${step}` })
      .toBe(states[step]);
  }
  await expect(toolbar.button('Undo')).toBeDisabled();

  // Redo forward to the end: the button, Ctrl+Shift+Z and Ctrl+Y.
  const redoWays = [
    () => toolbar.redo(),
    () => page.keyboard.press('Control+Shift+z'),
    () => page.keyboard.press('Control+y'),
  ];
  for (let step = 1; step <= 4; step++) {
    await redoWays[(step - 1) % 3]!();
    await expect
      .poll(() => picture(designer), { message: `after redoing to state ${step}` })
      .toBe(states[step]);
  }
  await expect(toolbar.button('Redo')).toBeDisabled();
});
