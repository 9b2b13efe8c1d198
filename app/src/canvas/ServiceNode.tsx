import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { getService } from '@archgen/model';
import { useApp } from '../store/context.tsx';
import { nodeIndex } from '../store/selectors.ts';
import { useBadge } from './checkedDesign.tsx';
import { ServiceIcon } from '../icons/ServiceIcon.tsx';
import { HANDLE, type ServiceFlowNode } from './flowTypes.ts';
import { NotePin } from '../review/notes.tsx';
import { fitsInLines, prepareFonts } from './textFit.ts';
import { NODE_WIDTH } from '@archgen/layout';

/**
 * The widest the name/type column can be: the node less its borders (3 px on a node with a
 * severity stripe), padding, icon, gap and the room kept for a problem badge, less a few pixels
 * for rounding between canvas and layout. Measured at presenting mode's larger sizes, so a text
 * that fits there fits at the normal sizes too.
 */
const TEXT_WIDTH = NODE_WIDTH - 4 - 21 - 34 - 9 - 8 - 3;
const NAME_FONT = '600 14px';
const TYPE_FONT = '12px';

/** The fonts a service's texts are measured in, selected ahead of the first service drawn. */
export const prepareServiceFonts = () => prepareFonts([NAME_FONT, TYPE_FONT]);

/** One service on the canvas. Subscribes only to its own design node and its own badge. */
export const ServiceNode = memo(function ServiceNode({ id, selected }: NodeProps<ServiceFlowNode>) {
  const node = useApp((s) => nodeIndex(s.design).get(id));
  const badge = useBadge(id);
  if (!node) return null;
  const service = getService(node.type);
  const typeName =
    service?.subtitle?.(node.properties) ?? service?.displayName ?? `Unknown type "${node.type}"`;
  const [worst, count] = badge ? badge.split(':') : [];
  return (
    <div className={`service-node${selected ? ' is-selected' : ''}${worst ? ` has-${worst}` : ''}`}>
      <Handle
        type="target"
        id={HANDLE.left}
        position={Position.Left}
        className="handle"
        // A mouse affordance: the keyboard connects through "Connect to…".
        aria-hidden="true"
      />
      <Handle type="target" id={HANDLE.topIn} position={Position.Top} className="handle handle--in" />
      <Handle type="target" id={HANDLE.bottomIn} position={Position.Bottom} className="handle handle--in" />
      <ServiceIcon type={node.type} size={34} />
      <div className="service-node__text">
        <div
          className={`service-node__name${fitsInLines(node.name, NAME_FONT, TEXT_WIDTH, 2) ? ' fits' : ''}`}
          title={node.name}
        >
          {node.name}
        </div>
        <div
          className={`service-node__type${fitsInLines(typeName, TYPE_FONT, TEXT_WIDTH) ? ' fits' : ''}`}
          title={typeName}
        >
          {typeName}
        </div>
      </div>
      {worst && (
        <span
          className={`badge badge--${worst}`}
          role="status"
          aria-label={`${count} ${count === '1' ? 'problem' : 'problems'}, worst ${worst}`}
          title={`${count} open ${count === '1' ? 'finding' : 'findings'} (worst: ${worst})`}
        >
          {count}
        </span>
      )}
      <NotePin targetId={id} name={node.name} />
      <Handle
        type="source"
        id={HANDLE.right}
        position={Position.Right}
        className="handle"
        aria-hidden="true"
      />
      <Handle type="source" id={HANDLE.topOut} position={Position.Top} className="handle handle--out" />
      <Handle type="source" id={HANDLE.bottomOut} position={Position.Bottom} className="handle handle--out" />
    </div>
  );
});
