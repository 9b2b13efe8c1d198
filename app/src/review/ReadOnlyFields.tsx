import type { ReactNode } from 'react';
import { useApp } from '../store/context.tsx';

/** Disables every form control inside while a shared design is read-only. */
export function ReadOnlyFields({ children }: { children: ReactNode }) {
  const readOnly = useApp((s) => s.readOnly);
  return (
    <fieldset className="read-only-fields" disabled={readOnly}>
      {children}
    </fieldset>
  );
}
