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
      destination: 's3',
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
    expect(decided.destination).toBe('s3');
    expect(decided.opensearch).toBeUndefined();
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

  it('an S3 stream has no security group and no OpenSearch statements', () => {
    expect(component('archive').securityGroupId).toBeUndefined();
    expect(actions('archive.role').filter((a) => a.startsWith('es:') || a.startsWith('ec2:'))).toEqual([]);
  });
});

describe('Firehose streams to OpenSearch', () => {
  const graph = lowerDesign(
    design('Firehose to OpenSearch')
      .vpc({ id: 'net' })
      .node('opensearch', { id: 'search', name: 'Search', tier: 'isolated' })
      .node('opensearch', { id: 'other', name: 'Other', tier: 'isolated' })
      .node('s3', { id: 'lake', name: 'Lake' })
      .node('firehose', {
        id: 'logs',
        name: 'Logs',
        properties: { indexName: 'app-logs', indexRotation: 'OneWeek', retrySeconds: 600 },
      })
      .node('firehose', { id: 'solo', name: 'Solo' })
      .connect('logs', 'lake', 'write', { id: 'c-lake' })
      .connect('logs', 'search', 'write', { id: 'c-search' })
      // A second domain is ignored (FH-02): the first by id counts.
      .connect('logs', 'other', 'write', { id: 'c-zz-other' })
      .connect('solo', 'search', 'write', { id: 'c-solo' })
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;
  const role = (id: string) => graph.roles.find((r) => r.id === id)!;
  const statement = (roleId: string, action: string) =>
    role(roleId).statements.find((s) => s.actions.includes(action));
  const group = (id: string) => graph.securityGroups.find((g) => g.id === id)!;

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('indexes in the first domain and keeps refused documents in the drawn bucket', () => {
    expect(component('logs').firehose).toMatchObject({
      destination: 'opensearch',
      bucketId: 'lake',
      opensearch: {
        domainId: 'search',
        indexName: 'app-logs',
        indexRotation: 'OneWeek',
        retrySeconds: 600,
        backupMode: 'FailedDocumentsOnly',
        vpc: { vpcId: 'net', tier: 'isolated', securityGroupId: 'logs.sg' },
      },
    });
    // The ignored domain gets nothing: no grant, no rule on its group.
    expect(graph.grants.filter((g) => g.targetId === 'other')).toEqual([]);
    expect(group('other.sg').ingress).toEqual([]);
  });

  it('a stream with no bucket gets a created backup bucket and the catalog defaults', () => {
    const decided = component('solo').firehose!;
    expect(decided.bucketId).toBe('solo.backup');
    expect(component('solo.backup').type).toBe('s3');
    expect(decided.opensearch).toMatchObject({
      indexName: 'records',
      indexRotation: 'OneDay',
      retrySeconds: 300,
    });
  });

  it('the role describes the domain, indexes into it and reads what Firehose checks first', () => {
    const domain = statement('logs.role', 'es:ESHttpPost')!;
    expect(domain.actions).toEqual([
      'es:DescribeDomain',
      'es:DescribeDomainConfig',
      'es:DescribeDomains',
      'es:ESHttpPost',
      'es:ESHttpPut',
    ]);
    expect(domain.resources.map((r) => [r.componentId, r.attribute, r.suffix])).toEqual([
      ['search', 'arn', undefined],
      ['search', 'arn', '/*'],
    ]);
    const get = statement('logs.role', 'es:ESHttpGet')!;
    expect(get.actions).toEqual(['es:ESHttpGet']);
    expect(get.resources.map((r) => r.suffix)).toEqual([
      '/_all/_settings',
      '/_cluster/stats',
      '/app-logs*/_mapping',
      '/app-logs*/_mapping/*',
      '/_nodes',
      '/_nodes/stats',
      '/_nodes/*/stats',
      '/_stats',
      '/app-logs*/_stats',
    ]);
    // Failed documents go to the bucket: the delivery grant, never a delete.
    expect(statement('logs.role', 's3:PutObject')?.resources[0]?.componentId).toBe('lake');
    expect(role('logs.role').statements.flatMap((s) => s.actions)).not.toContain('s3:DeleteObject');
  });

  it('in the domain’s VPC: a security group with HTTPS to the domain, which admits it', () => {
    const sg = group('logs.sg');
    expect(component('logs').securityGroupId).toBe('logs.sg');
    expect(sg).toMatchObject({ componentId: 'logs', vpcId: 'net', ingress: [], allowHttpsEgress: false });
    expect(sg.egress).toEqual([
      expect.objectContaining({ peer: { componentId: 'search' }, port: 443, connectionId: 'c-search' }),
    ]);
    expect(group('search.sg').ingress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ peer: { componentId: 'logs' }, port: 443, connectionId: 'c-search' }),
        expect.objectContaining({ peer: { componentId: 'solo' }, port: 443, connectionId: 'c-solo' }),
      ]),
    );
    const network = statement('logs.role', 'ec2:CreateNetworkInterface')!;
    expect(network.actions).toEqual([
      'ec2:CreateNetworkInterface',
      'ec2:CreateNetworkInterfacePermission',
      'ec2:DeleteNetworkInterface',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeSubnets',
      'ec2:DescribeVpcAttribute',
      'ec2:DescribeVpcs',
    ]);
    expect(network.wildcardResource?.reason).toMatch(/network interfaces/);
  });

  it('a domain outside a VPC is reached without one', () => {
    const open = lowerDesign(
      design('Public domain')
        .node('opensearch', { id: 'search', name: 'Search', placement: null })
        .node('firehose', { id: 'logs', name: 'Logs' })
        .connect('logs', 'search', 'write')
        .build(),
    );
    const logs = open.components.find((c) => c.id === 'logs')!;
    expect(logs.firehose?.opensearch?.vpc).toBeUndefined();
    expect(logs.securityGroupId).toBeUndefined();
    const actions = open.roles.find((r) => r.id === 'logs.role')!.statements.flatMap((s) => s.actions);
    expect(actions).toContain('es:ESHttpPut');
    expect(actions.filter((a) => a.startsWith('ec2:'))).toEqual([]);
  });
});
