import { useMemo, useState } from 'react';
import { shareUrl } from '@archgen/review';
import { useApp, useAppStore } from '../store/context.tsx';
import { Dialog } from '../panels/Dialog.tsx';
import { makeCopy } from './reviewCommands.ts';
import { forgetShareFragment } from './shareLink.ts';

/** "Share link": a URL carrying the compressed design in its fragment (never sent to a server). */
export function ShareDialog() {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  const url = useMemo(() => shareUrl(window.location.href, design), [design]);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const close = () => store.getState().openDialog(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <Dialog
      title="Share link"
      onClose={close}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Close
          </button>
          <button type="button" className="btn btn--primary" onClick={copy}>
            Copy link
          </button>
        </>
      }
    >
      <p className="dialog__lead">
        Anyone with this link sees <strong>{design.name}</strong> read-only and can make their own copy. The
        design travels inside the link itself; nothing is uploaded.
      </p>
      <label className="field">
        <span className="field__label">Link ({url.length.toLocaleString('en-US')} characters)</span>
        <input
          className="input share-url"
          readOnly
          value={url}
          data-autofocus
          onFocus={(e) => e.currentTarget.select()}
        />
      </label>
      {copied === 'yes' && <p role="status">Copied to the clipboard.</p>}
      {copied === 'no' && (
        <p role="status">The browser did not allow copying; select the link and copy it.</p>
      )}
    </Dialog>
  );
}

/** Shown while a shared design is open read-only. */
export function SharedBanner() {
  const store = useAppStore();
  const readOnly = useApp((s) => s.readOnly);
  if (!readOnly) return null;
  return (
    <div className="shared-banner" role="region" aria-label="Shared design">
      <strong>Shared design — read-only</strong>
      <span className="shared-banner__hint">Your own autosaved design is kept until you make a copy.</span>
      <button
        type="button"
        className="btn btn--primary"
        onClick={() => {
          makeCopy(store);
          forgetShareFragment();
          store
            .getState()
            .toast('info', 'This design is now your own copy; changes are saved in this browser.');
        }}
      >
        Make a copy
      </button>
    </div>
  );
}
