import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useApp, useAppStore } from '../store/context.tsx';
import { connectionIndex, nodeIndex } from '../store/selectors.ts';
import { useBadge } from './checkedDesign.tsx';
import { connectionLabel, connectionMeaning } from './labels.ts';
import type { ConnectionFlowEdge } from './flowTypes.ts';
import { NotePin } from '../review/notes.tsx';

/** A typed connection: a curve with a label chip saying what it means ("HTTPS :443", "invokes"). */
export const ConnectionEdge = memo(function ConnectionEdge(props: EdgeProps<ConnectionFlowEdge>) {
  const {
    id,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    selected,
    markerEnd,
    data,
  } = props;
  const store = useAppStore();
  const connection = useApp((s) => connectionIndex(s.design).get(id));
  const from = useApp((s) => (connection ? nodeIndex(s.design).get(connection.from) : undefined));
  const to = useApp((s) => (connection ? nodeIndex(s.design).get(connection.to) : undefined));
  const badge = useBadge(id);
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  if (!connection) return null;
  const label = connectionLabel(connection, to?.type);
  const meaning = from && to ? connectionMeaning(from.type, to.type, connection.kind) : connection.kind;
  const worst = badge?.split(':')[0];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`edge edge--${connection.kind}${selected ? ' is-selected' : ''}`}
        interactionWidth={18}
      />
      <EdgeLabelRenderer>
        <div
          className={`edge-label nodrag nopan edge-label--${connection.kind}${selected ? ' is-selected' : ''}${worst ? ` has-${worst}` : ''}`}
          onClick={(e) => {
            const s = store.getState();
            const multi = e.shiftKey || e.metaKey || e.ctrlKey;
            s.select(
              multi
                ? { ...s.selection, connectionIds: [...s.selection.connectionIds, id] }
                : { connectionIds: [id] },
            );
          }}
          style={{
            transform: `translate(-50%, -50%) translate(${labelX + (data?.labelDx ?? 0)}px, ${labelY + (data?.labelDy ?? 0)}px)`,
          }}
          title={`${from?.name ?? connection.from} ${meaning} ${to?.name ?? connection.to}`}
        >
          {label}
          <NotePin targetId={id} name={`${from?.name ?? connection.from} to ${to?.name ?? connection.to}`} />
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
