import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useAppStore } from '../store/context.tsx';
import { GROUP_KIND_LABEL, GROUP_KIND_SHORT } from './groupFrames.ts';
import type { GroupFrameFlowNode } from './flowTypes.ts';

/**
 * A design group's frame: dashed, translucent, under the services; only its label takes the
 * pointer, and a click on it selects the group's members.
 */
export const GroupFrameNode = memo(function GroupFrameNode({ data }: NodeProps<GroupFrameFlowNode>) {
  const store = useAppStore();
  return (
    <div className={`group-frame group-frame--${data.kind}`} data-group-id={data.groupId}>
      <button
        type="button"
        className="group-frame__label nodrag nopan"
        title={`${data.name}: ${GROUP_KIND_LABEL[data.kind]} (click to select its ${data.memberIds.length} service${data.memberIds.length === 1 ? '' : 's'})`}
        onClick={() => store.getState().select({ nodeIds: data.memberIds })}
      >
        <span className="group-frame__name">{data.name}</span>
        <span className="group-frame__kind">{GROUP_KIND_SHORT[data.kind]}</span>
      </button>
    </div>
  );
});
