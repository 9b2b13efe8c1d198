import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Design } from '@archgen/model';
import { createDesignSlice, type DesignSlice } from './designSlice.ts';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice.ts';
import { createUiSlice, type Theme, type UiSlice } from './uiSlice.ts';
import { createReviewSlice, type ReviewSlice } from '../review/reviewSlice.ts';

export type AppState = DesignSlice & SelectionSlice & UiSlice & ReviewSlice;
export type AppStore = StoreApi<AppState>;

/** One store per app instance (no module-level global), built from the three slices. */
export function createAppStore(initial: Design, theme: Theme = 'light'): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createDesignSlice(initial)(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(theme)(...a),
    ...createReviewSlice(...a),
  }));
}
