import type { Edge, Node } from '@xyflow/react';
import type { GroupKind, SubnetTier } from '@archgen/model';

export type VpcFlowNode = Node<{ vpcId: string; width: number }, 'vpc'>;
export type TierFlowNode = Node<
  { vpcId: string; tier: SubnetTier; width: number; azCount: number; empty: boolean },
  'tier'
>;
export type ServiceFlowNode = Node<{ nodeId: string }, 'service'>;
/** A design group's frame around its members (drawn from their positions, never a parent). */
export type GroupFrameFlowNode = Node<
  { groupId: string; name: string; kind: GroupKind; memberIds: string[] },
  'groupFrame'
>;
export type FlowNode = VpcFlowNode | TierFlowNode | ServiceFlowNode | GroupFrameFlowNode;
/** labelDx/labelDy: where the label chip sits relative to the curve's midpoint. */
export type ConnectionFlowEdge = Edge<
  { connectionId: string; labelDx: number; labelDy: number },
  'connection'
>;

/** React Flow ids: design ids are unique and never contain ":", so prefixes cannot collide. */
export const vpcFlowId = (vpcId: string) => `vpc:${vpcId}`;
export const tierFlowId = (vpcId: string, tier: SubnetTier) => `tier:${vpcId}:${tier}`;
export const groupFrameFlowId = (groupId: string) => `group:${groupId}`;
export const vpcIdOfFlowId = (flowId: string) => (flowId.startsWith('vpc:') ? flowId.slice(4) : undefined);

/** The drag-and-drop type a palette item carries: the service type id. */
export const PALETTE_MIME = 'application/x-archgen-service';

/**
 * Handle ids on a service node: an input on the left, an output on the right, and both an input
 * and an output on the top and bottom edges, so an edge leaves and enters on the nearest sides.
 */
export const HANDLE = {
  left: 'in-left',
  right: 'out-right',
  topIn: 'in-top',
  topOut: 'out-top',
  bottomIn: 'in-bottom',
  bottomOut: 'out-bottom',
} as const;
