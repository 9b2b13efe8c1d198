import { useEffect } from 'react';
import { useApp, useAppStore } from '../store/context.tsx';
import type { Toast } from '../store/uiSlice.ts';

const TOAST_MS = { error: 8000, info: 3500 } as const;

function ToastItem({ toast }: { toast: Toast }) {
  const store = useAppStore();
  useEffect(() => {
    const timer = setTimeout(() => store.getState().dismissToast(toast.id), TOAST_MS[toast.kind]);
    return () => clearTimeout(timer);
  }, [store, toast]);
  return (
    <div className={`toast toast--${toast.kind}`}>
      <span className="toast__message" role={toast.kind === 'error' ? 'alert' : 'status'}>
        {toast.message}
      </span>
      <button
        type="button"
        className="btn btn--icon btn--ghost"
        aria-label="Dismiss"
        onClick={() => store.getState().dismissToast(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

export function Toasts() {
  const toasts = useApp((s) => s.toasts);
  return (
    <div className="toasts">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
