import { describe, expect, it } from 'vitest';
import { design as build } from '@archgen/model';
import { NODE_HEIGHT, NODE_WIDTH, VPC_PAD_X, computeLayout } from '@archgen/layout';
import { deriveNodes } from './deriveFlow.ts';
import { FRAME_PAD_BOTTOM, FRAME_PAD_TOP, FRAME_PAD_X, groupFrameRects } from './groupFrames.ts';
import { EMPTY_SELECTION } from '../store/selectionSlice.ts';

function grouped() {
  return build('Groups')
    .vpc({ position: { x: 0, y: 0 } })
    .node('ecs-fargate', { id: 'api', tier: 'private', position: { x: 20, y: 400 } })
    .node('ecs-fargate', { id: 'worker', tier: 'private', position: { x: 280, y: 400 } })
    .node('sqs', { id: 'jobs', position: { x: 1200, y: 100 } })
    .node('sqs', { id: 'dlq', position: { x: 1200, y: 300 } })
    .node('s3', { id: 'bucket', position: { x: 1600, y: 100 } })
    .group('module-app', 'module.app', ['api', 'worker'], { kind: 'terraform-module' })
    .group('module-queues', 'module.queues', ['jobs', 'dlq'], { kind: 'terraform-module' })
    .group('empty', 'Nothing drawn', [])
    .build();
}

describe('group frames', () => {
  it('frames the members as drawn, padded, and keeps a frame inside its members’ band', () => {
    const d = grouped();
    const layout = computeLayout(d);
    const rects = groupFrameRects(d, layout);
    const jobs = layout.nodePositions.get('jobs')!;
    const dlq = layout.nodePositions.get('dlq')!;
    expect(rects.get('module-queues')).toEqual({
      x: jobs.x - FRAME_PAD_X,
      y: jobs.y - FRAME_PAD_TOP,
      width: NODE_WIDTH + 2 * FRAME_PAD_X,
      height: dlq.y + NODE_HEIGHT + FRAME_PAD_BOTTOM - (jobs.y - FRAME_PAD_TOP),
    });
    const band = layout.vpcById.get('main')!;
    const app = rects.get('module-app')!;
    const api = layout.nodePositions.get('api')!;
    const worker = layout.nodePositions.get('worker')!;
    // The services touch the band's left side: the frame stops just inside it, under the service.
    expect(api.x).toBe(band.x + VPC_PAD_X);
    expect(app.x).toBe(band.x + VPC_PAD_X + 3);
    expect(app.x + app.width).toBe(worker.x + NODE_WIDTH + FRAME_PAD_X);
    expect(app.x + app.width).toBeLessThanOrEqual(band.x + band.width - VPC_PAD_X);
    // A group with no member drawn has no frame.
    expect(rects.has('empty')).toBe(false);
  });

  it('are React Flow nodes under the services that take no selection, drag or focus', () => {
    const d = grouped();
    const nodes = deriveNodes(d, computeLayout(d), EMPTY_SELECTION);
    const frames = nodes.filter((n) => n.type === 'groupFrame');
    expect(frames.map((f) => [f.id, f.ariaLabel, f.parentId])).toEqual([
      ['group:module-app', 'module.app (Terraform module)', undefined],
      ['group:module-queues', 'module.queues (Terraform module)', undefined],
    ]);
    const serviceZ = Math.min(...nodes.filter((n) => n.type === 'service').map((n) => n.zIndex!));
    const tierZ = Math.max(...nodes.filter((n) => n.type === 'tier').map((n) => n.zIndex!));
    for (const frame of frames) {
      expect(frame).toMatchObject({
        selectable: false,
        draggable: false,
        focusable: false,
        connectable: false,
      });
      expect(frame.zIndex).toBeLessThan(serviceZ);
      expect(frame.zIndex).toBeGreaterThan(tierZ);
    }
    // Members stay children of their VPC.
    expect(nodes.find((n) => n.id === 'api')!.parentId).toBe('vpc:main');
    expect(frames[0]!.data).toMatchObject({ memberIds: ['api', 'worker'] });
  });
});
