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

describe('API Gateway custom domains', () => {
  const CERT_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123';
  const graph = lowerDesign(
    design('ApiDomains')
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('acm-certificate', { id: 'cert', properties: { domainName: '*.example.com' } })
      .node('api-gateway', { id: 'http', properties: { apiType: 'http' } })
      .node('api-gateway', { id: 'rest', properties: { apiType: 'rest', certificateArn: CERT_ARN } })
      .node('api-gateway', { id: 'bare' })
      .connect('cert', 'zone', 'validate-in')
      .connect('cert', 'http', 'certificate')
      .connect('zone', 'http', 'alias', { id: 'a1', properties: { recordName: 'api' } })
      .connect('zone', 'http', 'alias', { id: 'a2', properties: { recordName: 'v2' } })
      .connect('zone', 'rest', 'alias', { id: 'a3', properties: { recordName: 'rest' } })
      // No certificate: no custom domain, no record (APIG-04).
      .connect('zone', 'bare', 'alias', { id: 'a4', properties: { recordName: 'bare' } })
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('makes a regional domain per name, with the drawn certificate, mapped to the stage', () => {
    expect(component('http').certificateId).toBe('cert');
    expect(component('http').apiDomains!.map((d) => [d.domainName, d.certificate, d.stage])).toEqual([
      ['api.example.com', { certificateId: 'cert' }, '$default'],
      ['v2.example.com', { certificateId: 'cert' }, '$default'],
    ]);
    expect(component('http').apiDomains![0]).toMatchObject({
      endpointType: 'REGIONAL',
      securityPolicy: 'TLS_1_2',
    });
    expect(component('cert').acmCertificate!.usedBy).toEqual(['http']);
  });

  it('a REST API without a drawn certificate uses its certificateArn, mapped to its stage', () => {
    expect(component('rest').apiDomains!.map((d) => [d.domainName, d.certificate, d.stage])).toEqual([
      ['rest.example.com', { arn: CERT_ARN }, 'api'],
    ]);
  });

  it('the zone has an A record to each domain, none for the API without a certificate', () => {
    expect(
      component('zone').hostedZone!.records.map((r) => [
        r.connectionId,
        r.targetType,
        r.recordTypes,
        r.aliasZone,
        r.evaluateTargetHealth,
      ]),
    ).toEqual([
      ['a1', 'api-gateway', ['A'], 'target', false],
      ['a2', 'api-gateway', ['A'], 'target', false],
      ['a3', 'api-gateway', ['A'], 'target', false],
    ]);
    expect(component('bare').apiDomains).toBeUndefined();
  });
});
