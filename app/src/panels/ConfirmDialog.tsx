import { useId } from 'react';
import { useApp, useAppStore } from '../store/context.tsx';
import { Dialog } from './Dialog.tsx';

/** The pending confirmation, if any, as an alert dialog whose first focus is Cancel. */
export function ConfirmDialog() {
  const store = useAppStore();
  const confirmation = useApp((s) => s.confirmation);
  const messageId = useId();
  if (!confirmation) return null;
  const close = () => store.getState().askConfirmation(null);
  return (
    <Dialog
      title={confirmation.title}
      onClose={close}
      alert
      describedBy={messageId}
      footer={
        <>
          <button type="button" className="btn" data-autofocus onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn--danger"
            onClick={() => {
              close();
              confirmation.onConfirm();
            }}
          >
            {confirmation.confirmLabel}
          </button>
        </>
      }
    >
      <p id={messageId}>{confirmation.message}</p>
    </Dialog>
  );
}
