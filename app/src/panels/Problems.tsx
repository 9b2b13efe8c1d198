import { memo, useMemo, useState } from 'react';
import { PILLARS, SEVERITIES, type Finding, type Pillar } from '@archgen/rules';
import { useApp, useAppStore } from '../store/context.tsx';
import { connectionIndex, nodeIndex, vpcIndex } from '../store/selectors.ts';
import { useDeferredFindings } from './deferredFindings.ts';
import { applyFindingFix } from '../commands/designCommands.ts';

/** A collapsed finding row's height, for a list's size before it is first drawn. */
const FINDING_ROW_PX = 30;

export const PILLAR_LABELS: Readonly<Record<Pillar, string>> = {
  security: 'Security',
  reliability: 'Reliability',
  performance: 'Performance efficiency',
  cost: 'Cost optimization',
  'operational-excellence': 'Operational excellence',
  sustainability: 'Sustainability',
};

function useTargetName(finding: Finding): string {
  return useApp((s) => {
    const { kind, id } = finding.target;
    if (kind === 'node') return nodeIndex(s.design).get(id)?.name ?? id;
    if (kind === 'vpc') return `VPC ${vpcIndex(s.design).get(id)?.name ?? id}`;
    if (kind === 'connection') {
      const c = connectionIndex(s.design).get(id);
      if (!c) return id;
      const nodes = nodeIndex(s.design);
      return `${nodes.get(c.from)?.name ?? c.from} → ${nodes.get(c.to)?.name ?? c.to}`;
    }
    return 'Design';
  });
}

/** One finding: click to select and focus its target; a quick-fix button when the fix is automatic. */
export const FindingItem = memo(function FindingItem({
  finding,
  showTarget = true,
}: {
  finding: Finding;
  showTarget?: boolean;
}) {
  const store = useAppStore();
  const targetName = useTargetName(finding);
  // A shared design is read-only until copied: its quick fixes would do nothing.
  const readOnly = useApp((s) => s.readOnly);
  const [open, setOpen] = useState(false);
  const focus = () => {
    const { kind, id } = finding.target;
    const s = store.getState();
    if (kind === 'node') s.focusNode(id);
    else if (kind === 'connection') s.select({ connectionIds: [id] });
    else if (kind === 'vpc') s.select({ vpcIds: [id] });
  };
  const fix = finding.fix;
  return (
    <li className={`finding finding--${finding.severity}${finding.accepted ? ' finding--accepted' : ''}`}>
      <div className="finding__row">
        <span className={`sev sev--${finding.severity}`} title={finding.severity}>
          {finding.severity}
        </span>
        <button
          type="button"
          className="finding__main"
          onClick={focus}
          aria-expanded={open}
          onDoubleClick={() => setOpen((o) => !o)}
        >
          <span className="finding__message">{finding.message}</span>
          <span className="finding__meta">
            {showTarget && <span className="finding__target">{targetName}</span>}
            <span className="finding__rule">{finding.ruleId}</span>
            {finding.environment && <span className="chip chip--env">{finding.environment}</span>}
            {finding.accepted && <span className="chip chip--muted">accepted</span>}
          </span>
        </button>
        <button
          type="button"
          className="btn btn--icon"
          aria-label={`Why: ${finding.ruleId}`}
          aria-expanded={open}
          title="Why this matters"
          onClick={() => setOpen((o) => !o)}
        >
          ?
        </button>
        {fix && fix.actions.length > 0 && !finding.accepted && (
          <button
            type="button"
            className="btn btn--fix"
            disabled={readOnly}
            title={readOnly ? 'Make a copy of the shared design to apply fixes' : undefined}
            onClick={() => applyFindingFix(store, finding)}
          >
            {fix.title}
          </button>
        )}
      </div>
      {open && (
        <div className="finding__why">
          {finding.why}
          {fix && fix.actions.length === 0 && <div className="finding__manual">Fix: {fix.title}</div>}
          {finding.accepted && <div className="finding__manual">Accepted: {finding.accepted.reason}</div>}
        </div>
      )}
    </li>
  );
});

/** All findings, grouped by Well-Architected pillar, then severity. */
export function Problems() {
  const findings = useDeferredFindings();
  const [showAccepted, setShowAccepted] = useState(false);
  const groups = useMemo(() => {
    const visible = findings.filter((f) => showAccepted || !f.accepted);
    return PILLARS.map((pillar) => ({
      pillar,
      severities: SEVERITIES.map((severity) => ({
        severity,
        findings: visible.filter((f) => f.pillar === pillar && f.severity === severity),
      })).filter((g) => g.findings.length > 0),
    })).filter((g) => g.severities.length > 0);
  }, [findings, showAccepted]);
  const open = findings.filter((f) => !f.accepted);
  const accepted = findings.length - open.length;
  return (
    <section className="problems" role="region" aria-label="Problems">
      <div className="problems__summary">
        {SEVERITIES.map((s) => {
          const n = open.filter((f) => f.severity === s).length;
          return (
            <span key={s} className={`summary-chip sev--${s}${n === 0 ? ' is-zero' : ''}`}>
              {n} {s}
            </span>
          );
        })}
        {accepted > 0 && (
          <label className="problems__toggle">
            <input
              type="checkbox"
              checked={showAccepted}
              onChange={(e) => setShowAccepted(e.target.checked)}
            />{' '}
            Show {accepted} accepted
          </label>
        )}
      </div>
      {groups.length === 0 ? (
        <p className="empty">No problems found. The design follows every rule the checker knows.</p>
      ) : (
        <div className="problems__groups">
          {groups.map((group) => (
            <section key={group.pillar} className="pillar" aria-label={PILLAR_LABELS[group.pillar]}>
              <h3 className="pillar__heading">
                {PILLAR_LABELS[group.pillar]}
                <span className="pillar__count">
                  {group.severities.reduce((n, g) => n + g.findings.length, 0)}
                </span>
              </h3>
              {group.severities.map((g) => (
                <div key={g.severity} className="severity-group">
                  <h4 className={`severity-group__heading sev-text--${g.severity}`}>
                    {g.severity} · {g.findings.length}
                  </h4>
                  <ul
                    className="finding-list"
                    // Its height until first drawn, so the scrollbar is right while it is skipped.
                    style={{ containIntrinsicSize: `auto ${g.findings.length * FINDING_ROW_PX}px` }}
                  >
                    {g.findings.map((f, i) => (
                      <FindingItem
                        key={`${f.ruleId}:${f.target.id}:${f.environment ?? ''}:${i}`}
                        finding={f}
                      />
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </div>
      )}
    </section>
  );
}
