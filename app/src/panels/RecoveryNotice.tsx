import { useId, useState } from 'react';
import { downloadBlob } from '../persistence/files.ts';
import type { RecoveryMessage } from '../persistence/recovery.ts';
import './recoveryNotice.css';

/** Says what autosave could not read at startup and offers the raw text as a file; stays until dismissed. */
export function RecoveryNotice({ message }: { message: RecoveryMessage | null }) {
  const [dismissed, setDismissed] = useState(false);
  const titleId = useId();
  if (!message || dismissed) return null;
  return (
    <div className="recovery-notice" role="alert" aria-labelledby={titleId}>
      <div className="recovery-notice__text">
        <strong id={titleId}>{message.title}</strong>
        {message.lines.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      <div className="recovery-notice__actions">
        {message.downloads.map((d) => (
          <button
            key={d.label}
            type="button"
            className="btn btn--primary"
            onClick={() => downloadBlob(new Blob([d.text], { type: 'text/plain' }), d.fileName)}
          >
            {d.label}
          </button>
        ))}
        <button type="button" className="btn" onClick={() => setDismissed(true)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
