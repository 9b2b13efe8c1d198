import { afterEach, describe, expect, it, vi } from 'vitest';
import { newBlankDesign, serializeDesign } from '@archgen/model';
import { createAppStore } from '../store/appStore.ts';
import {
  AUTOSAVE_BACKUP_KEY,
  AUTOSAVE_DELAY_MS,
  AUTOSAVE_KEY,
  UNREADABLE_KEY_PREFIX,
  loadAutosaved,
  restoreAutosave,
  startAutosave,
  type KeyValueStorage,
} from './autosave.ts';
import { describeParseErrors, parseDesignText, slugify } from './files.ts';
import { recoveryMessage } from './recovery.ts';

/** Like localStorage: string values, enumerable keys; `refuse` makes writes to matching keys throw (quota). */
function memoryStorage(initial: Record<string, string> = {}, refuse?: (key: string) => boolean) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (refuse?.(k)) throw new DOMException('quota exceeded', 'QuotaExceededError');
      data.set(k, v);
    },
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
  } satisfies KeyValueStorage & { data: Map<string, string> };
}

const values = (storage: { data: Map<string, string> }) => [...storage.data.values()];
const unreadableKeys = (storage: { data: Map<string, string> }) =>
  [...storage.data.keys()].filter((k) => k.startsWith(UNREADABLE_KEY_PREFIX));

/** Starts autosave on what was restored (as the app does) and makes two edits. */
function twoEdits(storage: KeyValueStorage, restored = restoreAutosave(storage)) {
  vi.useFakeTimers();
  const store = createAppStore(restored.design ?? newBlankDesign('Untitled design'));
  const stop = startAutosave(store, storage);
  for (const name of ['Edit 1', 'Edit 2']) {
    store.getState().commit({ ...store.getState().design, name }, 'Rename');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
  }
  stop();
  return restored;
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

  it('a truncated autosave is kept aside, named with its JSON path, and survives two edits', () => {
    const truncated = serializeDesign(newBlankDesign('Mine')).slice(0, 60);
    const storage = memoryStorage({ [AUTOSAVE_KEY]: truncated });
    const restored = twoEdits(storage, restoreAutosave(storage, 1_700_000_000_000));
    expect(values(storage)).toContain(truncated);
    expect(restored.design).toBeNull();
    expect(restored.unreadable).toEqual([
      {
        slot: 'newest',
        text: truncated,
        reason: expect.stringMatching(
          /^could not be read: invalid JSON at line \d+, column \d+: .* \(at \$\)$/,
        ),
        newer: false,
        keptAs: `${UNREADABLE_KEY_PREFIX}1700000000000`,
      },
    ]);
    expect(storage.data.get(`${UNREADABLE_KEY_PREFIX}1700000000000`)).toBe(truncated);
    // Never rotated into the backup slot, which holds only readable saves.
    expect(storage.data.get(AUTOSAVE_BACKUP_KEY)).not.toBe(truncated);
    expect(loadAutosaved(storage)?.name).toBe('Edit 2');
  });

  it('an autosave made by a newer version is refused by name, kept, and survives two edits', () => {
    const newer = JSON.stringify({
      ...JSON.parse(serializeDesign(newBlankDesign('Future'))),
      schemaVersion: 5,
    });
    const storage = memoryStorage({ [AUTOSAVE_KEY]: newer });
    const restored = twoEdits(storage);
    expect(values(storage)).toContain(newer);
    expect(restored.design).toBeNull();
    expect(restored.unreadable.map((u) => u.reason)).toEqual([
      'made by a newer version (format 5, this app reads up to 4)',
    ]);
    expect(storage.data.get(AUTOSAVE_BACKUP_KEY)).not.toBe(newer);
  });

  it('a garbage newest autosave restores the backup and reports that it did', () => {
    const good = serializeDesign(newBlankDesign('Good'));
    const storage = memoryStorage({ [AUTOSAVE_KEY]: '{"broken', [AUTOSAVE_BACKUP_KEY]: good });
    const restored = twoEdits(storage);
    expect(restored.design?.name).toBe('Good');
    expect(restored.from).toBe('backup');
    expect(restored.unreadable.map((u) => [u.slot, u.text])).toEqual([['newest', '{"broken']]);
    expect(values(storage)).toContain('{"broken');
  });

  it('keeps one copy of the same unreadable text however often the app is reopened', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: 'garbage' });
    const first = restoreAutosave(storage, 1);
    const second = restoreAutosave(storage, 2);
    expect(second.unreadable[0]?.keptAs).toBe(first.unreadable[0]?.keptAs);
    expect(unreadableKeys(storage)).toHaveLength(1);
  });

  it('overwrites nothing when storage refuses to keep the unreadable autosave aside', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: 'garbage' }, (k) => k.startsWith(UNREADABLE_KEY_PREFIX));
    const restored = twoEdits(storage);
    expect(restored.unreadable[0]?.keptAs).toBeNull();
    expect(storage.data.get(AUTOSAVE_KEY)).toBe('garbage');
    expect(storage.data.has(AUTOSAVE_BACKUP_KEY)).toBe(false);
  });

  it("an unreadable value written behind the app's back is kept aside, not rotated into the backup", () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const store = createAppStore(newBlankDesign('Draft'));
    const stop = startAutosave(store, storage);
    store.getState().commit({ ...store.getState().design, name: 'One' }, 'Rename');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 10);
    storage.data.set(AUTOSAVE_KEY, '{"from another tab');
    store.getState().commit({ ...store.getState().design, name: 'Two' }, 'Rename');
    stop();
    expect(loadAutosaved(storage)?.name).toBe('Two');
    expect(storage.data.get(AUTOSAVE_BACKUP_KEY)).not.toBe('{"from another tab');
    expect(unreadableKeys(storage).map((k) => storage.data.get(k))).toEqual(['{"from another tab']);
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

describe('recovery notice', () => {
  it('says nothing when every autosave was readable', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: serializeDesign(newBlankDesign('Fine')) });
    expect(recoveryMessage(restoreAutosave(storage))).toBeNull();
    expect(recoveryMessage(null)).toBeNull();
  });

  it('names the problem, where the text is kept, and offers the raw text as a download', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: '{"name": "trunc' });
    const message = recoveryMessage(restoreAutosave(storage, 42));
    expect(message?.title).toBe('Your autosaved design could not be opened');
    expect(message?.lines.join(' ')).toMatch(
      /^Your newest autosave could not be read: invalid JSON .* \(at \$\)\. It is kept unchanged in this browser \(as archgen\.autosave\.unreadable\.42\).* You are starting from a blank design\.$/,
    );
    expect(message?.downloads).toEqual([
      {
        label: 'Download the unreadable autosave',
        fileName: 'archgen-unreadable-autosave-newest.txt',
        text: '{"name": "trunc',
      },
    ]);
  });

  it('a newer version is named as such and downloads as a design file', () => {
    const newer = JSON.stringify({
      ...JSON.parse(serializeDesign(newBlankDesign('Future'))),
      schemaVersion: 7,
    });
    const message = recoveryMessage(restoreAutosave(memoryStorage({ [AUTOSAVE_KEY]: newer })));
    expect(message?.lines[0]).toBe(
      'Your newest autosave was made by a newer version (format 7, this app reads up to 4).',
    );
    expect(message?.downloads[0]?.fileName).toMatch(/\.archdesign\.json$/);
  });

  it('says so when the backup was restored in place of a garbage newest save', () => {
    const storage = memoryStorage({
      [AUTOSAVE_KEY]: 'garbage',
      [AUTOSAVE_BACKUP_KEY]: serializeDesign(newBlankDesign('Good')),
    });
    const message = recoveryMessage(restoreAutosave(storage));
    expect(message?.title).toBe('Restored the previous autosave');
    expect(message?.lines.at(-1)).toMatch(/^Showing the previous autosave instead/);
  });

  it('when both saves are unreadable, both are kept and each has its own download', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: 'garbage', [AUTOSAVE_BACKUP_KEY]: '{"half' });
    const message = recoveryMessage(twoEdits(storage));
    expect(values(storage)).toEqual(expect.arrayContaining(['garbage', '{"half']));
    expect(message?.downloads.map((d) => [d.label, d.text])).toEqual([
      ['Download the unreadable autosave', 'garbage'],
      ['Download the unreadable backup autosave', '{"half'],
    ]);
  });

  it('storage that refuses the copy pauses autosave and says to download now', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: 'garbage' }, (k) => k.startsWith(UNREADABLE_KEY_PREFIX));
    expect(recoveryMessage(restoreAutosave(storage))?.lines.join(' ')).toContain(
      'autosave is paused to leave it in place: download it now',
    );
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
