/** The review workshop's commands (toolbar, shortcuts, context menu and help all read COMMANDS). */
import type { AppState } from '../store/appStore.ts';
import type { Command } from '../commands/types.ts';

const noteTarget = (s: AppState): string | undefined => {
  const { nodeIds, connectionIds, vpcIds } = s.selection;
  return nodeIds.length + connectionIds.length + vpcIds.length === 1
    ? (nodeIds[0] ?? connectionIds[0] ?? vpcIds[0])
    : undefined;
};

async function withPictures(
  store: Parameters<Command['perform']>[0]['store'],
  format: 'png' | 'svg',
): Promise<void> {
  const { exportPng, exportSvg } = await import('./pictures.ts');
  const s = store.getState();
  try {
    await (format === 'png' ? exportPng : exportSvg)(s.design);
  } catch (error) {
    s.toast('error', `The ${format.toUpperCase()} export failed: ${(error as Error).message}`);
  }
}

export const REVIEW_COMMANDS: readonly Command[] = [
  {
    id: 'add-note',
    label: 'Add note',
    group: 'Edit',
    contextMenu: true,
    enabled: (s) => noteTarget(s) !== undefined,
    perform: ({ store }) => {
      const target = noteTarget(store.getState());
      if (target) store.getState().openNotes(target);
    },
  },
  {
    id: 'share',
    label: 'Share link',
    group: 'File',
    perform: ({ store }) => store.getState().openDialog('share'),
  },
  {
    id: 'export-png',
    label: 'Export PNG',
    group: 'File',
    perform: ({ store }) => withPictures(store, 'png'),
  },
  {
    id: 'export-svg',
    label: 'Export SVG',
    group: 'File',
    perform: ({ store }) => withPictures(store, 'svg'),
  },
  {
    id: 'presentation',
    label: 'Presentation',
    group: 'View',
    shortcuts: [{ key: 'f' }],
    perform: ({ store, canvas }) => {
      const s = store.getState();
      s.setPresenting(!s.presenting);
      // The canvas grows once the panels are gone: fit the diagram into it.
      setTimeout(() => canvas?.fitView(), 150);
    },
  },
  {
    id: 'show-review',
    label: 'Show review',
    group: 'View',
    shortcuts: [{ key: 'r', alt: true }],
    perform: ({ store }) => store.getState().setSideTab('review'),
  },
  {
    id: 'show-cost',
    label: 'Show cost',
    group: 'View',
    shortcuts: [{ key: '4', alt: true }],
    perform: ({ store }) => store.getState().setDockTab('cost'),
  },
];
