import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';
import type { ResolvedGraph } from './types.ts';

const component = (graph: ResolvedGraph, id: string) => {
  const c = graph.components.find((x) => x.id === id);
  if (!c) throw new Error(`no component ${id}`);
  return c;
};

const keyed = () =>
  design('Keyed')
    .environments('dev', 'prod')
    .node('kms-key', { id: 'key', name: 'Data key', properties: { alias: 'data' } })
    .node('s3', { id: 'files', name: 'Files' })
    .node('sqs', { id: 'jobs', name: 'Jobs', properties: { encryption: 'kms' } })
    .node('sns', { id: 'news', name: 'News', properties: { kmsEncryption: false } })
    .node('log-group', { id: 'audit', name: 'Audit' })
    .node('sqs', { id: 'plain', name: 'Plain' })
    .node('lambda', { id: 'reader', name: 'Reader' })
    .node('lambda', { id: 'writer', name: 'Writer' })
    .connect('files', 'key', 'encrypt-with')
    .connect('jobs', 'key', 'encrypt-with')
    .connect('news', 'key', 'encrypt-with')
    .connect('audit', 'key', 'encrypt-with')
    .connect('news', 'jobs', 'subscribe')
    .connect('reader', 'files', 'read')
    .connect('jobs', 'reader', 'event-source')
    .connect('writer', 'files', 'write')
    .connect('writer', 'news', 'publish')
    .connect('writer', 'plain', 'publish')
    .connect('writer', 'audit', 'write')
    .override('dev', 'key', { pendingWindowDays: 7 });

describe('a drawn KMS key', () => {
  const graph = lowerDesign(keyed().build());

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('encrypts each connected component in every environment, whatever its own property says', () => {
    for (const id of ['files', 'jobs', 'news', 'audit'])
      expect(component(graph, id).encryption, id).toEqual({
        kind: { byEnv: { dev: 'customer-managed', prod: 'customer-managed' }, varies: false },
        keyId: 'key',
      });
    // Unconnected, a queue keeps the service-owned key; the derived DLQ keeps its queue's property.
    expect(component(graph, 'plain').encryption?.keyId).toBeUndefined();
    expect(component(graph, 'jobs.dlq').encryption?.key?.viaService).toBe('sqs');
  });

  it('resolves the key: rotation, per-environment deletion window, alias, users and writing services', () => {
    expect(component(graph, 'key').kmsKey).toEqual({
      description: 'Data key: customer managed key',
      aliasSuffix: 'data',
      enableKeyRotation: { byEnv: { dev: true, prod: true }, varies: false },
      pendingWindowDays: { byEnv: { dev: 7, prod: 30 }, varies: true },
      // CloudWatch and EventBridge publish to the topic, SNS delivers to the queue, Logs writes.
      servicePrincipals: [
        { service: 'cloudwatch', regional: false },
        { service: 'events', regional: false },
        { service: 'logs', regional: true },
        { service: 'sns', regional: false },
      ],
      serviceActions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'],
      describingServices: [],
      usedBy: ['audit', 'files', 'jobs', 'news'],
    });
  });

  it('a trail encrypted with the key: CloudTrail encrypts with it and may describe it', () => {
    const d = keyed().node('cloudtrail', { id: 'trail' }).connect('trail', 'key', 'encrypt-with').build();
    const graph = lowerDesign(d);
    const key = component(graph, 'key').kmsKey!;
    expect(key.usedBy).toContain('trail');
    expect(key.servicePrincipals).toContainEqual({ service: 'cloudtrail', regional: false });
    expect(key.describingServices).toEqual([{ service: 'cloudtrail', regional: false }]);
    expect(component(graph, 'trail').encryption?.keyId).toBe('key');
  });

  it('an empty alias is the node name', () => {
    const d = keyed().build();
    d.nodes.find((n) => n.id === 'key')!.properties = {};
    expect(component(lowerDesign(d), 'key').kmsKey?.aliasSuffix).toBe('data-key');
  });

  it('grants kms:Decrypt to readers and consumers, encrypt and decrypt to writers, nothing for logs', () => {
    const keyGrants = graph.grants
      .filter((g) => g.targetId === 'key')
      .map((g) => `${g.granteeId} ${g.access}`)
      .sort();
    expect(keyGrants).toEqual(['reader decrypt', 'writer encrypt-decrypt']);
    const writerRole = graph.roles.find((r) => r.id === 'writer.role')!;
    const onKey = writerRole.statements.filter((s) => s.resources.some((r) => r.componentId === 'key'));
    expect(onKey.map((s) => s.actions)).toEqual([['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']]);
    const readerRole = graph.roles.find((r) => r.id === 'reader.role')!;
    expect(
      readerRole.statements
        .filter((s) => s.resources.some((r) => r.componentId === 'key'))
        .map((s) => s.actions),
    ).toEqual([['kms:Decrypt']]);
  });

  it('without a connection the key encrypts nothing and admits no service', () => {
    const g = lowerDesign(design('Lonely').node('kms-key', { id: 'key', name: 'Key' }).build());
    expect(component(g, 'key').kmsKey?.usedBy).toEqual([]);
    expect(component(g, 'key').kmsKey?.servicePrincipals).toEqual([]);
    expect(g.grants).toEqual([]);
  });
});
