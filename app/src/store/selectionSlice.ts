import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './appStore.ts';

export interface Selection {
  nodeIds: string[];
  connectionIds: string[];
  vpcIds: string[];
}

export const EMPTY_SELECTION: Selection = { nodeIds: [], connectionIds: [], vpcIds: [] };

export interface SelectionSlice {
  selection: Selection;
  /** A node the canvas should bring into view (set by the Problems panel), with a counter so the same node can be focused twice. */
  focusRequest: { id: string; seq: number } | null;
  select(selection: Partial<Selection>): void;
  clearSelection(): void;
  /** Drop ids that no longer exist (after undo, delete, load). */
  pruneSelection(): void;
  focusNode(id: string): void;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  selection: EMPTY_SELECTION,
  focusRequest: null,
  select(partial) {
    const next: Selection = { ...EMPTY_SELECTION, ...partial };
    const current = get().selection;
    if (
      sameIds(next.nodeIds, current.nodeIds) &&
      sameIds(next.connectionIds, current.connectionIds) &&
      sameIds(next.vpcIds, current.vpcIds)
    )
      return;
    set({ selection: next });
  },
  clearSelection() {
    if (get().selection !== EMPTY_SELECTION) set({ selection: EMPTY_SELECTION });
  },
  pruneSelection() {
    const { design, selection } = get();
    const nodes = new Set(design.nodes.map((n) => n.id));
    const connections = new Set(design.connections.map((c) => c.id));
    const vpcs = new Set(design.vpcs.map((v) => v.id));
    get().select({
      nodeIds: selection.nodeIds.filter((id) => nodes.has(id)),
      connectionIds: selection.connectionIds.filter((id) => connections.has(id)),
      vpcIds: selection.vpcIds.filter((id) => vpcs.has(id)),
    });
  },
  focusNode(id) {
    set((s) => ({
      selection: { ...EMPTY_SELECTION, nodeIds: [id] },
      focusRequest: { id, seq: (s.focusRequest?.seq ?? 0) + 1 },
    }));
  },
});
