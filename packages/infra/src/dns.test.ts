import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

describe('Route 53 hosted zones', () => {
  const graph = lowerDesign(
    design('Dns')
      .vpc({ id: 'main' })
      .vpc({ id: 'second', cidr: '10.1.0.0/16' })
      .node('alb', { id: 'alb', properties: { scheme: 'internal' } })
      .node('cloudfront', { id: 'cdn' })
      .node('route53-zone', { id: 'public', properties: { zoneName: 'shop.example.com' } })
      .node('route53-zone', { id: 'inside', properties: { zoneName: 'corp.internal', private: true } })
      .connect('public', 'cdn', 'alias', { id: 'a1', properties: { recordName: 'www' } })
      .connect('public', 'alb', 'alias', { id: 'a2' })
      // Names www.shop.example.com again: ignored (R53-01).
      .connect('public', 'alb', 'alias', { id: 'a3', properties: { recordName: 'www' } })
      .connect('inside', 'alb', 'alias', { id: 'a4', properties: { recordName: 'api' } })
      .build(),
  );
  const zone = (id: string) => graph.components.find((c) => c.id === id)!.hostedZone!;

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('a public zone has one record set per kept alias connection: A and AAAA for a distribution', () => {
    expect(zone('public').private).toBe(false);
    expect(zone('public').vpcIds).toEqual([]);
    expect(
      zone('public').records.map((r) => [
        r.connectionId,
        r.fqdn,
        r.recordTypes,
        r.aliasZone,
        r.evaluateTargetHealth,
      ]),
    ).toEqual([
      ['a1', 'www.shop.example.com', ['A', 'AAAA'], { literal: 'Z2FDTNDATAQYW2' }, false],
      ['a2', 'shop.example.com', ['A'], 'target', true],
    ]);
    expect(zone('public').records[1]!.name).toBe('');
  });

  it('a private zone answers in every VPC of the design', () => {
    expect(zone('inside')).toMatchObject({
      zoneName: 'corp.internal',
      private: true,
      vpcIds: ['main', 'second'],
    });
    expect(zone('inside').records.map((r) => r.fqdn)).toEqual(['api.corp.internal']);
  });

  it('a private zone in a design without a VPC is public (R53-03)', () => {
    const g = lowerDesign(
      design('NoVpc')
        .node('route53-zone', { id: 'z', properties: { private: true } })
        .build(),
    );
    expect(g.components.find((c) => c.id === 'z')!.hostedZone).toMatchObject({ private: false, vpcIds: [] });
  });
});
