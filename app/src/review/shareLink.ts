/**
 * Share links: the design travels compressed in the URL fragment (@archgen/review). Opening one
 * shows that design read-only; the user's own autosaved work is untouched until "Make a copy".
 */
import { decodeShareFragment, SHARE_PREFIX } from '@archgen/review';
import type { Design } from '@archgen/model';
import type { AppStore } from '../store/appStore.ts';
import { startAutosave, type KeyValueStorage } from '../persistence/autosave.ts';

export type SharedLink = { ok: true; design: Design } | { ok: false; message: string };

/** The design a page's fragment carries; null when the fragment is not a share link at all. */
export function readSharedLink(hash: string): SharedLink | null {
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  const result = decodeShareFragment(hash);
  if (result.ok) return { ok: true, design: result.design };
  const reasons = result.errors.map((e) => (e.path === '$' ? e.message : `${e.path}: ${e.message}`));
  return { ok: false, message: `This share link could not be opened: ${reasons.slice(0, 3).join('; ')}` };
}

/**
 * Autosave, but not while a shared design is shown read-only: it starts when the user makes a
 * copy (which commits, so the copy is saved at once). Returns a stop function.
 */
export function startAutosaveUnlessShared(store: AppStore, storage: KeyValueStorage): () => void {
  if (!store.getState().readOnly) return startAutosave(store, storage);
  let stop: (() => void) | null = null;
  const unsubscribe = store.subscribe((state) => {
    if (state.readOnly || stop) return;
    unsubscribe();
    stop = startAutosave(store, storage);
  });
  return () => {
    unsubscribe();
    stop?.();
  };
}

/** Drops the share fragment from the address bar, so a reload opens the user's own design. */
export function forgetShareFragment(): void {
  if (window.location.hash.startsWith(SHARE_PREFIX))
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
}
