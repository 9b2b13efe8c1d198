import { COMMANDS, isEnabled } from '../commands/commands.ts';
import { useRunCommand } from '../commands/CommandProvider.tsx';
import { formatShortcut } from '../commands/shortcuts.ts';
import type { Command } from '../commands/types.ts';
import { useApp, useAppStore } from '../store/context.tsx';
import type { AppState } from '../store/appStore.ts';

/** Icons drawn inline (tiny, no icon font), keyed by command id. */
const ICONS: Record<string, string> = {
  undo: 'M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'm15 14 5-5-5-5M20 9H10a6 6 0 0 0 0 12h3',
  'fit-view': 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  'auto-layout': 'M4 4h6v6H4zM14 14h6v6h-6zM14 4h6v6h-6zM7 10v4h7',
  'toggle-theme': 'M12 3a9 9 0 1 0 9 9 7 7 0 0 1-9-9z',
  help: 'M9 9a3 3 0 1 1 4 2.8c-.7.4-1 1-1 1.7V14M12 17.5v.5',
  'add-vpc': 'M12 5v14M5 12h14',
  save: 'M5 4h11l3 3v13H5zM8 4v5h8M8 20v-6h8v6',
  new: 'M6 3h8l4 4v14H6zM14 3v4h4',
};

function Icon({ id }: { id: string }) {
  const d = ICONS[id];
  if (!d) return null;
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" className="icon">
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function CommandButton({
  command,
  iconOnly,
  primary,
}: {
  command: Command;
  iconOnly?: boolean;
  primary?: boolean;
}) {
  const run = useRunCommand();
  const enabled = useApp((s: AppState) => isEnabled(command, s));
  const shortcut = command.shortcuts?.[0];
  return (
    <button
      type="button"
      className={`btn${primary ? ' btn--primary' : ' btn--ghost'}${iconOnly ? ' btn--icon' : ''}`}
      aria-label={command.label}
      title={shortcut ? `${command.label} (${formatShortcut(shortcut)})` : command.label}
      disabled={!enabled}
      onClick={() => run(command)}
    >
      <Icon id={command.id} />
      {!iconOnly && <span>{command.label}</span>}
    </button>
  );
}

const byId = (id: string) => COMMANDS.find((c) => c.id === id)!;

/** The top bar: file, edit, design and view commands, all from the shared command list. */
/** A picked or dropped file with its path inside what was picked (folders keep theirs). */
export interface PickedFile {
  path: string;
  file: File;
}

/** What Open takes: our design files, and infrastructure code to import. */
const OPEN_ACCEPT = '.json,.yaml,.yml,.template,.tf,.tfvars,.zip,application/json';

export function Toolbar({ onOpenFiles }: { onOpenFiles(files: PickedFile[]): void }) {
  const name = useApp((s) => s.design.name);
  const store = useAppStore();
  const importReport = useApp((s) => s.importReport);
  const runOpen = (input: HTMLInputElement) => {
    const picked = [...(input.files ?? [])].map((file) => ({
      path: file.webkitRelativePath || file.name,
      file,
    }));
    if (picked.length) onOpenFiles(picked);
    input.value = '';
  };
  return (
    <header className="toolbar" role="toolbar" aria-label="Main toolbar">
      <div className="toolbar__brand" aria-hidden="true">
        <span className="toolbar__logo">◆</span> archgen
      </div>
      <div className="toolbar__design" title={name}>
        {name}
      </div>
      <div className="toolbar__group">
        <CommandButton command={byId('new')} />
        <label
          className="btn btn--ghost file-button"
          title="Open a design, or import a CloudFormation/SAM template, .tf files or a zipped cdk.out (Ctrl+O)"
        >
          <input
            id="open-design-file"
            type="file"
            multiple
            accept={OPEN_ACCEPT}
            aria-label="Open"
            className="file-button__input"
            onChange={(e) => runOpen(e.target)}
          />
          <span aria-hidden="true">Open</span>
        </label>
        <label
          className="btn btn--ghost file-button"
          title="Import a folder: a cdk.out, or a Terraform configuration with its modules"
        >
          <input
            type="file"
            // A folder picker (cdk.out, a Terraform root with local modules).
            {...{ webkitdirectory: '' }}
            aria-label="Import folder"
            className="file-button__input"
            onChange={(e) => runOpen(e.target)}
          />
          <span aria-hidden="true">Import folder</span>
        </label>
        {importReport && (
          <button
            type="button"
            className="btn btn--ghost"
            onClick={() => store.getState().openDialog('import-report')}
            title={`What the import of ${importReport.source} made of each resource`}
          >
            Import report
          </button>
        )}
        <CommandButton command={byId('save')} />
      </div>
      <div className="toolbar__sep" />
      <div className="toolbar__group">
        <CommandButton command={byId('undo')} iconOnly />
        <CommandButton command={byId('redo')} iconOnly />
      </div>
      <div className="toolbar__sep" />
      <div className="toolbar__group">
        <CommandButton command={byId('add-vpc')} />
        <CommandButton command={byId('auto-layout')} />
        <CommandButton command={byId('fit-view')} iconOnly />
      </div>
      <div className="toolbar__spacer" />
      <div className="toolbar__group">
        <CommandButton command={byId('toggle-theme')} iconOnly />
        <CommandButton command={byId('help')} iconOnly />
        <CommandButton command={byId('presentation')} />
        <CommandButton command={byId('share')} />
        <CommandButton command={byId('export')} primary />
      </div>
    </header>
  );
}
