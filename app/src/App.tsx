import { ImportReportDialog } from './panels/ImportReportDialog.tsx';
import { droppedFiles } from './persistence/dropped.ts';
import { importInWorker, isDesignFile } from './workers/importClient.ts';
import type { PickedFile } from './panels/Toolbar.tsx';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useApp, useAppStore } from './store/context.tsx';
import { CommandProvider } from './commands/CommandProvider.tsx';
import type { CanvasApi, FileApi } from './commands/types.ts';
import { Canvas } from './canvas/Canvas.tsx';
import { Toolbar } from './panels/Toolbar.tsx';
import { Palette } from './panels/Palette.tsx';
import { SidePanel } from './panels/SidePanel.tsx';
import { Dock } from './panels/Dock.tsx';
import { Toasts } from './panels/Toasts.tsx';
import { ExportDialog } from './panels/ExportDialog.tsx';
import { HelpDialog } from './panels/HelpDialog.tsx';
import { TemplatesDialog } from './panels/TemplatesDialog.tsx';
import { needsLayout } from '@archgen/layout';
import { readDesignFile, saveDesignFile } from './persistence/files.ts';
import { layoutInWorker } from './workers/layoutClient.ts';
import type { RecoveryMessage } from './persistence/recovery.ts';
import { RecoveryNotice } from './panels/RecoveryNotice.tsx';
import { NotesDialog } from './review/notes.tsx';
import { Presentation } from './review/Presentation.tsx';
import { ShareDialog, SharedBanner } from './review/share.tsx';
import { nextPaint } from './afterPaint.ts';

function Dialogs() {
  const dialog = useApp((s) => s.dialog);
  if (dialog === 'export') return <ExportDialog />;
  if (dialog === 'help') return <HelpDialog />;
  if (dialog === 'templates') return <TemplatesDialog />;
  if (dialog === 'share') return <ShareDialog />;
  if (dialog === 'notes') return <NotesDialog />;
  if (dialog === 'import-report') return <ImportReportDialog />;
  return null;
}

/** The page: toolbar on top, palette left, canvas centre, inspector right, problems/code below. */
export function App({ recovery = null }: { recovery?: RecoveryMessage | null } = {}) {
  const store = useAppStore();
  const canvasApi = useRef<CanvasApi | null>(null);
  const onCanvasReady = useCallback((api: CanvasApi | null) => {
    canvasApi.current = api;
  }, []);
  const [fileDragOver, setFileDragOver] = useState(false);
  const presenting = useApp((s) => s.presenting);

  const openDesign = useCallback(
    async (file: File) => {
      const result = await readDesignFile(file);
      const s = store.getState();
      if (!result.ok) s.toast('error', result.message);
      else {
        // A file without positions (written by hand or another tool) is laid out as it opens;
        // positions it has are kept.
        let design = result.design;
        if (needsLayout(design)) {
          try {
            design = await layoutInWorker(design, { keepExisting: true });
          } catch (error) {
            s.toast(
              'error',
              `Could not lay out ${file.name}: ${error instanceof Error ? error.message : error}`,
            );
          }
        }
        s.load(design, `Open ${file.name}`);
        if (result.warnings.length) s.toast('info', `Opened ${file.name}: ${result.warnings.join('; ')}`);
      }
    },
    [store],
  );

  /**
   * Open: one of our design files opens; anything else (a CloudFormation or SAM template, .tf
   * files, a cdk.out folder or zip) is imported in a worker, laid out, and its report shown.
   */
  const openFiles = useCallback(
    async (picked: PickedFile[]) => {
      const s = store.getState();
      if (s.readOnly) {
        s.toast('error', 'This shared design is read-only: make a copy before opening another design.');
        return;
      }
      if (picked.length === 1) {
        const { file } = picked[0]!;
        const head = await file.slice(0, 65536).text();
        if (isDesignFile(file.name, head)) return openDesign(file);
      }
      const source = picked.length === 1 ? picked[0]!.path : `${picked.length} files`;
      const progress = `Importing ${source}…`;
      s.toast('info', progress);
      const clearProgress = () => {
        const now = store.getState();
        for (const t of now.toasts) if (t.message === progress) now.dismissToast(t.id);
      };
      try {
        const { design, report } = await importInWorker(picked);
        clearProgress();
        const now = store.getState();
        now.load(design, `Import ${source}`);
        // The report opens after the canvas has been drawn (a batch of services per frame) and
        // painted: rendering both in one task kept the page busy for 150-200 ms.
        await nextPaint();
        await canvasApi.current?.whenDrawn();
        await nextPaint();
        store.getState().setImportReport({ source, report });
        store.getState().openDialog('import-report');
      } catch (error) {
        clearProgress();
        store
          .getState()
          .toast('error', `Could not import ${source}: ${error instanceof Error ? error.message : error}`);
      }
    },
    [store, openDesign],
  );

  const files = useMemo<FileApi>(
    () => ({
      open: () => document.getElementById('open-design-file')?.click(),
      save: () => saveDesignFile(store.getState().design),
    }),
    [store],
  );

  // Dropping a design file anywhere on the page opens it (palette drags carry no files).
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setFileDragOver(true);
  };
  const onDrop = (e: DragEvent) => {
    setFileDragOver(false);
    if (!e.dataTransfer.files?.length) return;
    e.preventDefault();
    void droppedFiles(e.dataTransfer).then((picked) => {
      if (picked.length) void openFiles(picked);
    });
  };

  return (
    <CommandProvider canvas={canvasApi} files={files}>
      <ReactFlowProvider>
        <div
          className={`app${fileDragOver ? ' app--file-over' : ''}${presenting ? ' app--presenting' : ''}`}
          onDragOver={onDragOver}
          onDragLeave={(e) => e.currentTarget === e.target && setFileDragOver(false)}
          onDrop={onDrop}
        >
          <Toolbar onOpenFiles={(picked) => void openFiles(picked)} />
          <SharedBanner />
          <RecoveryNotice message={recovery} />
          <div className="app__main">
            <Palette />
            <main className="app__center">
              <Canvas onReady={onCanvasReady} />
              <Dock />
            </main>
            <SidePanel />
          </div>
          <Dialogs />
          <Presentation />
          <Toasts />
          {fileDragOver && (
            <div className="file-drop-hint">
              Drop a design to open it, or a template, .tf files or a cdk.out to import
            </div>
          )}
        </div>
      </ReactFlowProvider>
    </CommandProvider>
  );
}
