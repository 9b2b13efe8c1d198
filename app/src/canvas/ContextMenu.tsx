import { useEffect, useRef, type KeyboardEvent } from 'react';
import { COMMANDS, isEnabled } from '../commands/commands.ts';
import { useRunCommand } from '../commands/CommandProvider.tsx';
import { formatShortcut } from '../commands/shortcuts.ts';
import { useAppStore } from '../store/context.tsx';

/** Moves focus among a menu's items (WAI-ARIA menu: arrows wrap, Home and End jump). */
export function moveMenuFocus(menu: HTMLElement, key: string): boolean {
  const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  if (items.length === 0) return false;
  const index = items.indexOf(document.activeElement as HTMLElement);
  let next: number;
  if (key === 'ArrowDown') next = (index + 1) % items.length;
  else if (key === 'ArrowUp') next = (index - 1 + items.length) % items.length;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = items.length - 1;
  else return false;
  items[next]!.focus();
  return true;
}

/**
 * Right-click (or Shift+F10) menu: the commands flagged `contextMenu`, same list as toolbar and
 * shortcuts. Items unavailable now stay focusable but say so (aria-disabled), as the menu
 * pattern asks. `onClose(true)` means focus goes back to what opened the menu.
 */
export function ContextMenu({
  x,
  y,
  onClose,
}: {
  x: number;
  y: number;
  onClose(returnFocus: boolean): void;
}) {
  const store = useAppStore();
  const run = useRunCommand();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const menu = ref.current;
    (
      menu?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ??
      menu?.querySelector<HTMLElement>('[role="menuitem"]')
    )?.focus();
    const close = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onCloseRef.current(false);
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      onClose(true);
    } else if (ref.current && moveMenuFocus(ref.current, e.key)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  const state = store.getState();
  return (
    <div
      ref={ref}
      className="popover context-menu"
      role="menu"
      aria-label="Canvas actions"
      style={{ left: x, top: y }}
      onKeyDown={onKeyDown}
    >
      {COMMANDS.filter((c) => c.contextMenu).map((command) => {
        const enabled = isEnabled(command, state);
        return (
          <button
            key={command.id}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="menu-item"
            aria-disabled={!enabled}
            onClick={() => {
              if (!enabled) return;
              // Focus first goes back to the node, so a dialog the command opens returns it there.
              onClose(true);
              run(command);
            }}
          >
            <span className="menu-item__label">{command.label}</span>
            {command.shortcuts?.[0] && (
              <kbd className="menu-item__kbd">{formatShortcut(command.shortcuts[0])}</kbd>
            )}
          </button>
        );
      })}
    </div>
  );
}
