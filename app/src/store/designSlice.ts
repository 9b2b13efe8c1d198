import type { StateCreator } from 'zustand/vanilla';
import type { Design } from '@archgen/model';
import type { AppState } from './appStore.ts';

/** How many steps undo can go back; older steps are dropped. */
export const HISTORY_LIMIT = 200;
/** Edits of the same field closer together than this merge into one undo step. */
export const MERGE_WINDOW_MS = 1500;

export interface HistoryEntry {
  design: Design;
  label: string;
}

export interface DesignSlice {
  design: Design;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Bumped by `load` so views can reset (e.g. fit the canvas to a newly opened design). */
  loadCount: number;
  lastMergeKey: string | null;
  lastCommitAt: number;
  /**
   * The one way to change the design: records the previous document for undo. Consecutive
   * commits with the same `mergeKey` (typing in one field) make a single undo step.
   */
  commit(next: Design, label: string, mergeKey?: string): void;
  undo(): void;
  redo(): void;
  /**
   * Replace the whole document (open, template, new). The previous design stays one undo step
   * away, so opening something never loses work.
   */
  load(design: Design, label?: string): void;
}

export const createDesignSlice =
  (initial: Design): StateCreator<AppState, [], [], DesignSlice> =>
  (set, get) => ({
    design: initial,
    past: [],
    future: [],
    loadCount: 0,
    lastMergeKey: null,
    lastCommitAt: 0,
    commit(next, label, mergeKey) {
      const { design, past, lastMergeKey, lastCommitAt } = get();
      // A shared design is read-only until the user makes a copy.
      if (next === design || get().readOnly) return;
      const now = Date.now();
      if (mergeKey && mergeKey === lastMergeKey && past.length > 0 && now - lastCommitAt < MERGE_WINDOW_MS) {
        set({ design: next, future: [], lastCommitAt: now });
        return;
      }
      set({
        lastCommitAt: now,
        design: next,
        past: [...past, { design, label }].slice(-HISTORY_LIMIT),
        future: [],
        lastMergeKey: mergeKey ?? null,
      });
    },
    undo() {
      const { design, past, future } = get();
      const previous = past.at(-1);
      if (!previous) return;
      set({
        design: previous.design,
        past: past.slice(0, -1),
        future: [{ design, label: previous.label }, ...future],
        lastMergeKey: null,
      });
      get().pruneSelection();
    },
    redo() {
      const { design, past, future } = get();
      const next = future[0];
      if (!next) return;
      set({
        design: next.design,
        past: [...past, { design, label: next.label }],
        future: future.slice(1),
        lastMergeKey: null,
      });
      get().pruneSelection();
    },
    load(design, label = `Open ${design.name}`) {
      set((s) => ({
        design,
        past: [...s.past, { design: s.design, label }].slice(-HISTORY_LIMIT),
        future: [],
        lastMergeKey: null,
        loadCount: s.loadCount + 1,
      }));
      get().clearSelection();
    },
  });
