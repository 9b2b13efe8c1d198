import type { AppState, AppStore } from '../store/appStore.ts';

export interface Shortcut {
  /** KeyboardEvent.key, compared case-insensitively ("z", "Delete", "?"). */
  key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/** What the canvas lets commands do (registered by the canvas once React Flow is ready). */
export interface CanvasApi {
  fitView(): void;
  /** Centre of the visible canvas in flow coordinates (where pasted/new things go). */
  viewportCenter(): { x: number; y: number };
  autoLayout(): Promise<void>;
  /** Absolute drawn positions of nodes (containers clamp stored positions). */
  drawnPositions(): ReadonlyMap<string, { x: number; y: number }>;
  nextVpcOrigin(): { x: number; y: number };
  /**
   * Resolves once a loaded design is all drawn (services arrive a batch per frame) and fitted into
   * view; at once when no load is in progress.
   */
  whenDrawn(): Promise<void>;
}

export interface FileApi {
  /** Opens the file picker for a design file. */
  open(): void;
  save(): void;
}

export interface CommandContext {
  store: AppStore;
  canvas: CanvasApi | null;
  files: FileApi;
}

export type CommandGroup = 'File' | 'Edit' | 'Design' | 'View' | 'Help';

/**
 * Every user operation. The toolbar, keyboard shortcuts, context menu and the help dialog all
 * read the same list, so a shortcut and its button can never drift apart.
 */
export interface Command {
  id: string;
  label: string;
  group: CommandGroup;
  shortcuts?: readonly Shortcut[];
  perform(ctx: CommandContext): void | Promise<void>;
  enabled?(state: AppState): boolean;
  /** Shown in the canvas context menu. */
  contextMenu?: boolean;
}
