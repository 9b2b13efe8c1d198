import { useEffect, useRef } from 'react';
import type { ConnectionKind } from '@archgen/model';
import { useApp } from '../store/context.tsx';
import { nodeIndex } from '../store/selectors.ts';
import { KIND_LABELS, connectionMeaning } from './labels.ts';
import { moveMenuFocus } from './ContextMenu.tsx';

/** When a pair of services allows several kinds of connection, the person picks one. */
export function ConnectMenu({
  from,
  to,
  kinds,
  at,
  onChoose,
  onCancel,
}: {
  from: string;
  to: string;
  kinds: ConnectionKind[];
  at: { x: number; y: number };
  onChoose(kind: ConnectionKind): void;
  onCancel(): void;
}) {
  const source = useApp((s) => nodeIndex(s.design).get(from));
  const target = useApp((s) => nodeIndex(s.design).get(to));
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);
  if (!source || !target) return null;
  return (
    <div
      className="popover connect-menu"
      role="menu"
      aria-label="Choose connection kind"
      style={{ left: at.x, top: at.y }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        } else if (moveMenuFocus(e.currentTarget, e.key)) {
          e.preventDefault();
          e.stopPropagation();
        }
      }}
    >
      <div className="popover__title">
        {source.name} → {target.name}
      </div>
      {kinds.map((kind, i) => (
        <button
          key={kind}
          ref={i === 0 ? first : undefined}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="menu-item"
          onClick={() => onChoose(kind)}
        >
          <span className={`kind-dot kind-dot--${kind}`} aria-hidden="true" />
          <span className="menu-item__label">{KIND_LABELS[kind]}</span>
          <span className="menu-item__hint">{connectionMeaning(source.type, target.type, kind)}</span>
        </button>
      ))}
      <button
        type="button"
        role="menuitem"
        tabIndex={-1}
        className="menu-item menu-item--muted"
        onClick={onCancel}
      >
        Cancel
      </button>
    </div>
  );
}
