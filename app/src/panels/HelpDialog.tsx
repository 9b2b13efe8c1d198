import { COMMANDS } from '../commands/commands.ts';
import { formatShortcut } from '../commands/shortcuts.ts';
import type { CommandGroup } from '../commands/types.ts';
import { useAppStore } from '../store/context.tsx';
import { Dialog } from './Dialog.tsx';

const GROUPS: CommandGroup[] = ['File', 'Edit', 'Design', 'View', 'Help'];

/** Lists every command with a shortcut, straight from the command list. */
export function HelpDialog() {
  const store = useAppStore();
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => store.getState().openDialog(null)} wide>
      <div className="shortcut-groups">
        {GROUPS.map((group) => {
          const commands = COMMANDS.filter((c) => c.group === group && c.shortcuts?.length);
          if (commands.length === 0) return null;
          return (
            <section key={group} aria-label={group}>
              <h3 className="shortcut-groups__heading">{group}</h3>
              <dl className="shortcut-list">
                {commands.map((c) => (
                  <div key={c.id} className="shortcut-list__row">
                    <dt>{c.label}</dt>
                    <dd>
                      {c.shortcuts!.map((s, i) => (
                        <kbd key={i}>{formatShortcut(s)}</kbd>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
        <section aria-label="Canvas">
          <h3 className="shortcut-groups__heading">Canvas</h3>
          <dl className="shortcut-list">
            <div className="shortcut-list__row">
              <dt>Add to selection</dt>
              <dd>
                <kbd>Shift</kbd>+click
              </dd>
            </div>
            <div className="shortcut-list__row">
              <dt>Box select</dt>
              <dd>
                <kbd>Shift</kbd>+drag
              </dd>
            </div>
            <div className="shortcut-list__row">
              <dt>Connect</dt>
              <dd>drag from a right handle to a left handle</dd>
            </div>
            <div className="shortcut-list__row">
              <dt>Pan / zoom</dt>
              <dd>drag the background / scroll</dd>
            </div>
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
