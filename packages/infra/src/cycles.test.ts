import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import type { ResolvedGraph, ResourceRef } from './types.ts';

/** Every reference a component's variables and its roles' policies hold to `targetId`. */
function referencesTo(graph: ResolvedGraph, fromId: string, targetId: string): ResourceRef[] {
  const component = graph.components.find((c) => c.id === fromId)!;
  const fromVariables = component.environment.flatMap((v) =>
    'componentId' in v.value && v.value.componentId === targetId ? [v.value] : [],
  );
  const fromPolicies = graph.roles
    .filter((r) => r.componentId === fromId)
    .flatMap((r) => r.statements.flatMap((s) => s.resources.filter((ref) => ref.componentId === targetId)));
  return [...fromVariables, ...fromPolicies];
}

const functions = (...connections: [string, string][]) => {
  let builder = design('Cycles')
    .node('lambda', { id: 'ping', placement: null })
    .node('lambda', { id: 'pong', placement: null });
  for (const [from, to] of connections) builder = builder.connect(from, to, 'invoke');
  return lowerDesign(builder.build());
};

describe('reference cycles', () => {
  it('leaves a one-way invocation as references (no name set up front)', () => {
    const graph = functions(['ping', 'pong']);
    const refs = referencesTo(graph, 'ping', 'pong');
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.some((r) => r.byName)).toBe(false);
    expect(graph.components.some((c) => c.namedUpFront)).toBe(false);
  });

  it('refers by name, both ways, when two functions invoke each other, and names both up front', () => {
    const graph = functions(['ping', 'pong'], ['pong', 'ping']);
    for (const [from, to] of [
      ['ping', 'pong'],
      ['pong', 'ping'],
    ] as const) {
      const refs = referencesTo(graph, from, to);
      // The environment variable (name) and the invoke statement (ARN and its versions).
      expect(refs.map((r) => `${r.attribute}${r.suffix ?? ''}`).sort()).toEqual(['arn', 'arn:*', 'name']);
      expect(refs.every((r) => r.byName)).toBe(true);
    }
    expect(
      graph.components
        .filter((c) => c.namedUpFront)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['ping', 'pong']);
  });

  it('breaks a longer cycle through a third function', () => {
    let builder = design('Ring');
    for (const id of ['a', 'b', 'c']) builder = builder.node('lambda', { id, placement: null });
    const graph = lowerDesign(
      builder.connect('a', 'b', 'invoke').connect('b', 'c', 'invoke').connect('c', 'a', 'invoke').build(),
    );
    expect(referencesTo(graph, 'c', 'a').every((r) => r.byName)).toBe(true);
    expect(referencesTo(graph, 'a', 'b').every((r) => r.byName)).toBe(true);
  });
});
