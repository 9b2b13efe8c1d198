/**
 * The design the canvas badges are computed from: the committed design, adopted in an idle
 * moment after each commit. Validation then never runs inside the pointer-up handler that ends a
 * drag (the drop commits the move; badges follow a frame or two later).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { Design } from '@archgen/model';
import { useAppStore } from '../store/context.tsx';
import { findingSummaries } from '../store/selectors.ts';

type CheckedDesignStore = StoreApi<{ design: Design }>;

const CheckedDesignContext = createContext<CheckedDesignStore | null>(null);

/** Longest wait for an idle moment: a busy page still gets its badges. */
const IDLE_TIMEOUT_MS = 300;

function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 0);
  return () => clearTimeout(handle);
}

export function CheckedDesignProvider({ children }: { children: ReactNode }) {
  const app = useAppStore();
  const [checked] = useState(() => createStore(() => ({ design: app.getState().design })));
  useEffect(() => {
    let cancel = () => {};
    const adopt = () => checked.setState({ design: app.getState().design });
    // A design committed between the first render and this subscription.
    if (checked.getState().design !== app.getState().design) cancel = whenIdle(adopt);
    const unsubscribe = app.subscribe((state, previous) => {
      if (state.design === previous.design) return;
      cancel();
      cancel = whenIdle(adopt);
    });
    return () => {
      cancel();
      unsubscribe();
    };
  }, [app, checked]);
  return <CheckedDesignContext.Provider value={checked}>{children}</CheckedDesignContext.Provider>;
}

/** The badge of one node, VPC or connection ("high:3"), a primitive so only changed badges re-render. */
export function useBadge(id: string): string | undefined {
  const checked = useContext(CheckedDesignContext);
  if (!checked) throw new Error('useBadge must be used inside <CheckedDesignProvider>');
  return useStore(checked, (s) => {
    const summary = findingSummaries(s.design).get(id);
    return summary ? `${summary.worst}:${summary.count}` : undefined;
  });
}
