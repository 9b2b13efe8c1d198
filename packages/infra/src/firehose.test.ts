import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

describe('Firehose streams', () => {
  const graph = lowerDesign(
    design('Firehose')
      .node('kinesis-stream', { id: 'clicks', name: 'Clicks' })
      .node('firehose', { id: 'archive', name: 'Archive' })
      .node('s3', { id: 'lake', name: 'Lake' })
      .node('kms-key', { id: 'key', name: 'Lake key' })
      .node('firehose', { id: 'direct', name: 'Direct', properties: { logging: false } })
      .node('lambda', { id: 'fn', name: 'Producer' })
      .connect('clicks', 'archive', 'event-source')
      .connect('archive', 'lake', 'write')
      .connect('lake', 'key', 'encrypt-with')
      .connect('fn', 'direct', 'write')
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;
  const role = (id: string) => graph.roles.find((r) => r.id === id)!;
  const actions = (roleId: string) => role(roleId).statements.flatMap((s) => s.actions);

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('reads the connected stream and delivers to the connected bucket, with error logs', () => {
    const decided = component('archive').firehose!;
    expect(decided).toMatchObject({
      sourceStreamId: 'clicks',
      bucketId: 'lake',
      roleId: 'archive.role',
      prefix: 'data/!{timestamp:yyyy/MM/dd}/',
      errorOutputPrefix: 'errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/',
      // The stream encrypts the records; Firehose refuses SSE with a stream source.
      encryption: false,
      logStreamName: 'DestinationDelivery',
    });
    expect(component('archive').acknowledgements.map((a) => a.ruleId)).toEqual(['FH-01']);
    expect(role('archive.role').assumedBy).toBe('firehose.amazonaws.com');
    expect(actions('archive.role')).toEqual(
      expect.arrayContaining([
        'kinesis:GetRecords',
        's3:PutObject',
        's3:GetBucketLocation',
        'logs:PutLogEvents',
        // The bucket's drawn key: Firehose writes encrypted objects with the role.
        'kms:GenerateDataKey',
      ]),
    );
    // Delivery never deletes objects (the plain S3 write grant would).
    expect(actions('archive.role')).not.toContain('s3:DeleteObject');
  });

  it('a direct-put stream gets a created destination bucket, SSE and no log group', () => {
    const decided = component('direct').firehose!;
    expect(decided.sourceStreamId).toBeUndefined();
    expect(decided.bucketId).toBe('direct.destination');
    expect(component('direct.destination').type).toBe('s3');
    expect(decided.encryption).toBe(true);
    expect(decided.logStreamName).toBeUndefined();
    expect(component('direct').logGroupId).toBeUndefined();
  });

  it('producers may put records and learn the stream name', () => {
    expect(actions('fn.role')).toEqual(
      expect.arrayContaining(['firehose:PutRecord', 'firehose:PutRecordBatch']),
    );
    expect(component('fn').environment.map((v) => v.name)).toContain('DIRECT_DELIVERY_STREAM_NAME');
  });
});
