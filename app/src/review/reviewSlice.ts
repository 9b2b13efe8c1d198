import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../store/appStore.ts';

/** Review-workshop state: a shared link's read-only mode, the notes being viewed, presentation, cost env. */
export interface ReviewSlice {
  /** True while showing a design opened from a share link, until "Make a copy". */
  readOnly: boolean;
  /** The node, connection or VPC whose notes the notes dialog shows. */
  notesTargetId: string | null;
  presenting: boolean;
  /** The environment the cost panel prices; null = the design's first. */
  costEnv: string | null;
  setReadOnly(readOnly: boolean): void;
  openNotes(targetId: string): void;
  setPresenting(presenting: boolean): void;
  setCostEnv(env: string): void;
}

export const createReviewSlice: StateCreator<AppState, [], [], ReviewSlice> = (set) => ({
  readOnly: false,
  notesTargetId: null,
  presenting: false,
  costEnv: null,
  setReadOnly: (readOnly) => set({ readOnly }),
  openNotes: (notesTargetId) => set({ notesTargetId, dialog: 'notes' }),
  setPresenting: (presenting) => set({ presenting }),
  setCostEnv: (costEnv) => set({ costEnv }),
});
