import { describe, expect, it, vi, afterEach } from 'vitest';
import { design as build } from '@archgen/model';
import { validateDesign } from '@archgen/rules';
import { encodeShareFragment } from '@archgen/review';
import { createAppStore } from '../store/appStore.ts';
import { COMMANDS, isEnabled } from '../commands/commands.ts';
import { AUTOSAVE_KEY, type KeyValueStorage } from '../persistence/autosave.ts';
import {
  acceptFindingRisk,
  addNote,
  deleteNote,
  makeCopy,
  revokeAcceptedRisk,
  setUsageAssumption,
  updateNote,
} from './reviewCommands.ts';
import { readSharedLink, startAutosaveUnlessShared } from './shareLink.ts';

function fixture() {
  return build('Review')
    .vpc()
    .node('alb', { id: 'web', tier: 'public' })
    .node('ecs-fargate', { id: 'app', tier: 'private' })
    .node('rds', { id: 'db', tier: 'private' })
    .connect('web', 'app', 'traffic')
    .connect('app', 'db', 'traffic')
    .build();
}

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

describe('review commands', () => {
  it('accepting a risk needs a reason, hides the finding, and is one undo step', () => {
    const store = createAppStore(fixture());
    const finding = validateDesign(store.getState().design).find((f) => f.ruleId === 'NET-04')!;
    expect(finding).toBeDefined();
    expect(acceptFindingRisk(store, finding, '   ')).toMatch(/reason/i);
    expect(store.getState().design.acceptedRisks).toEqual([]);
    expect(acceptFindingRisk(store, finding, ' migration in Q3 ')).toBeNull();
    expect(store.getState().design.acceptedRisks).toMatchObject([
      { ruleId: 'NET-04', targetId: 'db', reason: 'migration in Q3' },
    ]);
    expect(validateDesign(store.getState().design).find((f) => f.ruleId === 'NET-04')?.accepted).toEqual({
      reason: 'migration in Q3',
    });
    store.getState().undo();
    expect(store.getState().design.acceptedRisks).toEqual([]);
    store.getState().redo();
    revokeAcceptedRisk(store, store.getState().design.acceptedRisks[0]!);
    expect(store.getState().design.acceptedRisks).toEqual([]);
  });

  it('notes are added with fresh ids, edited, deleted; empty text is refused', () => {
    const store = createAppStore(fixture());
    expect(addNote(store, 'app', '  ')).toBeNull();
    const first = addNote(store, 'app', 'check scaling')!;
    const second = addNote(store, 'web-to-app', 'TLS?')!;
    expect(first).not.toBe(second);
    updateNote(store, first, 'check scaling at peak');
    expect(store.getState().design.notes).toEqual([
      { id: first, targetId: 'app', text: 'check scaling at peak' },
      { id: second, targetId: 'web-to-app', text: 'TLS?' },
    ]);
    deleteNote(store, second);
    expect(store.getState().design.notes.map((n) => n.id)).toEqual([first]);
  });

  it('a usage assumption overrides the default; clearing it goes back to the default', () => {
    const store = createAppStore(fixture());
    setUsageAssumption(store, 'web', 'lcu', 20);
    expect(store.getState().design.usage).toEqual({ web: { lcu: 20 } });
    setUsageAssumption(store, 'web', 'lcu', undefined);
    expect(store.getState().design.usage).toEqual({});
  });
});

describe('shared designs', () => {
  afterEach(() => vi.useRealTimers());

  it('reads a share link, reports a damaged one, and ignores other fragments', () => {
    const fragment = encodeShareFragment(fixture());
    const ok = readSharedLink(fragment);
    expect(ok?.ok && ok.design.nodes.map((n) => n.id)).toEqual(['web', 'app', 'db']);
    const damaged = readSharedLink(fragment.slice(0, -30));
    expect(damaged).toMatchObject({ ok: false });
    expect(readSharedLink('#section-2')).toBeNull();
    expect(readSharedLink('')).toBeNull();
  });

  it('read-only refuses edits and editing commands; Make a copy enables them and autosaves', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{"my":"own work"}');
    const store = createAppStore(fixture());
    store.getState().setReadOnly(true);
    startAutosaveUnlessShared(store, storage);

    const before = store.getState().design;
    store.getState().commit({ ...before, name: 'Changed' }, 'Rename');
    expect(store.getState().design).toBe(before);
    const command = (id: string) => COMMANDS.find((c) => c.id === id)!;
    expect(isEnabled(command('add-vpc'), store.getState())).toBe(false);
    expect(isEnabled(command('fit-view'), store.getState())).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe('{"my":"own work"}');

    makeCopy(store);
    expect(store.getState().readOnly).toBe(false);
    expect(isEnabled(command('add-vpc'), store.getState())).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).name).toBe('Review');
  });
});
