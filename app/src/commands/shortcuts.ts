import type { Command, Shortcut } from './types.ts';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(event: KeyLike, shortcut: Shortcut): boolean {
  const mod = event.ctrlKey || event.metaKey;
  if (Boolean(shortcut.mod) !== mod) return false;
  if (Boolean(shortcut.alt) !== event.altKey) return false;
  // "?" is Shift+/ on most layouts: for printable symbols the key already encodes shift.
  const symbol = shortcut.key.length === 1 && !/[a-z0-9]/i.test(shortcut.key);
  if (!symbol && Boolean(shortcut.shift) !== event.shiftKey) return false;
  return event.key.toLowerCase() === shortcut.key.toLowerCase();
}

export function findCommandForKey(commands: readonly Command[], event: KeyLike): Command | undefined {
  return commands.find((c) => c.shortcuts?.some((s) => matchesShortcut(event, s)));
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_NAMES: Record<string, string> = { delete: 'Del', backspace: 'Backspace', ' ': 'Space' };

export function formatShortcut(shortcut: Shortcut, mac = isMac): string {
  const parts: string[] = [];
  if (shortcut.mod) parts.push(mac ? '⌘' : 'Ctrl');
  if (shortcut.alt) parts.push(mac ? '⌥' : 'Alt');
  if (shortcut.shift) parts.push(mac ? '⇧' : 'Shift');
  const key =
    KEY_NAMES[shortcut.key.toLowerCase()] ??
    (shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key);
  parts.push(key);
  return parts.join(mac ? '' : '+');
}

/** True when a key press belongs to a text field (or Monaco), not to the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('.monaco-editor')) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'range', 'file'].includes(type);
  }
  return false;
}
