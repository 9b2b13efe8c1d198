import { afterEach, describe, expect, it, vi } from 'vitest';
import { newBlankDesign, serializeDesign } from '@archgen/model';
import { createAppStore } from '../store/appStore.ts';
import {
  AUTOSAVE_BACKUP_KEY,
  AUTOSAVE_DELAY_MS,
  AUTOSAVE_KEY,
  loadAutosaved,
  startAutosave,
} from './autosave.ts';
import { describeParseErrors, parseDesignText, slugify } from './files.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

describe('autosave', () => {
  afterEach(() => vi.useRealTimers());

  it('saves once, ~300 ms after the last change, and restores what it saved', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const store = createAppStore(newBlankDesign('Draft'));
    const stop = startAutosave(store, storage);
    store.getState().commit({ ...store.getState().design, name: 'Draft 2' }, 'Rename');
    store.getState().commit({ ...store.getState().design, name: 'Draft 3' }, 'Rename');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 50);
    expect(storage.data.has(AUTOSAVE_KEY)).toBe(false);
    vi.advanceTimersByTime(100);
    expect(loadAutosaved(storage)?.name).toBe('Draft 3');
    stop();
  });

  it('falls back to the previous save when the newest one is unreadable, and to null when none is', () => {
    const good = serializeDesign(newBlankDesign('Good'));
    expect(
      loadAutosaved(memoryStorage({ [AUTOSAVE_KEY]: '{"broken', [AUTOSAVE_BACKUP_KEY]: good }))?.name,
    ).toBe('Good');
    expect(loadAutosaved(memoryStorage({ [AUTOSAVE_KEY]: '[]' }))).toBeNull();
  });

  it('stopping flushes a pending save', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const store = createAppStore(newBlankDesign('Draft'));
    const stop = startAutosave(store, storage);
    store.getState().commit({ ...store.getState().design, name: 'Unsaved' }, 'Rename');
    stop();
    expect(loadAutosaved(storage)?.name).toBe('Unsaved');
  });
});

describe('design files', () => {
  it('a malformed file is refused with the JSON path of the problem', () => {
    const design = JSON.parse(serializeDesign(newBlankDesign('X'))) as { nodes: unknown[] };
    design.nodes = [{ id: 'n1', type: 'lambda', name: 'f', placement: { vpcId: 'main', tier: 'attic' } }];
    const result = parseDesignText('bad.json', JSON.stringify(design));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(/^Could not open bad\.json: \$\.nodes\[0\]\.placement\.tier/);
    const invalidJson = parseDesignText('x.json', '{');
    expect(invalidJson.ok).toBe(false);
  });

  it('names files by a slug of the design name', () => {
    expect(slugify('Three-tier web app!')).toBe('three-tier-web-app');
    expect(slugify('Ünïcode ✓ name')).toBe('unicode-name');
    expect(slugify('***')).toBe('design');
    expect(
      describeParseErrors(
        'f',
        [1, 2, 3, 4].map((i) => ({ path: `$.a[${i}]`, message: 'bad' })),
      ),
    ).toContain('(and 1 more)');
  });
});
