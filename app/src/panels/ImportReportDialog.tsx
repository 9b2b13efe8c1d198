import { useEffect, useMemo, useState } from 'react';
import type { ReportEntry, ResourceOutcome } from '@archgen/import';
import { useApp, useAppStore } from '../store/context.tsx';
import { Dialog } from './Dialog.tsx';
import { afterNextPaint } from '../afterPaint.ts';

type OutcomeKind = ResourceOutcome['kind'];

const OUTCOME_LABELS: Record<OutcomeKind, string> = {
  node: 'Service',
  'part-of': 'Part of a service',
  network: 'Network',
  kept: 'Kept as is',
  skipped: 'Not imported',
};
const OUTCOME_ORDER: readonly OutcomeKind[] = ['node', 'part-of', 'network', 'kept', 'skipped'];
/**
 * Rows drawn per frame: a report of hundreds of resources is drawn a batch at a time (all of them
 * end up in the table) so opening it is never one long task.
 */
const ROW_BATCH = 80;

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
  // The dialog opens (and takes focus, which lays out the page) without rows: the first batch
  // follows in the next task.
  const [rowLimit, setRowLimit] = useState(0);
  const close = () => store.getState().openDialog(null);
  const counts = useMemo(() => {
    const c = new Map<OutcomeKind, number>();
    for (const entry of imported?.report.resources ?? [])
      c.set(entry.outcome.kind, (c.get(entry.outcome.kind) ?? 0) + 1);
    return c;
  }, [imported]);
  // Looked up once per design, not scanned for each row.
  const nodeNames = useMemo(() => new Map(design.nodes.map((n) => [n.id, n.name])), [design.nodes]);
  const vpcNames = useMemo(() => new Map(design.vpcs.map((v) => [v.id, v.name])), [design.vpcs]);
  const total = imported?.report.resources.length ?? 0;
  useEffect(() => {
    if (rowLimit >= total) return;
    return afterNextPaint(() => setRowLimit((n) => n + ROW_BATCH));
  }, [rowLimit, total]);
  if (!imported) return null;
  const { report, source } = imported;
  const nameOf = (id: string) => nodeNames.get(id) ?? id;
  const vpcNameOf = (id: string) => vpcNames.get(id) ?? id;
  // One file imported: its name is in the title, not on every row.
  const oneFile = new Set(report.resources.map((r) => r.file)).size <= 1;
  const rows: ReportEntry[] = (
    shown === 'all' ? report.resources : report.resources.filter((r) => r.outcome.kind === shown)
  ).slice(0, rowLimit);
  const show = (nodeId: string) => {
    const s = store.getState();
    s.select({ nodeIds: [nodeId] });
    s.focusNode(nodeId);
    close();
  };
  return (
    <Dialog title={`Import report: ${source}`} onClose={close} wide focusInNextFrame>
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
                    {nodeId && nodeNames.has(nodeId) ? (
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
