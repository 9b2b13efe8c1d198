import { memo, useMemo, useState } from 'react';
// The styles of every review feature (panels, notes, share banner, presentation mode).
import './review.css';
import { SEVERITIES, type Finding } from '@archgen/rules';
import { PILLAR_LABELS, findingKey, scorecard, walkthroughOrder } from '@archgen/review';
import { useApp, useAppStore } from '../store/context.tsx';
import { selectFindings } from '../store/selectors.ts';
import type { AppStore } from '../store/appStore.ts';
import { acceptFindingRisk, revokeAcceptedRisk } from './reviewCommands.ts';
import { targetName } from './targets.ts';

function scoreClass(score: number): string {
  return score >= 90 ? 'good' : score >= 70 ? 'fair' : 'poor';
}

const Scorecard = memo(function Scorecard({ findings }: { findings: Finding[] }) {
  const card = useMemo(() => scorecard(findings), [findings]);
  return (
    <section className="scorecard" aria-label="Scorecard">
      <div className="scorecard__overall">
        <span
          className={`score score--${scoreClass(card.overall)}`}
          aria-label={`Overall score ${card.overall}`}
        >
          {card.overall}
        </span>
        <span>
          Overall · {card.open} open, {card.accepted} accepted
        </span>
      </div>
      <table className="scorecard__table">
        <thead>
          <tr>
            <th scope="col">Pillar</th>
            <th scope="col">Score</th>
            {SEVERITIES.map((s) => (
              <th key={s} scope="col" className={`sev-text--${s}`} title={s}>
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {card.pillars.map((p) => (
            <tr key={p.pillar} aria-label={`${p.label}: score ${p.score}`}>
              <th scope="row">{p.label}</th>
              <td>
                <span className={`score score--small score--${scoreClass(p.score)}`}>{p.score}</span>
              </td>
              {SEVERITIES.map((s) => (
                <td key={s} className={p.counts[s] ? '' : 'is-zero'}>
                  {p.counts[s]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});

function focusTarget(store: AppStore, finding: Finding): void {
  const { kind, id } = finding.target;
  const s = store.getState();
  if (kind === 'node') s.focusNode(id);
  else if (kind === 'connection') s.select({ connectionIds: [id] });
  else if (kind === 'vpc') s.select({ vpcIds: [id] });
}

function AcceptRiskForm({ finding, onDone }: { finding: Finding; onDone(): void }) {
  const store = useAppStore();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const problem = acceptFindingRisk(store, finding, reason);
    if (problem) setError(problem);
    else onDone();
  };
  return (
    <form
      className="accept-risk"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="field">
        <span className="field__label">Reason</span>
        <textarea
          className="input"
          rows={3}
          required
          maxLength={1024}
          value={reason}
          autoFocus
          aria-invalid={error ? true : undefined}
          placeholder="Why the team accepts this risk (written into the generated code)"
          onChange={(e) => {
            setReason(e.target.value);
            setError(null);
          }}
        />
      </label>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="accept-risk__actions">
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary">
          Accept
        </button>
      </div>
    </form>
  );
}

function Walkthrough({ findings }: { findings: Finding[] }) {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  const readOnly = useApp((s) => s.readOnly);
  const list = useMemo(() => walkthroughOrder(findings), [findings]);
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const [accepting, setAccepting] = useState(false);
  // The finding shown stays the same across re-validation; when it goes (accepted, fixed) the
  // walk moves on to whatever now sits at its place.
  const [lastIndex, setLastIndex] = useState(0);
  const found = currentKey ? list.findIndex((f) => findingKey(f) === currentKey) : -1;
  const index = found !== -1 ? found : Math.min(lastIndex, list.length - 1);
  const current = list[index];
  const go = (to: number) => {
    const next = list[to];
    if (!next) return;
    setCurrentKey(findingKey(next));
    setLastIndex(to);
    setAccepting(false);
    focusTarget(store, next);
  };
  if (!current)
    return (
      <section className="walkthrough" aria-label="Findings walkthrough">
        <p className="empty">No open findings: nothing left to walk through.</p>
      </section>
    );
  return (
    <section className="walkthrough" aria-label="Findings walkthrough">
      <div className="walkthrough__nav">
        <button type="button" className="btn" disabled={index <= 0} onClick={() => go(index - 1)}>
          Previous
        </button>
        <span className="walkthrough__position" aria-live="polite">
          {index + 1} of {list.length}
        </span>
        <button
          type="button"
          className="btn"
          disabled={index >= list.length - 1}
          onClick={() => go(index + 1)}
        >
          Next
        </button>
      </div>
      <article className={`walkthrough__finding finding--${current.severity}`} aria-label="Current finding">
        <div className="walkthrough__meta">
          <span className={`sev sev--${current.severity}`}>{current.severity}</span>
          <span className="chip">{PILLAR_LABELS[current.pillar]}</span>
          <span className="finding__rule">{current.ruleId}</span>
          {current.environment && <span className="chip chip--env">{current.environment}</span>}
        </div>
        <button
          type="button"
          className="walkthrough__target link"
          onClick={() => focusTarget(store, current)}
        >
          {targetName(design, current.target.id)}
        </button>
        <p className="walkthrough__message">{current.message}</p>
        <p className="walkthrough__why">{current.why}</p>
        {current.fix && <p className="walkthrough__why">Fix: {current.fix.title}</p>}
        {accepting ? (
          <AcceptRiskForm key={findingKey(current)} finding={current} onDone={() => setAccepting(false)} />
        ) : (
          current.target.kind !== 'design' && (
            <button type="button" className="btn" disabled={readOnly} onClick={() => setAccepting(true)}>
              Accept risk
            </button>
          )
        )}
      </article>
    </section>
  );
}

function AcceptedRisks() {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  const readOnly = useApp((s) => s.readOnly);
  if (design.acceptedRisks.length === 0) return null;
  return (
    <section className="accepted-risks" aria-label="Accepted risks">
      <h3 className="section-title">Accepted risks</h3>
      <ul className="accepted-risks__list">
        {design.acceptedRisks.map((risk) => (
          <li key={`${risk.ruleId}:${risk.targetId}`} className="accepted-risk">
            <div className="accepted-risk__head">
              <span className="finding__rule">{risk.ruleId}</span>
              <span className="accepted-risk__target">{targetName(design, risk.targetId)}</span>
              <button
                type="button"
                className="btn btn--tiny"
                disabled={readOnly}
                aria-label={`Revoke ${risk.ruleId} on ${targetName(design, risk.targetId)}`}
                onClick={() => revokeAcceptedRisk(store, risk)}
              >
                Revoke
              </button>
            </div>
            <p className="accepted-risk__reason">{risk.reason}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Review mode: the Well-Architected scorecard, a walk through open findings, accepted risks. */
export function ReviewPanel() {
  const findings = useApp(selectFindings);
  return (
    <section className="review-panel" role="region" aria-label="Review">
      <Scorecard findings={findings} />
      <Walkthrough findings={findings} />
      <AcceptedRisks />
    </section>
  );
}
