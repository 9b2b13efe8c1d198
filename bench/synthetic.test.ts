import { describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign } from '@archgen/model';
import { syntheticDesign } from './synthetic.ts';

describe('syntheticDesign', () => {
  it.each([1, 50, 200, 500])('gives exactly %i nodes that the design schema accepts', (n) => {
    const design = syntheticDesign(n);
    expect(design.nodes).toHaveLength(n);
    const parsed = parseDesign(serializeDesign(design));
    expect(parsed.ok).toBe(true);
  });

  it('grows its connections with its nodes and includes a NAT gateway and internet users', () => {
    const small = syntheticDesign(50);
    const large = syntheticDesign(500);
    expect(large.connections.length / small.connections.length).toBeGreaterThan(8);
    expect(large.nodes.some((n) => n.type === 'nat-gateway')).toBe(true);
    expect(large.connections.some((c) => c.from === 'users')).toBe(true);
  });
});
