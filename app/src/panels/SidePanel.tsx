import type { ReactNode } from 'react';
import { useApp, useAppStore } from '../store/context.tsx';
import type { SideTab } from '../store/uiSlice.ts';
import { Inspector } from './Inspector.tsx';
import { ReviewPanel } from '../review/ReviewPanel.tsx';
import { ReadOnlyFields } from '../review/ReadOnlyFields.tsx';
import { PanelToggle } from './PanelToggle.tsx';

/**
 * The right sidebar. Review features (scorecard, notes, cost) add a tab here and an id in
 * SideTab; the tab bar appears as soon as there is more than one.
 */
const SIDE_TABS: readonly { id: SideTab; label: string; render(): ReactNode }[] = [
  {
    id: 'inspector',
    label: 'Inspector',
    render: () => (
      <ReadOnlyFields>
        <Inspector />
      </ReadOnlyFields>
    ),
  },
  { id: 'review', label: 'Review', render: () => <ReviewPanel /> },
];

export function SidePanel() {
  const store = useAppStore();
  const tab = useApp((s) => s.sideTab);
  const open = useApp((s) => s.sidePanelOpen);
  const active = SIDE_TABS.find((t) => t.id === tab) ?? SIDE_TABS[0]!;
  const toggle = (
    <PanelToggle name="details panel" open={open} side="right" onToggle={store.getState().setSidePanelOpen} />
  );
  if (!open)
    return (
      <aside className="side-panel side-panel--collapsed" aria-label="Details">
        {toggle}
      </aside>
    );
  return (
    <aside className="side-panel" aria-label="Details">
      <div className="side-panel__bar">
        {SIDE_TABS.length > 1 ? (
          <div className="tabs" role="tablist" aria-label="Sidebar">
            {SIDE_TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={t.id === active.id}
                className={`tab${t.id === active.id ? ' is-active' : ''}`}
                onClick={() => store.getState().setSideTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
        ) : (
          <div className="side-panel__title">{active.label}</div>
        )}
        <span className="side-panel__spacer" />
        {toggle}
      </div>
      <div className="side-panel__content">{active.render()}</div>
    </aside>
  );
}
