import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

describe('VPC endpoints', () => {
  const graph = lowerDesign(
    design('Endpoints')
      .vpc({ id: 'main', cidr: '10.20.0.0/16' })
      .node('vpc-endpoint', { id: 's3', name: 'S3 endpoint', tier: 'private' })
      .node('vpc-endpoint', {
        id: 'secrets',
        name: 'Secrets endpoint',
        tier: 'isolated',
        properties: { endpointType: 'interface', service: 'secretsmanager' },
      })
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('a gateway endpoint uses its tier and has no security group', () => {
    expect(component('s3').vpcEndpoint).toEqual({
      kind: 'gateway',
      service: 's3',
      tier: 'private',
      privateDns: false,
    });
    expect(component('s3').securityGroupId).toBeUndefined();
  });

  it('an interface endpoint has private DNS and a group admitting HTTPS from the VPC only', () => {
    expect(component('secrets').vpcEndpoint).toEqual({
      kind: 'interface',
      service: 'secretsmanager',
      tier: 'isolated',
      privateDns: true,
    });
    const sg = graph.securityGroups.find((g) => g.id === component('secrets').securityGroupId)!;
    expect(sg.ingress.map((r) => ['cidr' in r.peer ? r.peer.cidr : r.peer.componentId, r.port])).toEqual([
      ['10.20.0.0/16', 443],
    ]);
    expect(sg.egress).toEqual([]);
    expect(sg.allowHttpsEgress).toBe(false);
  });
});
