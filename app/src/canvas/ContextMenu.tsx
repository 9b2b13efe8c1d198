import { useEffect, useRef } from 'react';
import { COMMANDS, isEnabled } from '../commands/commands.ts';
import { useRunCommand } from '../commands/CommandProvider.tsx';
import { formatShortcut } from '../commands/shortcuts.ts';
import { useAppStore } from '../store/context.tsx';

/** Right-click menu: the commands flagged `contextMenu`, same list as toolbar and shortcuts. */
export function ContextMenu({ x, y, onClose }: { x: number; y: number; onClose(): void }) {
  const store = useAppStore();
  const run = useRunCommand();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const close = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [onClose]);
  const state = store.getState();
  return (
    <div
      ref={ref}
      className="popover context-menu"
      role="menu"
      aria-label="Canvas actions"
      style={{ left: x, top: y }}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      {COMMANDS.filter((c) => c.contextMenu).map((command) => (
        <button
          key={command.id}
          type="button"
          role="menuitem"
          className="menu-item"
          disabled={!isEnabled(command, state)}
          onClick={() => {
            onClose();
            run(command);
          }}
        >
          <span className="menu-item__label">{command.label}</span>
          {command.shortcuts?.[0] && (
            <kbd className="menu-item__kbd">{formatShortcut(command.shortcuts[0])}</kbd>
          )}
        </button>
      ))}
    </div>
  );
}
