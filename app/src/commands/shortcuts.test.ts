import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands.ts';
import { findCommandForKey, formatShortcut } from './shortcuts.ts';

const key = (
  k: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('keyboard shortcuts', () => {
  it('map to commands from the one command list', () => {
    expect(findCommandForKey(COMMANDS, key('z', { ctrl: true }))?.id).toBe('undo');
    expect(findCommandForKey(COMMANDS, key('z', { meta: true }))?.id).toBe('undo');
    expect(findCommandForKey(COMMANDS, key('Z', { ctrl: true, shift: true }))?.id).toBe('redo');
    expect(findCommandForKey(COMMANDS, key('y', { ctrl: true }))?.id).toBe('redo');
    expect(findCommandForKey(COMMANDS, key('?', { shift: true }))?.id).toBe('help');
    expect(findCommandForKey(COMMANDS, key('Delete'))?.id).toBe('delete');
    expect(findCommandForKey(COMMANDS, key('z'))).toBeUndefined();
  });

  it('no two commands share a shortcut, and every command has an id and label', () => {
    const seen = new Set<string>();
    for (const command of COMMANDS) {
      expect(command.label.length).toBeGreaterThan(0);
      for (const s of command.shortcuts ?? []) {
        const id = formatShortcut(s, false);
        expect(seen.has(id), `${id} is used twice`).toBe(false);
        seen.add(id);
      }
    }
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
  });

  it('formats for the platform', () => {
    expect(formatShortcut({ key: 'z', mod: true, shift: true }, false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut({ key: 'z', mod: true, shift: true }, true)).toBe('⌘⇧Z');
  });
});
