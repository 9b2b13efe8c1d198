import { parseDesign, serializeDesign, type Design } from '@archgen/model';
import type { AppStore } from '../store/appStore.ts';

export const AUTOSAVE_KEY = 'archgen.autosave.design';
/** The previous good save, kept in case the newest one is ever unreadable. */
export const AUTOSAVE_BACKUP_KEY = 'archgen.autosave.previous';
/** Prefix of the keys where an autosave the app could not read is kept (`<prefix><timestamp>`). */
export const UNREADABLE_KEY_PREFIX = 'archgen.autosave.unreadable.';
export const THEME_KEY = 'archgen.theme';
export const AUTOSAVE_DELAY_MS = 300;

/** localStorage's shape; `length` and `key` (optional) let the app find copies it already kept. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  readonly length?: number;
  key?(index: number): string | null;
}

/** An autosave slot whose text the app could not open; the text is never thrown away. */
export interface UnreadableAutosave {
  slot: 'newest' | 'backup';
  /** The raw text found, exactly as stored. */
  text: string;
  /** "could not be read: <reason> (at <JSON path>)" or "made by a newer version (format N, ...)". */
  reason: string;
  /** Written by a newer archgen: valid there, so offered as a design file rather than raw text. */
  newer: boolean;
  /** Where a copy was kept, or null when storage refused the copy (then autosave leaves the slot alone). */
  keptAs: string | null;
}

export interface RestoredAutosave {
  design: Design | null;
  /** Which slot the design came from; 'backup' means the newest could not be read. */
  from: 'newest' | 'backup' | null;
  unreadable: UnreadableAutosave[];
}

type Readability = { ok: true; design: Design } | { ok: false; reason: string; newer: boolean };

function read(text: string): Readability {
  const result = parseDesign(text);
  if (result.ok) return { ok: true, design: result.design };
  if (result.newerVersion) {
    const { found, supported } = result.newerVersion;
    return {
      ok: false,
      reason: `made by a newer version (format ${found}, this app reads up to ${supported})`,
      newer: true,
    };
  }
  const [first] = result.errors;
  const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more problems)` : '';
  return {
    ok: false,
    reason: first ? `could not be read: ${first.message} (at ${first.path})${more}` : 'could not be read',
    newer: false,
  };
}

function storedKeys(storage: KeyValueStorage): string[] {
  const keys: string[] = [];
  if (typeof storage.key !== 'function' || typeof storage.length !== 'number') return keys;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}

/**
 * Copies unreadable text to `archgen.autosave.unreadable.<now>` (once: the same text already
 * kept is not copied again). Returns the key it is kept under, or null when storage refused.
 */
export function quarantine(storage: KeyValueStorage, text: string, now = Date.now()): string | null {
  try {
    for (const key of storedKeys(storage))
      if (key.startsWith(UNREADABLE_KEY_PREFIX) && storage.getItem(key) === text) return key;
    let key = `${UNREADABLE_KEY_PREFIX}${now}`;
    for (let n = 2; storage.getItem(key) !== null; n++) key = `${UNREADABLE_KEY_PREFIX}${now}-${n}`;
    storage.setItem(key, text);
    return storage.getItem(key) === text ? key : null;
  } catch {
    return null;
  }
}

/**
 * Opens the newest autosave, else the backup. Whatever it cannot read it copies aside first
 * (before anything else writes) and reports, so the caller can tell the user. Never throws.
 */
export function restoreAutosave(storage: KeyValueStorage, now = Date.now()): RestoredAutosave {
  const restored: RestoredAutosave = { design: null, from: null, unreadable: [] };
  for (const [slot, key] of [
    ['newest', AUTOSAVE_KEY],
    ['backup', AUTOSAVE_BACKUP_KEY],
  ] as const) {
    let text: string | null;
    try {
      text = storage.getItem(key);
    } catch {
      continue; // Storage unavailable: nothing to read, nothing to lose.
    }
    if (!text) continue;
    const result = read(text);
    if (result.ok) {
      if (!restored.design) Object.assign(restored, { design: result.design, from: slot });
      continue;
    }
    const keptAs = quarantine(storage, text, now);
    restored.unreadable.push({ slot, text, reason: result.reason, newer: result.newer, keptAs });
  }
  return restored;
}

/** The autosaved design, or the backup, or null; never throws. Keeps what it cannot read. */
export function loadAutosaved(storage: KeyValueStorage): Design | null {
  return restoreAutosave(storage).design;
}

/**
 * Writes the design, moving the previous save to the backup slot only when it is readable. An
 * unreadable previous save is kept aside instead; if even that fails, nothing is overwritten.
 * `known` is the last text this session wrote (readable by construction, so not re-parsed).
 */
function writeNow(storage: KeyValueStorage, design: Design, known: { lastWritten: string | null }): void {
  try {
    const text = serializeDesign(design);
    const previous = storage.getItem(AUTOSAVE_KEY);
    if (previous === text) return;
    if (previous) {
      if (previous === known.lastWritten || read(previous).ok) storage.setItem(AUTOSAVE_BACKUP_KEY, previous);
      else if (quarantine(storage, previous) === null) {
        console.warn('Autosave paused: the stored autosave is unreadable and could not be kept aside');
        return;
      }
    }
    storage.setItem(AUTOSAVE_KEY, text);
    known.lastWritten = text;
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
  const known = { lastWritten: null as string | null };
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending) writeNow(storage, pending, known);
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
