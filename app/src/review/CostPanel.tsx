import { memo, useId, useMemo, useState } from 'react';
import type { DesignNode } from '@archgen/model';
import {
  costSuggestions,
  estimateCost,
  formatUsd,
  usageAssumptions,
  type NodeCost,
  type UsageAssumption,
} from '@archgen/review';
import { useApp, useAppStore } from '../store/context.tsx';
import { nodeIndex } from '../store/selectors.ts';
import { setUsageAssumption } from './reviewCommands.ts';

function UsageInput({ node, assumption }: { node: DesignNode; assumption: UsageAssumption }) {
  const store = useAppStore();
  const readOnly = useApp((s) => s.readOnly);
  const stored = useApp((s) => s.design.usage[node.id]?.[assumption.key]);
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? (stored === undefined ? '' : String(stored));
  const commit = (text: string) => {
    const trimmed = text.trim();
    const number = Number(trimmed);
    if (trimmed === '') setUsageAssumption(store, node.id, assumption.key, undefined);
    else if (Number.isFinite(number) && number >= 0)
      setUsageAssumption(store, node.id, assumption.key, number);
  };
  const invalid = draft !== null && draft.trim() !== '' && !(Number(draft) >= 0);
  return (
    <label className="usage-input" title={assumption.help}>
      <span className="usage-input__label">
        {assumption.label} <span className="usage-input__unit">({assumption.unit})</span>
      </span>
      <input
        className="input input--number"
        type="number"
        min={0}
        step="any"
        disabled={readOnly}
        value={value}
        placeholder={assumption.default === null ? 'from properties' : String(assumption.default)}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          commit(e.target.value);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}

const NodeCostRow = memo(function NodeCostRow({ cost }: { cost: NodeCost }) {
  const node = useApp((s) => nodeIndex(s.design).get(cost.nodeId));
  const assumptions = node ? usageAssumptions(node.type) : [];
  return (
    // The <details> is the named group: a list item must stay a listitem.
    <li className="cost-node">
      <details aria-label={cost.name}>
        <summary className="cost-node__summary">
          <span className="cost-node__name">{cost.name}</span>
          <span className="cost-node__amount" data-testid="node-cost">
            {formatUsd(cost.monthly)}
          </span>
        </summary>
        <div className="cost-node__body">
          {cost.lines.length > 0 && (
            <table className="cost-lines">
              <tbody>
                {cost.lines.map((line, i) => (
                  <tr key={i}>
                    <td>{line.label}</td>
                    <td className="num">
                      {line.quantity.toLocaleString('en-US', { maximumFractionDigits: 2 })} {line.unit} ×{' '}
                      {formatUsd(line.unitPrice)}
                    </td>
                    <td className="num">{formatUsd(line.monthly)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {cost.notes.map((note) => (
            <p key={note} className="field__help">
              {note}
            </p>
          ))}
          {node && assumptions.length > 0 && (
            <fieldset className="usage">
              <legend>Usage assumptions</legend>
              {assumptions.map((a) => (
                <UsageInput key={a.key} node={node} assumption={a} />
              ))}
            </fieldset>
          )}
        </div>
      </details>
    </li>
  );
});

/** Monthly cost per node and in total for one environment, with its usage assumptions and savings. */
export function CostPanel() {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  const chosen = useApp((s) => s.costEnv);
  const env = design.environments.some((e) => e.name === chosen) ? chosen! : design.environments[0]!.name;
  const estimate = useMemo(() => estimateCost(design, env), [design, env]);
  const suggestions = useMemo(() => costSuggestions(design, env), [design, env]);
  const saving = suggestions.reduce((sum, s) => sum + s.monthlySaving, 0);
  const names = nodeIndex(design);
  const envId = useId();
  return (
    <section className="cost-panel" role="region" aria-label="Cost">
      <div className="cost-panel__header">
        <div className="field field--inline">
          <label className="field__label" htmlFor={envId}>
            Environment
          </label>
          <select
            id={envId}
            className="input"
            value={env}
            onChange={(e) => store.getState().setCostEnv(e.target.value)}
          >
            {design.environments.map((e) => (
              <option key={e.name} value={e.name}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <div className="cost-panel__total" aria-label="Total monthly cost">
          Total <strong data-testid="cost-total">{formatUsd(estimate.total)}</strong> / month
        </div>
        <span className="field__help">
          {estimate.priceRegion} list prices as of {estimate.pricesAsOf}; an estimate, not a quote.
        </span>
      </div>
      {estimate.warnings.map((w) => (
        <p key={w} className="field__help">
          {w}
        </p>
      ))}
      <div className="cost-panel__columns">
        <ul className="cost-nodes" aria-label="Cost per service">
          {estimate.nodes.map((cost) => (
            <NodeCostRow key={cost.nodeId} cost={cost} />
          ))}
          {estimate.nodes.length === 0 && <li className="empty">Add services to see their cost.</li>}
        </ul>
        <section className="cost-suggestions" aria-label="Savings suggestions">
          <h3 className="section-title">
            Suggestions {suggestions.length > 0 && <>· save up to {formatUsd(saving)} / month</>}
          </h3>
          {suggestions.length === 0 ? (
            <p className="empty">No cost suggestions for {env}.</p>
          ) : (
            <ul className="suggestions">
              {suggestions.map((s) => (
                <li key={`${s.nodeId}:${s.tactic}`} className="suggestion">
                  <div className="suggestion__head">
                    <span className="suggestion__title">{s.title}</span>
                    <span className="suggestion__saving">saves {formatUsd(s.monthlySaving)} / month</span>
                  </div>
                  <div className="suggestion__node">{names.get(s.nodeId)?.name ?? s.nodeId}</div>
                  <p className="suggestion__detail">{s.detail}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
