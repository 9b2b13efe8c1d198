import { describe, expect, it } from 'vitest';
import { SERVICES, parseDesign, serializeDesign } from '@archgen/model';
import { DENSE_CONNECTIONS_PER_NODE, denseDesign } from './dense.ts';

describe('denseDesign', () => {
  it.each([60, 300])('gives exactly %i nodes of every service type that the schema accepts', (n) => {
    const design = denseDesign(n);
    expect(design.nodes).toHaveLength(n);
    expect(new Set(design.nodes.map((node) => node.type)).size).toBe(SERVICES.length);
    const parsed = parseDesign(serializeDesign(design));
    expect(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.errors.slice(0, 3))).toBe(true);
  });

  it('has about 1.3 connections per node and environments that differ', () => {
    const design = denseDesign(300);
    const ratio = design.connections.length / design.nodes.length;
    expect(ratio).toBeGreaterThan(DENSE_CONNECTIONS_PER_NODE - 0.1);
    expect(ratio).toBeLessThan(DENSE_CONNECTIONS_PER_NODE + 0.1);
    const overridden = design.environments.map((env) => Object.keys(env.overrides).length);
    expect(Math.min(...overridden)).toBeGreaterThan(20);
  });
});
