import { parseDesign, serializeDesign, type Design } from '@archgen/model';
import type { AppStore } from '../store/appStore.ts';

export const AUTOSAVE_KEY = 'archgen.autosave.design';
/** The previous good save, kept in case the newest one is ever unreadable. */
export const AUTOSAVE_BACKUP_KEY = 'archgen.autosave.previous';
export const THEME_KEY = 'archgen.theme';
export const AUTOSAVE_DELAY_MS = 300;

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The autosaved design, or the backup, or null; never throws. */
export function loadAutosaved(storage: KeyValueStorage): Design | null {
  for (const key of [AUTOSAVE_KEY, AUTOSAVE_BACKUP_KEY]) {
    try {
      const text = storage.getItem(key);
      if (!text) continue;
      const result = parseDesign(text);
      if (result.ok) return result.design;
    } catch {
      // Storage unavailable or corrupt: try the next copy.
    }
  }
  return null;
}

function writeNow(storage: KeyValueStorage, design: Design): void {
  try {
    const text = serializeDesign(design);
    const previous = storage.getItem(AUTOSAVE_KEY);
    if (previous === text) return;
    if (previous) storage.setItem(AUTOSAVE_BACKUP_KEY, previous);
    storage.setItem(AUTOSAVE_KEY, text);
  } catch (error) {
    console.warn('Autosave failed', error);
  }
}

/**
 * Saves the design ~300 ms after the last change, and at once when the page is hidden or
 * closed. Returns a function that stops autosaving (and flushes a pending save).
 */
export function startAutosave(
  store: AppStore,
  storage: KeyValueStorage,
  delayMs = AUTOSAVE_DELAY_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Design | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending) writeNow(storage, pending);
    pending = null;
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.design === previous.design) return;
    pending = state.design;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  const onHide = () => flush();
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
  }
  return () => {
    unsubscribe();
    flush();
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
    }
  };
}
