import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { partitionStacks } from './stacks.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

describe('ACM certificates', () => {
  const base = () =>
    design('Certs')
      .vpc({ id: 'main' })
      .node('alb', {
        id: 'alb',
        properties: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/old' },
      })
      .node('alb', { id: 'plain', properties: { scheme: 'internal' } })
      .node('cloudfront', { id: 'cdn', properties: { aliases: 'www.example.com' } })
      .node('route53-zone', { id: 'zone', properties: { zoneName: 'example.com' } })
      .node('route53-zone', { id: 'inside', properties: { zoneName: 'corp.internal', private: true } })
      .node('acm-certificate', {
        id: 'cert',
        properties: { subjectAlternativeNames: 'www.example.com, example.com, www.example.com' },
      })
      .node('acm-certificate', { id: 'mail', properties: { validationMethod: 'EMAIL' } })
      .node('acm-certificate', { id: 'privateOnly', properties: { keyAlgorithm: 'EC_prime256v1' } })
      .node('users', { id: 'users' })
      .connect('users', 'alb', 'traffic', { id: 'u1' })
      .connect('cert', 'zone', 'validate-in', { id: 'v1' })
      .connect('cert', 'alb', 'certificate', { id: 'c1' })
      .connect('cert', 'cdn', 'certificate', { id: 'c2' })
      .connect('mail', 'zone', 'validate-in', { id: 'v2' })
      .connect('privateOnly', 'inside', 'validate-in', { id: 'v3' })
      .connect('zone', 'alb', 'alias', { id: 'a1' })
      .connect('zone', 'cdn', 'alias', { id: 'a2', properties: { recordName: 'www' } });
  const graph = lowerDesign(base().build());
  const component = (id: string) => graph.components.find((c) => c.id === id)!;

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('is validated by DNS in the public zone drawn to it, and knows who uses it', () => {
    expect(component('cert').acmCertificate).toEqual({
      domainName: 'example.com',
      subjectAlternativeNames: ['www.example.com'],
      validation: 'DNS',
      zoneId: 'zone',
      keyAlgorithm: 'RSA_2048',
      transparencyLogging: true,
      usedBy: ['alb', 'cdn'],
      cloudFrontOutsideUsEast1: [],
    });
  });

  it('takes no zone for email validation or a private zone (ACM-01)', () => {
    expect(component('mail').acmCertificate).toMatchObject({ validation: 'EMAIL', usedBy: [] });
    expect(component('mail').acmCertificate!.zoneId).toBeUndefined();
    expect(component('privateOnly').acmCertificate).toMatchObject({
      validation: 'DNS',
      keyAlgorithm: 'EC_prime256v1',
    });
    expect(component('privateOnly').acmCertificate!.zoneId).toBeUndefined();
  });

  it('replaces the certificateArn of the front doors drawn to it', () => {
    expect(component('alb').certificateId).toBe('cert');
    expect(component('cdn').certificateId).toBe('cert');
    const listeners = component('alb').listeners!;
    expect(listeners.certificateId).toBe('cert');
    expect(new Set(Object.values(listeners.https.byEnv))).toEqual(new Set([true]));
    expect(new Set(Object.values(listeners.certificateArn.byEnv))).toEqual(new Set(['']));
    expect(new Set(Object.values(listeners.httpRedirect.byEnv))).toEqual(new Set([true]));
    // A load balancer with neither keeps plain HTTP.
    expect(component('plain').certificateId).toBeUndefined();
    expect(new Set(Object.values(component('plain').listeners!.https.byEnv))).toEqual(new Set([false]));
  });

  it('opens 443 (and 80 for the redirect) on an ALB with a drawn certificate', () => {
    const group = graph.securityGroups.find((g) => g.componentId === 'alb')!;
    const ports = group.ingress.map((r) => r.port).sort();
    expect(ports).toEqual(expect.arrayContaining([443, 80]));
  });

  it('gives a distribution with a drawn certificate and no names of its own the names its records give it', () => {
    expect(new Set(Object.values(component('cdn').props.aliases!.byEnv))).toEqual(
      new Set(['www.example.com']),
    );
    const unnamed = lowerDesign(
      design('Unnamed')
        .node('cloudfront', { id: 'cdn' })
        .node('acm-certificate', { id: 'cert', properties: { domainName: 'static.example.com' } })
        .connect('cert', 'cdn', 'certificate')
        .build(),
    );
    const cdn = unnamed.components.find((c) => c.id === 'cdn')!;
    expect(new Set(Object.values(cdn.props.aliases!.byEnv))).toEqual(new Set(['static.example.com']));
  });

  it('names the environments outside us-east-1 where a distribution uses it (ACM-02)', () => {
    const g = lowerDesign(
      base().environments('dev', 'prod').deployTo('prod', { region: 'eu-west-1' }).build(),
    );
    expect(g.components.find((c) => c.id === 'cert')!.acmCertificate!.cloudFrontOutsideUsEast1).toEqual([
      'prod',
    ]);
  });

  it('shares a nested stack with its zone and the front doors it serves (no cross-stack cycle)', () => {
    let d = base();
    // Enough weight to split the design into several stacks.
    for (let i = 0; i < 60; i++) d = d.node('lambda', { id: `fn${i}` }).node('sqs', { id: `q${i}` });
    const built = d.build();
    const g = lowerDesign(built);
    const stacks = partitionStacks(built, g);
    expect(stacks.length).toBeGreaterThan(1);
    const stackOf = (id: string) => stacks.findIndex((s) => s.componentIds.includes(id));
    expect(stackOf('cert')).toBeGreaterThanOrEqual(0);
    for (const id of ['zone', 'alb', 'cdn']) expect(stackOf(id), id).toBe(stackOf('cert'));
  });
});
