import { describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { denseDesign } from '../../../bench/dense.ts';
import { generateCdk } from './index.ts';

describe('a design larger than one stack', () => {
  const design = denseDesign(300);
  // An image function (the thinning to 1.3 connections per node may drop the fixture's own): its
  // repository may sit in another part.
  const imageFn = design.nodes.find((n) => n.id.startsWith('imageFn_'))!;
  const repository = design.nodes.filter((n) => n.type === 'ecr-repository').at(-1)!;
  const repositories = new Set(design.nodes.filter((n) => n.type === 'ecr-repository').map((n) => n.id));
  if (!design.connections.some((c) => c.from === imageFn.id && repositories.has(c.to)))
    design.connections.push({
      id: 'image-source',
      from: imageFn.id,
      to: repository.id,
      kind: 'read',
      properties: { tag: 'build-1' },
    });
  const graph = lowerDesign(design);
  const files = generateCdk(graph);
  const stack = files['lib/dense-300-stack.ts']!;

  it('declares one NestedStack per part of graph.stacks, in deployment order', () => {
    const declared = [...stack.matchAll(/new NestedStack\(this, '([A-Za-z0-9]+)'/g)].map((m) => m[1]);
    expect(declared).toEqual(graph.stacks!.map((s) => s.name));
  });

  it('creates each construct in the nested stack of its part', () => {
    expect(stack).toMatch(/new ec2\.Vpc\(networkStack, 'Main'/);
    const variableOf = (id: string) => {
      const part = graph.stacks!.find((s) => s.componentIds.includes(id))!;
      return `${part.name[0]!.toLowerCase()}${part.name.slice(1)}Stack`;
    };
    const fn = graph.components.find((c) => c.type === 'lambda' && !c.containerImage)!;
    expect(stack).toContain(`new lambda.Function(${variableOf(fn.id)}, '${fn.names.logicalId}'`);
    // An image function too, whose repository may sit in another part.
    const image = graph.components.find((c) => c.type === 'lambda' && c.containerImage)!;
    expect(stack).toContain(
      `new lambda.DockerImageFunction(${variableOf(image.id)}, '${image.names.logicalId}'`,
    );
  });

  it('says in the README that each environment deploys its nested stacks', () => {
    expect(files['README.md']).toContain(`holds ${graph.stacks!.length} nested stacks`);
  });
});
