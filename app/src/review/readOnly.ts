/** Commands that change the design (or replace it): disabled while a shared design is read-only. */
export const EDITING_COMMANDS: ReadonlySet<string> = new Set([
  'new',
  'open',
  'undo',
  'redo',
  'cut',
  'paste',
  'duplicate',
  'delete',
  'add-vpc',
  'remove-vpc',
  'add-az',
  'remove-az',
  'auto-layout',
  'add-note',
]);
