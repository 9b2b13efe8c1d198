import { describe, expect, it, vi, afterEach } from 'vitest';
import { newBlankDesign } from '@archgen/model';
import { createAppStore } from './appStore.ts';
import { MERGE_WINDOW_MS } from './designSlice.ts';

const renamed = (store: ReturnType<typeof createAppStore>, name: string) => ({
  ...store.getState().design,
  name,
});

describe('design history', () => {
  afterEach(() => vi.useRealTimers());

  it('commit records the previous design; undo and redo walk the history', () => {
    const store = createAppStore(newBlankDesign('A'));
    const first = store.getState().design;
    store.getState().commit(renamed(store, 'B'), 'Rename');
    store.getState().commit(renamed(store, 'C'), 'Rename');
    expect(store.getState().design.name).toBe('C');
    expect(store.getState().past.map((e) => e.design.name)).toEqual(['A', 'B']);

    store.getState().undo();
    expect(store.getState().design.name).toBe('B');
    store.getState().undo();
    expect(store.getState().design).toBe(first);
    store.getState().undo(); // nothing left: no change
    expect(store.getState().design).toBe(first);

    store.getState().redo();
    store.getState().redo();
    expect(store.getState().design.name).toBe('C');
    expect(store.getState().future).toHaveLength(0);
  });

  it('a new commit after undo drops the redo branch', () => {
    const store = createAppStore(newBlankDesign('A'));
    store.getState().commit(renamed(store, 'B'), 'Rename');
    store.getState().undo();
    store.getState().commit(renamed(store, 'X'), 'Rename');
    expect(store.getState().future).toHaveLength(0);
    store.getState().redo();
    expect(store.getState().design.name).toBe('X');
  });

  it('committing the same object is not a step', () => {
    const store = createAppStore(newBlankDesign('A'));
    store.getState().commit(store.getState().design, 'Nothing');
    expect(store.getState().past).toHaveLength(0);
  });

  it('edits of one field in quick succession merge into one undo step, but not across fields or time', () => {
    vi.useFakeTimers();
    const store = createAppStore(newBlankDesign('A'));
    store.getState().commit(renamed(store, 'Ab'), 'Rename', 'name');
    store.getState().commit(renamed(store, 'Abc'), 'Rename', 'name');
    expect(store.getState().past).toHaveLength(1);
    store.getState().commit({ ...store.getState().design, region: 'eu-west-1' }, 'Region', 'region');
    expect(store.getState().past).toHaveLength(2);
    vi.advanceTimersByTime(MERGE_WINDOW_MS + 1);
    store.getState().commit({ ...store.getState().design, region: 'eu-west-2' }, 'Region', 'region');
    expect(store.getState().past).toHaveLength(3);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().design.name).toBe('Abc');
    store.getState().undo();
    expect(store.getState().design.name).toBe('A');
  });

  it('load replaces the design but keeps the previous one an undo away, and clears the selection', () => {
    const store = createAppStore(newBlankDesign('Old'));
    store.getState().select({ vpcIds: ['main'] });
    store.getState().load(newBlankDesign('New'));
    expect(store.getState().design.name).toBe('New');
    expect(store.getState().loadCount).toBe(1);
    expect(store.getState().selection.vpcIds).toEqual([]);
    store.getState().undo();
    expect(store.getState().design.name).toBe('Old');
  });

  it('undo prunes selected ids that no longer exist', () => {
    const store = createAppStore(newBlankDesign('A'));
    const base = store.getState().design;
    store.getState().commit({ ...base, vpcs: [...base.vpcs, { ...base.vpcs[0]!, id: 'second' }] }, 'Add VPC');
    store.getState().select({ vpcIds: ['second'] });
    store.getState().undo();
    expect(store.getState().selection.vpcIds).toEqual([]);
  });
});
