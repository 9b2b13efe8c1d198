import type { AppState } from '../store/appStore.ts';
import { pasteElements } from '../store/designOps.ts';
import { settlePositions } from '@archgen/layout';
import { addVpc, removeElements, requestRemoveVpc, setAzCount } from './designCommands.ts';
import { MAX_AZS, MAX_VPCS, MIN_AZS } from '../store/designOps.ts';
import type { Command, CommandContext } from './types.ts';
import { REVIEW_COMMANDS } from '../review/reviewCommandList.ts';
import { EDITING_COMMANDS } from '../review/readOnly.ts';

const hasSelection = (s: AppState) =>
  s.selection.nodeIds.length + s.selection.connectionIds.length + s.selection.vpcIds.length > 0;

/** The VPC an AZ/VPC command acts on: the selected one, else the only one. */
function targetVpc(s: AppState) {
  const selected = s.selection.vpcIds[0];
  if (selected) return s.design.vpcs.find((v) => v.id === selected);
  return s.design.vpcs.length === 1 ? s.design.vpcs[0] : undefined;
}

function copySelection({ store }: CommandContext): boolean {
  const s = store.getState();
  const ids = new Set(s.selection.nodeIds);
  if (ids.size === 0) return false;
  const nodes = s.design.nodes.filter((n) => ids.has(n.id));
  const connections = s.design.connections.filter((c) => ids.has(c.from) && ids.has(c.to));
  s.setClipboard(structuredClone({ nodes, connections }));
  return true;
}

function paste({ store }: CommandContext): void {
  const s = store.getState();
  if (!s.clipboard || s.clipboard.nodes.length === 0) return;
  const result = pasteElements(s.design, s.clipboard, { x: 40, y: 40 });
  // Copies go to free spots (grid-snapped) rather than on top of what is there.
  const settled = settlePositions(result.design, { movers: new Set(result.nodeIds) });
  s.commit(settled, `Paste ${result.nodeIds.length} ${result.nodeIds.length === 1 ? 'node' : 'nodes'}`);
  s.select({ nodeIds: result.nodeIds });
  // Paste again lands further along instead of on top of the first copy.
  s.setClipboard({
    nodes: s.clipboard.nodes.map((n) =>
      n.position ? { ...n, position: { x: n.position.x + 40, y: n.position.y + 40 } } : n,
    ),
    connections: s.clipboard.connections,
  });
}

function deleteSelection({ store }: CommandContext): void {
  const { selection } = store.getState();
  const count = selection.nodeIds.length + selection.connectionIds.length + selection.vpcIds.length;
  removeElements(store, selection, count === 1 ? 'Delete' : `Delete ${count} items`);
}

export const COMMANDS: readonly Command[] = [
  {
    id: 'new',
    label: 'Templates',
    group: 'File',
    shortcuts: [{ key: 'n', alt: true }],
    perform: ({ store }) => store.getState().openDialog('templates'),
  },
  {
    id: 'open',
    label: 'Open',
    group: 'File',
    shortcuts: [{ key: 'o', mod: true }],
    perform: ({ files }) => files.open(),
  },
  {
    id: 'save',
    label: 'Save',
    group: 'File',
    shortcuts: [{ key: 's', mod: true }],
    perform: ({ files }) => files.save(),
  },
  {
    id: 'export',
    label: 'Export',
    group: 'File',
    shortcuts: [{ key: 'e', mod: true }],
    perform: ({ store }) => store.getState().openDialog('export'),
  },
  {
    id: 'undo',
    label: 'Undo',
    group: 'Edit',
    shortcuts: [{ key: 'z', mod: true }],
    enabled: (s) => s.past.length > 0,
    perform: ({ store }) => store.getState().undo(),
  },
  {
    id: 'redo',
    label: 'Redo',
    group: 'Edit',
    shortcuts: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    enabled: (s) => s.future.length > 0,
    perform: ({ store }) => store.getState().redo(),
  },
  {
    id: 'copy',
    label: 'Copy',
    group: 'Edit',
    shortcuts: [{ key: 'c', mod: true }],
    contextMenu: true,
    enabled: (s) => s.selection.nodeIds.length > 0,
    perform: (ctx) => void copySelection(ctx),
  },
  {
    id: 'cut',
    label: 'Cut',
    group: 'Edit',
    shortcuts: [{ key: 'x', mod: true }],
    contextMenu: true,
    enabled: (s) => s.selection.nodeIds.length > 0,
    perform: (ctx) => {
      if (copySelection(ctx)) removeElements(ctx.store, ctx.store.getState().selection, 'Cut');
    },
  },
  {
    id: 'paste',
    label: 'Paste',
    group: 'Edit',
    shortcuts: [{ key: 'v', mod: true }],
    contextMenu: true,
    enabled: (s) => (s.clipboard?.nodes.length ?? 0) > 0,
    perform: paste,
  },
  {
    id: 'duplicate',
    label: 'Duplicate',
    group: 'Edit',
    shortcuts: [{ key: 'd', mod: true }],
    contextMenu: true,
    enabled: (s) => s.selection.nodeIds.length > 0,
    perform: (ctx) => {
      if (copySelection(ctx)) paste(ctx);
    },
  },
  {
    id: 'delete',
    label: 'Delete',
    group: 'Edit',
    shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
    contextMenu: true,
    enabled: hasSelection,
    perform: deleteSelection,
  },
  {
    id: 'connect-to',
    label: 'Connect to…',
    group: 'Edit',
    shortcuts: [{ key: 'c' }],
    contextMenu: true,
    // One service to connect from; a shared design is read-only.
    enabled: (s) => s.selection.nodeIds.length === 1 && !s.readOnly,
    perform: ({ store }) => store.getState().openDialog('connect'),
  },
  {
    id: 'select-all',
    label: 'Select all',
    group: 'Edit',
    shortcuts: [{ key: 'a', mod: true }],
    perform: ({ store }) => {
      const s = store.getState();
      s.select({
        nodeIds: s.design.nodes.map((n) => n.id),
        connectionIds: s.design.connections.map((c) => c.id),
      });
    },
  },
  {
    id: 'add-vpc',
    label: 'Add VPC',
    group: 'Design',
    contextMenu: true,
    enabled: (s) => s.design.vpcs.length < MAX_VPCS,
    perform: ({ store, canvas }) => addVpc(store, canvas?.nextVpcOrigin() ?? { x: 0, y: 0 }),
  },
  {
    id: 'remove-vpc',
    label: 'Remove VPC',
    group: 'Design',
    enabled: (s) => targetVpc(s) !== undefined,
    perform: ({ store }) => {
      const vpc = targetVpc(store.getState());
      if (vpc) requestRemoveVpc(store, vpc.id);
    },
  },
  {
    id: 'add-az',
    label: 'Add availability zone',
    group: 'Design',
    enabled: (s) => (targetVpc(s)?.azCount ?? MAX_AZS) < MAX_AZS,
    perform: ({ store }) => {
      const vpc = targetVpc(store.getState());
      if (vpc) setAzCount(store, vpc.id, vpc.azCount + 1);
    },
  },
  {
    id: 'remove-az',
    label: 'Remove availability zone',
    group: 'Design',
    enabled: (s) => (targetVpc(s)?.azCount ?? MIN_AZS) > MIN_AZS,
    perform: ({ store }) => {
      const vpc = targetVpc(store.getState());
      if (vpc) setAzCount(store, vpc.id, vpc.azCount - 1);
    },
  },
  {
    id: 'auto-layout',
    label: 'Auto layout',
    group: 'Design',
    shortcuts: [{ key: 'l', shift: true }],
    contextMenu: true,
    enabled: (s) => s.design.nodes.length > 0,
    perform: async ({ canvas }) => {
      await canvas?.autoLayout();
    },
  },
  {
    id: 'fit-view',
    label: 'Fit view',
    group: 'View',
    shortcuts: [{ key: '1', shift: true }],
    contextMenu: true,
    perform: ({ canvas }) => canvas?.fitView(),
  },
  {
    id: 'toggle-theme',
    label: 'Toggle theme',
    group: 'View',
    shortcuts: [{ key: 't', alt: true }],
    perform: ({ store }) => {
      const s = store.getState();
      s.setTheme(s.theme === 'dark' ? 'light' : 'dark');
    },
  },
  {
    id: 'toggle-minimap',
    label: 'Toggle minimap',
    group: 'View',
    shortcuts: [{ key: 'm', alt: true }],
    perform: ({ store }) => {
      const s = store.getState();
      s.setShowMiniMap(!s.showMiniMap);
    },
  },
  {
    id: 'show-problems',
    label: 'Show problems',
    group: 'View',
    shortcuts: [{ key: 'p', alt: true }],
    perform: ({ store }) => store.getState().setDockTab('problems'),
  },
  {
    id: 'show-code',
    label: 'Show code',
    group: 'View',
    shortcuts: [{ key: 'c', alt: true }],
    perform: ({ store }) => store.getState().setDockTab('code'),
  },
  ...REVIEW_COMMANDS,
  {
    id: 'help',
    label: 'Keyboard shortcuts',
    group: 'Help',
    shortcuts: [{ key: '?' }],
    perform: ({ store }) => store.getState().openDialog('help'),
  },
];

export function isEnabled(command: Command, state: AppState): boolean {
  if (state.readOnly && EDITING_COMMANDS.has(command.id)) return false;
  return command.enabled ? command.enabled(state) : true;
}

export async function runCommand(command: Command, ctx: CommandContext): Promise<void> {
  if (!isEnabled(command, ctx.store.getState())) return;
  await command.perform(ctx);
}
