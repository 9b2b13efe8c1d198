/**
 * Review operations on the design (accepted risks, notes, usage assumptions). Each is one
 * `commit`, so each is one undo step; the domain rules live in @archgen/review.
 */
import type { AcceptedRisk } from '@archgen/model';
import type { Finding } from '@archgen/rules';
import { acceptRisk, revokeRisk } from '@archgen/review';
import type { AppStore } from '../store/appStore.ts';
import { uniqueId } from '../store/designOps.ts';

/** Accepts the finding's risk; returns why not (an empty or too long reason) or null. */
export function acceptFindingRisk(store: AppStore, finding: Finding, reason: string): string | null {
  const { design, commit } = store.getState();
  try {
    commit(acceptRisk(design, finding, reason), `Accept risk ${finding.ruleId}`);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function revokeAcceptedRisk(store: AppStore, risk: AcceptedRisk): void {
  const { design, commit } = store.getState();
  commit(
    revokeRisk(design, { ruleId: risk.ruleId, target: { kind: 'node', id: risk.targetId } }),
    `Revoke risk ${risk.ruleId}`,
  );
}

export const MAX_NOTE_LENGTH = 4096;

export function addNote(store: AppStore, targetId: string, text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const { design, commit } = store.getState();
  const id = uniqueId(design, 'note');
  commit(
    { ...design, notes: [...design.notes, { id, targetId, text: trimmed.slice(0, MAX_NOTE_LENGTH) }] },
    'Add note',
  );
  return id;
}

export function updateNote(store: AppStore, id: string, text: string): void {
  const trimmed = text.trim();
  if (!trimmed) return;
  const { design, commit } = store.getState();
  commit(
    {
      ...design,
      notes: design.notes.map((n) => (n.id === id ? { ...n, text: trimmed.slice(0, MAX_NOTE_LENGTH) } : n)),
    },
    'Edit note',
  );
}

export function deleteNote(store: AppStore, id: string): void {
  const { design, commit } = store.getState();
  commit({ ...design, notes: design.notes.filter((n) => n.id !== id) }, 'Delete note');
}

/** Sets one usage assumption of a node; undefined goes back to the documented default. */
export function setUsageAssumption(
  store: AppStore,
  nodeId: string,
  key: string,
  value: number | undefined,
): void {
  const { design, commit } = store.getState();
  const current = { ...design.usage[nodeId] };
  if (value === undefined) delete current[key];
  else current[key] = value;
  const usage = { ...design.usage };
  if (Object.keys(current).length === 0) delete usage[nodeId];
  else usage[nodeId] = current;
  commit({ ...design, usage }, 'Change usage assumption', `usage:${nodeId}:${key}`);
}

/** A shared (read-only) design becomes the user's own editable design, which autosave then keeps. */
export function makeCopy(store: AppStore): void {
  const s = store.getState();
  s.setReadOnly(false);
  // A new document object, so autosave (started when read-only ends) writes it at once.
  s.commit({ ...s.design }, 'Make a copy');
}
