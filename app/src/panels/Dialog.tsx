import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** Open dialogs, innermost last: only the innermost one answers Escape and traps Tab. */
const openDialogs: HTMLElement[] = [];

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/** Where focus goes when the element that opened a dialog is gone (a removed VPC's button). */
function fallbackFocus(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>('.react-flow__node.selected') ?? document.querySelector('.canvas')
  );
}

/**
 * A modal dialog (WAI-ARIA dialog pattern): named by its title, Escape or the close button closes
 * it, Tab stays inside, and focus returns to what opened it. Escape and Tab are watched on the
 * document, so a dialog keeps working when its focused button is disabled or removed (focus then
 * falls to the page body). Drawn in a portal so a dialog opened from a canvas node is not
 * positioned by the node's transform.
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  wide,
  alert,
  describedBy,
  focusInNextFrame,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  /** A confirmation that interrupts (role alertdialog): focus starts on its safe choice. */
  alert?: boolean;
  describedBy?: string;
  /**
   * Take focus in the next animation frame rather than at once: for a dialog that opens by itself
   * (the report at the end of an import), whose focus would otherwise force a layout of the whole
   * just-changed page inside the task that rendered it. Escape and Tab work meanwhile (watched on
   * the document); nothing typed is lost, as no one asked for this dialog.
   */
  focusInNextFrame?: boolean;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (!dialog) return;
    openDialogs.push(dialog);
    // A dialog with nothing to fill in (Keyboard shortcuts) focuses its close button, so Escape reaches it.
    const focusFirst = () =>
      (
        dialog.querySelector<HTMLElement>('[data-autofocus]') ??
        dialog.querySelector<HTMLElement>('input, button:not(.dialog__close), select') ??
        dialog.querySelector<HTMLElement>('.dialog__close')
      )?.focus();
    let frame = 0;
    if (focusInNextFrame) frame = requestAnimationFrame(focusFirst);
    else focusFirst();
    const onKeyDown = (event: KeyboardEvent) => {
      if (openDialogs[openDialogs.length - 1] !== dialog || event.defaultPrevented) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        onCloseRef.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables(dialog);
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const active = document.activeElement;
      if (!dialog.contains(active)) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      } else if (event.shiftKey && active === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    // Capture, so the dialog answers before the app's shortcuts and React Flow's key handlers.
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('keydown', onKeyDown, true);
      openDialogs.splice(openDialogs.indexOf(dialog), 1);
      // After React has removed the dialog, so the returned focus is not taken back.
      requestAnimationFrame(() => {
        const target = previous?.isConnected && previous !== document.body ? previous : fallbackFocus();
        target?.focus?.();
      });
    };
  }, []);
  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`dialog${wide ? ' dialog--wide' : ''}`}
        role={alert ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={describedBy}
        tabIndex={-1}
      >
        <header className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <button type="button" className="btn btn--icon dialog__close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog__body">{children}</div>
        {footer && <footer className="dialog__footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}
