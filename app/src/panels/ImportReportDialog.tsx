import { useMemo, useState } from 'react';
import type { ReportEntry, ResourceOutcome } from '@archgen/import';
import { useApp, useAppStore } from '../store/context.tsx';
import { Dialog } from './Dialog.tsx';

type OutcomeKind = ResourceOutcome['kind'];

const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  node: 'Service',
  'part-of': 'Part of a service',
  network: 'Network',
  kept: 'Kept as is',
  skipped: 'Not imported',
};
const OUTCOME_ORDER: readonly OutcomeKind[] = ['node', 'part-of', 'network', 'kept', 'skipped'];

/** "became Orders queue", "the role of Orders worker", "kept: custom resource"... */
function describeOutcome(
  outcome: ResourceOutcome,
  nameOf: (id: string) => string,
  vpcNameOf: (id: string) => string,
): string {
  switch (outcome.kind) {
    case 'node':
      return nameOf(outcome.nodeId);
    case 'part-of':
      return `${outcome.role} of ${nameOf(outcome.nodeId)}`;
    case 'network':
      return `${outcome.role} of ${vpcNameOf(outcome.vpcId)}`;
    case 'kept':
      return `${nameOf(outcome.nodeId)}: ${outcome.reason}`;
    case 'skipped':
      return outcome.reason;
  }
}

/**
 * The import report: what became of every resource of the imported code (nothing is dropped in
 * silence), and the problems the reader met. Opened after an import and from the toolbar.
 */
export function ImportReportDialog() {
  const store = useAppStore();
  const imported = useApp((s) => s.importReport);
  const design = useApp((s) => s.design);
  const [shown, setShown] = useState<OutcomeKind | 'all'>('all');
  const close = () => store.getState().openDialog(null);
  const counts = useMemo(() => {
    const c = new Map<OutcomeKind, number>();
    for (const entry of imported?.report.resources ?? [])
      c.set(entry.outcome.kind, (c.get(entry.outcome.kind) ?? 0) + 1);
    return c;
  }, [imported]);
  if (!imported) return null;
  const { report, source } = imported;
  const nameOf = (id: string) => design.nodes.find((n) => n.id === id)?.name ?? id;
  const vpcNameOf = (id: string) => design.vpcs.find((v) => v.id === id)?.name ?? id;
  // One file imported: its name is in the title, not on every row.
  const oneFile = new Set(report.resources.map((r) => r.file)).size <= 1;
  const rows: ReportEntry[] =
    shown === 'all' ? report.resources : report.resources.filter((r) => r.outcome.kind === shown);
  const show = (nodeId: string) => {
    const s = store.getState();
    s.select({ nodeIds: [nodeId] });
    s.focusNode(nodeId);
    close();
  };
  return (
    <Dialog title={`Import report: ${source}`} onClose={close} wide>
      <p className="import-report__summary">
        {report.resources.length} resources read from {report.format === 'sam' ? 'SAM' : report.format}:{' '}
        {OUTCOME_ORDER.filter((k) => counts.get(k))
          .map((k) => `${counts.get(k)} ${OUTCOME_LABELS[k].toLowerCase()}`)
          .join(', ')}
        .
      </p>
      <div className="import-report__filters" role="group" aria-label="Show resources">
        {(['all', ...OUTCOME_ORDER] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            aria-pressed={shown === kind}
            disabled={kind !== 'all' && !counts.get(kind)}
            onClick={() => setShown(kind)}
          >
            {kind === 'all' ? 'All' : OUTCOME_LABELS[kind]} (
            {kind === 'all' ? report.resources.length : (counts.get(kind) ?? 0)})
          </button>
        ))}
      </div>
      <div className="import-report__table-wrap">
        <table className="import-report__table" aria-label="Imported resources">
          <thead>
            <tr>
              <th scope="col">Resource</th>
              <th scope="col">Type</th>
              <th scope="col">Became</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) => {
              const nodeId =
                entry.outcome.kind === 'node' ||
                entry.outcome.kind === 'part-of' ||
                entry.outcome.kind === 'kept'
                  ? entry.outcome.nodeId
                  : undefined;
              return (
                <tr key={`${entry.file}:${entry.sourceId}`} data-outcome={entry.outcome.kind}>
                  <td>
                    <code>{entry.sourceId}</code>
                    {entry.file && !oneFile && <span className="import-report__file">{entry.file}</span>}
                  </td>
                  <td>
                    <code>{entry.sourceType}</code>
                  </td>
                  <td>{OUTCOME_LABELS[entry.outcome.kind]}</td>
                  <td>
                    {nodeId && design.nodes.some((n) => n.id === nodeId) ? (
                      <button type="button" className="import-report__link" onClick={() => show(nodeId)}>
                        {describeOutcome(entry.outcome, nameOf, vpcNameOf)}
                      </button>
                    ) : (
                      describeOutcome(entry.outcome, nameOf, vpcNameOf)
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {report.problems.length > 0 && (
        <>
          <h3 className="import-report__heading">What the reader noticed ({report.problems.length})</h3>
          <ul className="import-report__problems" aria-label="Import problems">
            {report.problems.map((p, i) => (
              <li key={i} data-severity={p.severity}>
                <strong>{p.severity}</strong> {p.message}
                {(p.file || p.sourceId) && (
                  <span className="import-report__file">
                    {[p.file && (p.line ? `${p.file}:${p.line}` : p.file), p.sourceId]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
