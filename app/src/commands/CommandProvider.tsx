import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useAppStore } from '../store/context.tsx';
import { COMMANDS, runCommand } from './commands.ts';
import { findCommandForKey, isTypingTarget } from './shortcuts.ts';
import type { CanvasApi, Command, CommandContext, FileApi } from './types.ts';

const Context = createContext<(() => CommandContext) | null>(null);

/**
 * Supplies the command context (store, canvas, files) to the toolbar, menus and dialogs, and
 * installs the keyboard shortcuts from the same command list.
 */
export function CommandProvider({
  canvas,
  files,
  children,
}: {
  canvas: { current: CanvasApi | null };
  files: FileApi;
  children: ReactNode;
}) {
  const store = useAppStore();
  const getContext = useCallback(
    (): CommandContext => ({ store, canvas: canvas.current, files }),
    [store, canvas, files],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      if (store.getState().dialog && event.key !== 'Escape') return;
      const command = findCommandForKey(COMMANDS, event);
      if (!command) return;
      event.preventDefault();
      void runCommand(command, getContext());
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, getContext]);

  return <Context.Provider value={getContext}>{children}</Context.Provider>;
}

export function useCommandContext(): () => CommandContext {
  const get = useContext(Context);
  if (!get) throw new Error('useCommandContext must be used inside <CommandProvider>');
  return get;
}

/** Returns a function running a command by id (or object) with the current context. */
export function useRunCommand(): (command: Command | string) => void {
  const getContext = useCommandContext();
  return useMemo(
    () => (command: Command | string) => {
      const resolved = typeof command === 'string' ? COMMANDS.find((c) => c.id === command) : command;
      if (resolved) void runCommand(resolved, getContext());
    },
    [getContext],
  );
}
