import type { ReactNode } from 'react';
import { useApp, useAppStore } from '../store/context.tsx';
import type { DockTab } from '../store/uiSlice.ts';
import { Problems } from './Problems.tsx';
import { useDeferredFindings } from './deferredFindings.ts';
import { CodePanel } from './CodePanel.tsx';
import { CostPanel } from '../review/CostPanel.tsx';

/** Bottom dock tabs. New panels (e.g. a cost panel) add an entry here and an id in DockTab. */
const DOCK_TABS: readonly { id: DockTab; label: string; render(): ReactNode }[] = [
  { id: 'problems', label: 'Problems', render: () => <Problems /> },
  { id: 'code', label: 'Code', render: () => <CodePanel /> },
  { id: 'cost', label: 'Cost', render: () => <CostPanel /> },
];

function ProblemCount() {
  const count = useDeferredFindings().filter((f) => !f.accepted).length;
  return count > 0 ? (
    <span className="tab__count" aria-hidden="true">
      {count}
    </span>
  ) : null;
}

export function Dock() {
  const store = useAppStore();
  const tab = useApp((s) => s.dockTab);
  const open = useApp((s) => s.dockOpen);
  const active = DOCK_TABS.find((t) => t.id === tab) ?? DOCK_TABS[0]!;
  return (
    <div className={`dock${open ? '' : ' dock--collapsed'}`}>
      <div className="dock__bar">
        <div className="tabs" role="tablist" aria-label="Panels">
          {DOCK_TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-label={t.label}
              aria-selected={open && t.id === active.id}
              className={`tab${open && t.id === active.id ? ' is-active' : ''}`}
              onClick={() => store.getState().setDockTab(t.id)}
            >
              {t.label}
              {t.id === 'problems' && <ProblemCount />}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn btn--icon btn--ghost"
          aria-label={open ? 'Collapse panel' : 'Expand panel'}
          aria-expanded={open}
          onClick={() => store.getState().setDockOpen(!open)}
        >
          {open ? '▾' : '▴'}
        </button>
      </div>
      {open && <div className="dock__content">{active.render()}</div>}
    </div>
  );
}
