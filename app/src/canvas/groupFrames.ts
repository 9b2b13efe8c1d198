/**
 * Frames of design groups (an imported Terraform module, a CDK construct): a box around the
 * members as drawn, computed from their positions. Members stay children of their VPC; the frame
 * is its own unselectable node under them, so it never changes what a click or a drop hits.
 */
import type { Design, GroupKind } from '@archgen/model';
import { NODE_HEIGHT, NODE_WIDTH, VPC_PAD_X, type CanvasLayout, type Rect } from '@archgen/layout';
import { groupFrameFlowId, type GroupFrameFlowNode } from './flowTypes.ts';

/** Room around the members: the label sits on the bottom border, inside a band's bottom padding. */
export const FRAME_PAD_X = 12;
export const FRAME_PAD_TOP = 10;
export const FRAME_PAD_BOTTOM = 10;

export const GROUP_KIND_LABEL: Record<GroupKind, string> = {
  'terraform-module': 'Terraform module',
  'cdk-construct': 'CDK construct',
  drawn: 'group',
};

/** The kind on the frame's label, short: the name already reads "module.x" or a construct id. */
export const GROUP_KIND_SHORT: Record<GroupKind, string> = {
  'terraform-module': 'Terraform',
  'cdk-construct': 'CDK',
  drawn: 'group',
};

/** The frame rectangle of each group with a drawn member, in the design's group order. */
export function groupFrameRects(design: Design, layout: CanvasLayout): Map<string, Rect> {
  const out = new Map<string, Rect>();
  for (const group of design.groups ?? []) {
    const members = design.nodes.filter((n) => n.group === group.id && layout.nodePositions.has(n.id));
    if (members.length === 0) continue;
    const at = members.map((n) => layout.nodePositions.get(n.id)!);
    let left = Math.min(...at.map((p) => p.x)) - FRAME_PAD_X;
    let right = Math.max(...at.map((p) => p.x)) + NODE_WIDTH + FRAME_PAD_X;
    const top = Math.min(...at.map((p) => p.y)) - FRAME_PAD_TOP;
    const bottom = Math.max(...at.map((p) => p.y)) + NODE_HEIGHT + FRAME_PAD_BOTTOM;
    // Members all in one band: the frame stays inside the band's sides rather than across them.
    const placements = new Set(
      members.map((n) => (n.placement ? `${n.placement.vpcId}/${n.placement.tier}` : '')),
    );
    const only = members[0]!.placement;
    const box = placements.size === 1 && only ? layout.vpcById.get(only.vpcId) : undefined;
    if (box && box.bands.some((b) => b.tier === only!.tier)) {
      left = Math.max(left, box.x + VPC_PAD_X + 3);
      right = Math.min(right, box.x + box.width - VPC_PAD_X - 3);
    }
    out.set(group.id, { x: left, y: top, width: right - left, height: bottom - top });
  }
  return out;
}

/** React Flow nodes for the frames: above the tier bands (1), under the services (10). */
export function deriveGroupFrames(design: Design, layout: CanvasLayout): GroupFrameFlowNode[] {
  const rects = groupFrameRects(design, layout);
  return (design.groups ?? []).flatMap((group) => {
    const rect = rects.get(group.id);
    if (!rect) return [];
    const frame: GroupFrameFlowNode = {
      id: groupFrameFlowId(group.id),
      type: 'groupFrame',
      position: { x: rect.x, y: rect.y },
      width: rect.width,
      height: rect.height,
      measured: { width: rect.width, height: rect.height },
      data: {
        groupId: group.id,
        name: group.name,
        kind: group.kind,
        memberIds: design.nodes.filter((n) => n.group === group.id).map((n) => n.id),
      },
      ariaLabel: `${group.name} (${GROUP_KIND_LABEL[group.kind]})`,
      ariaRole: 'group',
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      zIndex: 5,
    };
    return [frame];
  });
}
