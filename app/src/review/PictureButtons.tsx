import { COMMANDS } from '../commands/commands.ts';
import { useRunCommand } from '../commands/CommandProvider.tsx';

/** The export dialog's "Pictures" row: the diagram as PNG or SVG (commands export-png / export-svg). */
export function PictureButtons() {
  const run = useRunCommand();
  return (
    <fieldset className="checks">
      <legend>Pictures of the diagram</legend>
      <div className="picture-buttons">
        {['export-png', 'export-svg'].map((id) => {
          const command = COMMANDS.find((c) => c.id === id);
          return command ? (
            <button key={id} type="button" className="btn" onClick={() => run(command)}>
              {command.label}
            </button>
          ) : null;
        })}
      </div>
    </fieldset>
  );
}
