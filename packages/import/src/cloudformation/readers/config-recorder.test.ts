import { describe, expect, it } from 'vitest';
import { createDesign } from '@archgen/model';
import { generateAll } from '@archgen/export';
import { importCloudFormation } from '../../index.ts';
import { parseTemplateText } from '../parse.ts';

const run = (resources: Record<string, unknown>) =>
  importCloudFormation([{ path: 'template.json', text: JSON.stringify({ Resources: resources }) }]);
const rule = (owner: string, id: string) => ({
  Type: 'AWS::Config::ConfigRule',
  DependsOn: ['Recorder'],
  Properties: { Source: { Owner: owner, SourceIdentifier: id } },
});

const resources = {
  Snapshots: { Type: 'AWS::S3::Bucket', Properties: {} },
  RecorderRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
  Recorder: {
    Type: 'AWS::Config::ConfigurationRecorder',
    Properties: {
      RoleARN: { 'Fn::GetAtt': ['RecorderRole', 'Arn'] },
      RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
    },
  },
  Channel: {
    Type: 'AWS::Config::DeliveryChannel',
    Properties: {
      S3BucketName: { Ref: 'Snapshots' },
      ConfigSnapshotDeliveryProperties: { DeliveryFrequency: 'Six_Hours' },
    },
  },
  Encrypted: rule('AWS', 'RDS_STORAGE_ENCRYPTED'),
  Mfa: rule('AWS', 'ROOT_ACCOUNT_MFA_ENABLED'),
  Custom: rule('CUSTOM_LAMBDA', 'arn:aws:lambda:us-east-1:123456789012:function:check'),
};

describe('config-recorder reader', () => {
  const r = run(resources);

  it('reads what it records, its channel frequency and the managed rules the catalog lists', () => {
    expect(r.design.nodes.find((n) => n.id === 'Recorder')).toMatchObject({
      type: 'config-recorder',
      properties: {
        allSupported: true,
        includeGlobalResources: true,
        deliveryFrequency: 'Six_Hours',
        rules: [{ rule: 'RDS_STORAGE_ENCRYPTED' }, { rule: 'ROOT_ACCOUNT_MFA_ENABLED' }],
      },
      logicalIds: {
        self: 'Recorder',
        role: 'RecorderRole',
        deliveryChannel: 'Channel',
        'configRule:0': 'Encrypted',
        'configRule:1': 'Mfa',
      },
    });
  });

  it('delivers to the bucket its channel names; keeps a custom rule as written', () => {
    expect(r.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`)).toEqual([
      'Recorder write Snapshots',
    ]);
    expect(r.report.resources.find((e) => e.sourceId === 'Custom')!.outcome).toMatchObject({ kind: 'kept' });
  });
});

describe('design -> CloudFormation -> import of the audit services', () => {
  // Placed nodes: archgen's layout metadata tells the drawn log group from the derived buckets.
  it('gives back the trail, the recorder and a drawn log group, the derived buckets as their parts, every logical id kept', () => {
    const design = createDesign({
      name: 'audit',
      nodes: [
        {
          id: 'trail',
          type: 'cloudtrail',
          name: 'Trail',
          properties: {},
          placement: null,
          position: { x: 0, y: 0 },
        },
        {
          id: 'recorder',
          type: 'config-recorder',
          name: 'Recorder',
          properties: {},
          placement: null,
          position: { x: 200, y: 0 },
        },
        {
          id: 'logs',
          type: 'log-group',
          name: 'Trail logs',
          properties: {},
          placement: null,
          position: { x: 0, y: 200 },
        },
      ],
      connections: [{ id: 'trailLogs', from: 'trail', to: 'logs', kind: 'write' }],
    });
    const env = design.environments[0]!.name;
    const template = generateAll(design, { targets: ['cloudformation'], environments: [env] })
      .cloudformation!['template.yaml']!;
    const imported = importCloudFormation([{ path: 'template.yaml', text: template }]);
    expect(imported.report.resources.filter((e) => e.outcome.kind === 'kept')).toEqual([]);
    expect(imported.design.nodes.map((n) => n.type).sort()).toEqual([
      'cloudtrail',
      'config-recorder',
      'log-group',
    ]);
    expect(imported.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`)).toEqual([
      'trail write logs',
    ]);
    const again = generateAll(imported.design, { targets: ['cloudformation'], environments: [env] })
      .cloudformation!['template.yaml']!;
    const ids = (text: string) =>
      Object.entries(
        (parseTemplateText('t.yaml', text).template as { Resources: Record<string, { Type: string }> })
          .Resources,
      )
        .map(([id, r]) => `${id} ${r.Type}`)
        .sort();
    expect(ids(again)).toEqual(ids(template));
  });
});
