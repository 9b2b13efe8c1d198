import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';

const run = (resources: Record<string, unknown>) =>
  importCloudFormation([{ path: 'template.json', text: JSON.stringify({ Resources: resources }) }]);

const resources = {
  Audit: { Type: 'AWS::S3::Bucket', Properties: {} },
  Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 90 } },
  TrailRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
  Trail: {
    Type: 'AWS::CloudTrail::Trail',
    Properties: {
      IsLogging: true,
      S3BucketName: { Ref: 'Audit' },
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': ['Logs', 'Arn'] },
      CloudWatchLogsRoleArn: { 'Fn::GetAtt': ['TrailRole', 'Arn'] },
      EventSelectors: [
        {
          ReadWriteType: 'WriteOnly',
          DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }],
        },
      ],
    },
  },
};

describe('cloudtrail reader', () => {
  const r = run(resources);

  it('reads regions, validation, events and CloudWatch Logs delivery with its log group retention', () => {
    expect(r.design.nodes.find((n) => n.id === 'Trail')).toMatchObject({
      type: 'cloudtrail',
      properties: {
        multiRegion: true,
        includeGlobalServiceEvents: true,
        logFileValidation: true,
        managementEvents: 'WriteOnly',
        s3DataEvents: true,
        lambdaDataEvents: false,
        cloudWatchLogs: true,
        logRetentionDays: 90,
      },
      logicalIds: { self: 'Trail', role: 'TrailRole', logGroup: 'Logs' },
    });
  });

  it('writes to its bucket, a node of its own in a template archgen did not write', () => {
    expect(r.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`)).toEqual(['Trail write Audit']);
  });

  it('encrypts with the key its KMSKeyId names', () => {
    const keyed = run({
      ...resources,
      AuditKey: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
      Trail: {
        ...resources.Trail,
        Properties: { ...resources.Trail.Properties, KMSKeyId: { 'Fn::GetAtt': ['AuditKey', 'Arn'] } },
      },
    });
    expect(keyed.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`)).toContain(
      'Trail encrypt-with AuditKey',
    );
  });

  it('keeps an organization trail (the catalog holds none)', () => {
    const org = run({
      ...resources,
      Trail: { ...resources.Trail, Properties: { ...resources.Trail.Properties, IsOrganizationTrail: true } },
    });
    expect(org.report.resources.find((e) => e.sourceId === 'Trail')!.outcome).toMatchObject({ kind: 'kept' });
  });
});
