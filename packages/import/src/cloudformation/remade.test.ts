/**
 * The importer claims a part only when the export makes it again (remade.ts). Checked both ways:
 * what archgen itself writes for the designs that hold every service and every connection comes
 * back as parts (none set aside as "would not be made again": the table misses nothing the
 * lowering makes), and parts the design cannot make again are kept as written.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '@archgen/model';
import { generateAll } from '@archgen/export';
import { importCloudFormation } from '../index.ts';
import { referencesIn } from './intrinsics.ts';
import { parseTemplateText } from './parse.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..', '..');
const NOT_REMADE = 'the export would not make it again';

describe('parts the export makes again', () => {
  // Generating the two largest fixtures and importing them takes a few seconds.
  for (const fixture of ['every-service', 'every-connection', 'kept-resources']) {
    it(`${fixture}: every part archgen writes is claimed again`, { timeout: 30_000 }, () => {
      const parsed = parseDesign(
        readFileSync(resolve(repoRoot, 'fixtures/adversarial', `${fixture}.json`), 'utf8'),
      );
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const environment = parsed.design.environments.at(-1)!.name;
      const files = generateAll(parsed.design, {
        targets: ['cloudformation'],
        environments: [environment],
      }).cloudformation!;
      const result = importCloudFormation([{ path: 'template.yaml', text: files['template.yaml']! }]);
      // Services the importer does not read as nodes yet come back kept; so do the parts that
      // go with them (a rule from a bastion's group, to an MSK cluster's).
      const resources = (
        parseTemplateText('template.yaml', files['template.yaml']!).template as {
          Resources: Record<string, { Properties?: unknown }>;
        }
      ).Resources;
      const keptAsRead = new Set(
        result.report.resources
          .filter((e) => e.outcome.kind === 'kept' && !e.outcome.reason.startsWith(NOT_REMADE))
          .map((e) => e.sourceId),
      );
      const setAside = result.report.resources
        .filter((e) => e.outcome.kind === 'kept' && e.outcome.reason.startsWith(NOT_REMADE))
        .filter((e) => !referencesIn(resources[e.sourceId]?.Properties).some((x) => keptAsRead.has(x.target)))
        .map((e) => `${e.sourceId} (${e.sourceType}): ${'reason' in e.outcome ? e.outcome.reason : ''}`);
      expect(setAside).toEqual([]);
      expect(result.report.resources.some((e) => e.outcome.kind === 'part-of')).toBe(true);
    });
  }
});

const TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Code: { ZipFile: 'exports.handler = async () => 1' }
      Role: !GetAtt FnRole.Arn
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !GetAtt TaskRole.Arn
      Tags: [{ Key: fn, Value: !Ref Fn }]
  Pool:
    Type: AWS::Cognito::UserPool
  PoolClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
  Topic:
    Type: AWS::SNS::Topic
  Mail:
    Type: AWS::SNS::Subscription
    Properties:
      TopicArn: !Ref Topic
      Protocol: email
      Endpoint: ops@example.com
`;

describe('parts the export would not make again are kept as written', () => {
  const result = importCloudFormation([{ path: 'template.yaml', text: TEMPLATE }]);
  const outcome = (id: string) => result.report.resources.find((e) => e.sourceId === id)!.outcome;

  it('claims the function role the lowering makes again', () => {
    expect(outcome('FnRole')).toEqual({ kind: 'part-of', nodeId: 'Fn', role: 'role' });
  });

  it('keeps a user pool client no API authorizes with, and an e-mail subscription', () => {
    expect(outcome('PoolClient')).toMatchObject({ kind: 'kept', nodeId: 'PoolClient' });
    expect((outcome('PoolClient') as { reason: string }).reason).toContain(NOT_REMADE);
    expect(outcome('Mail')).toMatchObject({ kind: 'kept', nodeId: 'Mail' });
    const pool = result.design.nodes.find((n) => n.id === 'Pool')!;
    expect(pool.logicalIds).toEqual({ self: 'Pool' });
  });

  it('keeps what a function does not make (a task definition and its role), with their ids', () => {
    for (const id of ['Task', 'TaskRole']) {
      const kept = result.design.nodes.find((n) => n.id === id);
      expect(kept, id).toMatchObject({ type: 'other-resource', logicalIds: { self: id } });
    }
    expect(result.design.nodes.find((n) => n.id === 'Fn')!.logicalIds).toEqual({
      self: 'Fn',
      role: 'FnRole',
    });
  });
});

describe('an HTTPS listener serving a certificate of the template', () => {
  // The certificate is a node serving the ALB (a certificate connection), so the ALB's lowering
  // makes the HTTPS listener again: it is the ALB's, and the target group its function's.
  const result = importCloudFormation([
    {
      path: 'template.yaml',
      text: `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Code: { ZipFile: 'exports.handler = async () => 1' }
      Role: !GetAtt FnRole.Arn
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
  Cert:
    Type: AWS::CertificateManager::Certificate
    Properties:
      DomainName: example.com
      ValidationMethod: DNS
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internet-facing
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 443
      Protocol: HTTPS
      Certificates: [{ CertificateArn: !Ref Cert }]
      DefaultActions: [{ Type: forward, TargetGroupArn: !Ref AlbToFn }]
  AlbToFn:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      TargetType: lambda
      Targets: [{ Id: !GetAtt Fn.Arn }]
`,
    },
  ]);
  const outcome = (id: string) => result.report.resources.find((e) => e.sourceId === id)!.outcome;

  it('reads the certificate as a node serving the ALB, the listener and target group as parts', () => {
    expect(outcome('Cert')).toEqual({ kind: 'node', nodeId: 'Cert' });
    expect(outcome('Https')).toMatchObject({ kind: 'part-of', nodeId: 'Alb', role: 'listener' });
    expect(outcome('AlbToFn')).toMatchObject({ kind: 'part-of', role: 'targetGroup' });
    expect(
      result.design.connections.filter((c) => c.from === 'Cert').map((c) => `${c.kind} ${c.to}`),
    ).toEqual(['certificate Alb']);
  });
});

describe("an ALB's HTTPS listener", () => {
  const template = (certificate: string) => `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties: { Scheme: internet-facing }
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 443
      Protocol: HTTPS
      Certificates: [{ CertificateArn: ${certificate} }]
      DefaultActions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: '404' } }]
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Alb
      Port: 80
      Protocol: HTTP
      DefaultActions: [{ Type: redirect, RedirectConfig: { Protocol: HTTPS, Port: '443', StatusCode: HTTP_301 } }]
`;
  /** The listeners of the re-export: logical id -> protocol and certificate. */
  const reexported = (text: string) => {
    const { design } = importCloudFormation([{ path: 'template.yaml', text }]);
    const files = generateAll(design, {
      targets: ['cloudformation'],
      environments: [design.environments[0]!.name],
    }).cloudformation!;
    const resources = (
      parseTemplateText('template.yaml', files['template.yaml']!).template as {
        Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
      }
    ).Resources;
    return Object.fromEntries(
      Object.entries(resources)
        .filter(([, r]) => r.Type === 'AWS::ElasticLoadBalancingV2::Listener')
        .map(([id, r]) => [id, [r.Properties.Protocol, r.Properties.Certificates]]),
    );
  };
  const ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';

  it('with a certificate ARN is made again with it', () => {
    expect(reexported(template(ARN))).toEqual({
      Https: ['HTTPS', [{ CertificateArn: ARN }]],
      Http: ['HTTP', undefined],
    });
  });

  it('with a certificate the design cannot hold is kept as written, beside the HTTP listener', () => {
    const text = template("!ImportValue 'shared-certificate'");
    const result = importCloudFormation([{ path: 'template.yaml', text }]);
    const outcome = result.report.resources.find((e) => e.sourceId === 'Https')!.outcome;
    expect(outcome).toMatchObject({ kind: 'kept', nodeId: 'Https' });
    expect((outcome as { reason: string }).reason).toContain(NOT_REMADE);
    const listeners = reexported(text);
    expect(Object.keys(listeners).sort()).toEqual(['Http', 'Https']);
    expect(listeners.Https).toEqual([
      'HTTPS',
      [{ CertificateArn: { 'Fn::ImportValue': 'shared-certificate' } }],
    ]);
  });
});

describe('what the lowering made for a trail', () => {
  // archgen's layout metadata says what was drawn; the trail's bucket and log group were not.
  const text = (layoutNodes: string) => `
AWSTemplateFormatVersion: '2010-09-09'
Metadata:
  Archgen::Layout:
    nodes: { ${layoutNodes} }
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      S3BucketName: !Ref TrailBucket
      CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
      CloudWatchLogsRoleArn: !GetAtt TrailLogsRole.Arn
  TrailLogs:
    Type: AWS::Logs::LogGroup
  TrailLogsRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Statement: [] }
      Policies:
        - PolicyName: logs
          PolicyDocument: { Statement: [{ Effect: Allow, Action: 'logs:PutLogEvents', Resource: !GetAtt TrailLogs.Arn }] }
  TrailBucket:
    Type: AWS::S3::Bucket
  TrailBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref TrailBucket
      PolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: cloudtrail.amazonaws.com }
            Action: 's3:PutObject'
            Resource: !Sub '\${TrailBucket.Arn}/*'
`;
  const outcomes = (layoutNodes: string) => {
    const result = importCloudFormation([{ path: 'template.yaml', text: text(layoutNodes) }]);
    return Object.fromEntries(result.report.resources.map((e) => [e.sourceId, e.outcome.kind]));
  };

  it('reads the bucket (its policy holds the grants), the log group and role as parts of the trail', () => {
    expect(outcomes('Trail: { id: trail, x: 0, "y": 0 }')).toEqual({
      Trail: 'node',
      TrailBucket: 'part-of',
      TrailBucketPolicy: 'part-of',
      TrailLogs: 'part-of',
      TrailLogsRole: 'part-of',
    });
  });

  it('reads them as nodes where they were drawn', () => {
    expect(
      outcomes(
        'Trail: { id: trail, x: 0, "y": 0 }, TrailBucket: { id: b, x: 1, "y": 0 }, TrailLogs: { id: l, x: 2, "y": 0 }',
      ),
    ).toMatchObject({ TrailBucket: 'node', TrailBucketPolicy: 'part-of', TrailLogs: 'node' });
  });
});

describe('a function mounting a file system', () => {
  const mounting = (mount: string) =>
    importCloudFormation([
      {
        path: 'template.yaml',
        text: `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Files:
    Type: AWS::EFS::FileSystem
  FilesAccessPoint:
    Type: AWS::EFS::AccessPoint
    Properties: { FileSystemId: !Ref Files, RootDirectory: { Path: /files } }
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Code: { ZipFile: 'exports.handler = async () => 1' }
      Role: arn:aws:iam::123456789012:role/fn
${mount}
`,
      },
    ]);

  it('mounts it through its access point, where the function says: read-only, its role writing nothing', () => {
    const result = mounting(
      '      FileSystemConfigs: [{ Arn: !GetAtt FilesAccessPoint.Arn, LocalMountPath: /mnt/files }]',
    );
    expect(result.report.problems.filter((p) => p.sourceId === 'Fn')).toEqual([]);
    expect(result.design.connections).toMatchObject([
      { from: 'Fn', to: 'Files', kind: 'read', properties: { mountPath: '/mnt/files' } },
    ]);
    expect(result.design.nodes.find((n) => n.id === 'Files')).toMatchObject({
      type: 'efs',
      properties: { accessPoints: [{ path: '/files' }] },
      logicalIds: { self: 'Files', 'accessPoint:0': 'FilesAccessPoint' },
    });
  });

  it('draws no mount for a function that mounts nothing', () => {
    expect(mounting('').design.connections).toEqual([]);
  });
});
