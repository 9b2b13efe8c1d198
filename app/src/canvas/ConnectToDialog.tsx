import { useMemo, useState, type KeyboardEvent } from 'react';
import { allowedConnectionKinds, getService, type ConnectionKind } from '@archgen/model';
import { useApp, useAppStore } from '../store/context.tsx';
import { Dialog } from '../panels/Dialog.tsx';
import { connect } from '../commands/designCommands.ts';
import { KIND_LABELS, connectionMeaning } from './labels.ts';

interface Target {
  id: string;
  name: string;
  type: string;
  displayName: string;
  kinds: ConnectionKind[];
}

/** The catalog's meaning of a kind, unless it only repeats the label ("publishes to"). */
function meaningBeyondLabel(fromType: string, toType: string, kind: ConnectionKind): string | null {
  const meaning = connectionMeaning(fromType, toType, kind);
  return meaning.toLowerCase().startsWith(KIND_LABELS[kind].toLowerCase()) ? null : meaning;
}

/** Arrow keys move between the search box and the choices, as in a list of options. */
function moveFocus(root: HTMLElement, key: string): boolean {
  const items = [...root.querySelectorAll<HTMLElement>('input[type="search"], .connect-to__kind')];
  const index = items.indexOf(document.activeElement as HTMLElement);
  let next: number;
  if (key === 'ArrowDown') next = Math.min(index + 1, items.length - 1);
  else if (key === 'ArrowUp') next = Math.max(index - 1, 0);
  else if (key === 'Home' && index > 0) next = 1;
  else if (key === 'End' && index > 0) next = items.length - 1;
  else return false;
  items[next]?.focus();
  return true;
}

/**
 * "Connect to…": connecting without a mouse. Lists the services the selected one may connect
 * to, with each connection kind the pair allows (and what it means), searchable by name.
 */
export function ConnectToDialog() {
  const store = useAppStore();
  const open = useApp((s) => s.dialog === 'connect');
  const sourceId = useApp((s) => (s.dialog === 'connect' ? s.selection.nodeIds[0] : undefined));
  if (!open || !sourceId) return null;
  return (
    <ConnectToList key={sourceId} sourceId={sourceId} onClose={() => store.getState().openDialog(null)} />
  );
}

function ConnectToList({ sourceId, onClose }: { sourceId: string; onClose(): void }) {
  const store = useAppStore();
  const design = useApp((s) => s.design);
  const [query, setQuery] = useState('');
  const source = design.nodes.find((n) => n.id === sourceId);
  const targets = useMemo<Target[]>(() => {
    if (!source) return [];
    return design.nodes.flatMap((node) => {
      if (node.id === source.id) return [];
      const existing = new Set(
        design.connections.filter((c) => c.from === source.id && c.to === node.id).map((c) => c.kind),
      );
      const kinds = allowedConnectionKinds(source.type, node.type).filter((k) => !existing.has(k));
      if (kinds.length === 0) return [];
      const displayName = getService(node.type)?.displayName ?? node.type;
      return [{ id: node.id, name: node.name, type: node.type, displayName, kinds }];
    });
  }, [design, source]);
  if (!source) return null;
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = targets.filter((t) => {
    const text = `${t.name} ${t.displayName} ${t.kinds.map((k) => KIND_LABELS[k]).join(' ')}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const choose = (target: Target, kind: ConnectionKind) => {
    onClose();
    connect(store, source.id, target.id, kind);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (moveFocus(e.currentTarget, e.key)) e.preventDefault();
  };
  return (
    <Dialog title={`Connect ${source.name} to…`} onClose={onClose}>
      <div onKeyDown={onKeyDown}>
        <p className="dialog__lead">
          Only the services {source.name} can connect to are listed, with each kind of connection the catalog
          allows.
        </p>
        <input
          type="search"
          className="connect-to__search"
          aria-label="Search targets"
          placeholder="Search the services it can connect to"
          value={query}
          data-autofocus
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter takes the only (or first) choice, so typing a name and Enter connects.
            const first = shown[0];
            if (e.key === 'Enter' && first) {
              e.preventDefault();
              choose(first, first.kinds[0]!);
            }
          }}
        />
        {shown.length > 0 ? (
          <ul className="connect-to__list" aria-label="Services it can connect to">
            {shown.map((target) => (
              <li key={target.id} className="connect-to__target">
                <div className="connect-to__name">
                  {target.name}
                  {target.name !== target.displayName && (
                    <span className="connect-to__type">{target.displayName}</span>
                  )}
                </div>
                <ul className="connect-to__kinds" aria-label={`Connections to ${target.name}`}>
                  {target.kinds.map((kind) => (
                    <li key={kind}>
                      <button type="button" className="connect-to__kind" onClick={() => choose(target, kind)}>
                        <span className={`kind-dot kind-dot--${kind}`} aria-hidden="true" />
                        {/* Named by its content ("Orders table: reads/writes — …"), the target first. */}
                        <span className="sr-only">{target.name}: </span>
                        <span className="menu-item__label">{KIND_LABELS[kind]}</span>
                        <span className="sr-only"> — </span>
                        {meaningBeyondLabel(source.type, target.type, kind) && (
                          <span className="connect-to__meaning">
                            {meaningBeyondLabel(source.type, target.type, kind)}
                          </span>
                        )}
                      </button>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        ) : (
          <p className="connect-to__none" role="status">
            {targets.length === 0
              ? `No service on the canvas accepts a connection from ${source.name}. Add one from the palette first.`
              : `No service it can connect to matches “${query}”.`}
          </p>
        )}
      </div>
    </Dialog>
  );
}
