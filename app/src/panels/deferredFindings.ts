import { useDeferredValue } from 'react';
import type { Finding } from '@archgen/rules';
import { useApp } from '../store/context.tsx';
import { findingsOf } from '../store/selectors.ts';

/**
 * Findings of the committed design, validated in a deferred (interruptible) render rather than in
 * the event handler that committed it: a drop or a keystroke never waits for the rules.
 */
export function useDeferredFindings(): Finding[] {
  const design = useApp((s) => s.design);
  return findingsOf(useDeferredValue(design));
}
