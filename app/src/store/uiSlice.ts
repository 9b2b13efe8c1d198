import type { StateCreator } from 'zustand/vanilla';
import type { Connection, DesignNode } from '@archgen/model';
import type { ImportReport } from '@archgen/import';
import type { AppState } from './appStore.ts';

export type Theme = 'light' | 'dark';
export type DialogId =
  'export' | 'help' | 'templates' | 'share' | 'notes' | 'connect' | 'import-report' | null;
/** The bottom dock's tabs; add ids here (and a tab in panels/Dock.tsx) for new panels. */
export type DockTab = 'problems' | 'code' | 'cost';
/** The right sidebar's tabs; review features (notes, cost, scorecard) add theirs here. */
export type SideTab = 'inspector' | 'review';

/** A question asked before a destructive step (Remove VPC with services in it). */
export interface Confirmation {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
}

export interface Toast {
  id: number;
  kind: 'error' | 'info';
  message: string;
}

/** What copy puts on the internal clipboard: nodes and the connections among them. */
export interface ClipboardContent {
  nodes: DesignNode[];
  connections: Connection[];
}

export interface UiSlice {
  theme: Theme;
  dialog: DialogId;
  dockTab: DockTab;
  dockOpen: boolean;
  sideTab: SideTab;
  /** The environment the inspector edits: null = base values. */
  inspectorEnv: string | null;
  showMiniMap: boolean;
  toasts: Toast[];
  clipboard: ClipboardContent | null;
  confirmation: Confirmation | null;
  /** The canvas side panels (palette left, details right): collapsed to give the canvas room. */
  paletteOpen: boolean;
  sidePanelOpen: boolean;
  /** What the last import made of each source resource (the Import report dialog), with its source. */
  importReport: { source: string; report: ImportReport } | null;
  setTheme(theme: Theme): void;
  openDialog(dialog: DialogId): void;
  setDockTab(tab: DockTab): void;
  setDockOpen(open: boolean): void;
  setSideTab(tab: SideTab): void;
  setInspectorEnv(env: string | null): void;
  setShowMiniMap(show: boolean): void;
  toast(kind: Toast['kind'], message: string): void;
  dismissToast(id: number): void;
  setClipboard(content: ClipboardContent | null): void;
  askConfirmation(confirmation: Confirmation | null): void;
  setPaletteOpen(open: boolean): void;
  setSidePanelOpen(open: boolean): void;
  setImportReport(report: UiSlice['importReport']): void;
}

let toastSeq = 0;

export const createUiSlice =
  (theme: Theme): StateCreator<AppState, [], [], UiSlice> =>
  (set) => ({
    theme,
    dialog: null,
    dockTab: 'problems',
    dockOpen: true,
    sideTab: 'inspector',
    inspectorEnv: null,
    showMiniMap: true,
    toasts: [],
    clipboard: null,
    confirmation: null,
    paletteOpen: true,
    sidePanelOpen: true,
    importReport: null,
    setTheme: (t) => set({ theme: t }),
    openDialog: (dialog) => set({ dialog }),
    setDockTab: (dockTab) => set({ dockTab, dockOpen: true }),
    setDockOpen: (dockOpen) => set({ dockOpen }),
    setSideTab: (sideTab) => set({ sideTab }),
    setInspectorEnv: (inspectorEnv) => set({ inspectorEnv }),
    setShowMiniMap: (showMiniMap) => set({ showMiniMap }),
    toast: (kind, message) =>
      set((s) => ({ toasts: [...s.toasts.slice(-3), { id: ++toastSeq, kind, message }] })),
    dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
    setClipboard: (clipboard) => set({ clipboard }),
    askConfirmation: (confirmation) => set({ confirmation }),
    setImportReport: (importReport) => set({ importReport }),
    setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
    setSidePanelOpen: (sidePanelOpen) => set({ sidePanelOpen }),
  });
