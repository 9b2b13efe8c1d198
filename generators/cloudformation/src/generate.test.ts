import { describe, expect, it } from 'vitest';
import { SERVICES, design as build, type Design } from '@archgen/model';
import { lowerDesign, type ResolvedGraph } from '@archgen/infra';
import { EMITTERS, NO_INFRASTRUCTURE } from './emitters/index.ts';
import { generateCloudFormation } from './generate.ts';
import { truncateUtf8, utf8ByteLength } from './text.ts';
import { parseTemplate } from './template/yaml.ts';
import { INTRINSIC_FUNCTIONS } from './template/intrinsics.ts';
import { verificationDesigns } from '../../../test-support/designs.ts';
import { denseDesign } from '../../../bench/dense.ts';

function namedDesign(name: string): Design {
  const found = verificationDesigns().find((d) => d.name === name);
  if (!found) throw new Error(`no verification design named ${name}`);
  return found.design;
}

/** Templates are free-form JSON: tests index into them at will. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

type Template = {
  Parameters?: Record<string, Json>;
  Conditions?: Record<string, Json>;
  Resources: Record<string, Json>;
  Outputs?: Record<string, Json>;
  Description?: string;
};

function generate(source: Design | ResolvedGraph, environments?: string[]) {
  const graph = 'schemaVersion' in source ? lowerDesign(source) : source;
  const files = generateCloudFormation(graph, environments ? { environments } : {});
  return { files, template: parseTemplate(files['template.yaml']!) as unknown as Template };
}

/** The one resource of a type (fails when there are none or several). */
function only(template: Template, type: string): [string, Json] {
  const found = Object.entries(template.Resources).filter(([, r]) => r.Type === type);
  expect(
    found.map(([id]) => id),
    `resources of type ${type}`,
  ).toHaveLength(1);
  return found[0]!;
}

const ofType = (template: Template, type: string) =>
  Object.entries(template.Resources).filter(([, r]) => r.Type === type);

function parameterFile(files: Record<string, string>, env: string): Record<string, string> {
  const entries = JSON.parse(files[`parameters/${env}.json`]!) as {
    ParameterKey: string;
    ParameterValue: string;
  }[];
  return Object.fromEntries(entries.map((e) => [e.ParameterKey, e.ParameterValue]));
}

describe('emitter registry', () => {
  it('has an emitter for every catalog service that describes infrastructure', () => {
    const missing = SERVICES.map((s) => s.type).filter(
      (type) => !NO_INFRASTRUCTURE.has(type) && !EMITTERS[type],
    );
    expect(missing).toEqual([]);
    expect(Object.keys(EMITTERS).length).toBe(SERVICES.length - NO_INFRASTRUCTURE.size);
  });

  it('rejects a component type it has no emitter for instead of skipping it', () => {
    const graph = lowerDesign(build('Unknown').node('sqs', { id: 'queue' }).build());
    const broken: ResolvedGraph = {
      ...graph,
      components: graph.components.map((c) => (c.id === 'queue' ? { ...c, type: 'quantum-queue' } : c)),
    };
    expect(() => generateCloudFormation(broken)).toThrow(
      /no CloudFormation emitter for: queue \(quantum-queue\)/,
    );
  });
});

describe('generateCloudFormation', () => {
  it('writes the template, one parameter file per environment and a README', () => {
    const { files } = generate(build('Files').environments('dev', 'prod').node('sqs').build());
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'parameters/dev.json',
      'parameters/prod.json',
      'template.yaml',
    ]);
    expect(files['README.md']).toContain('aws cloudformation deploy --stack-name');
    expect(files['README.md']).toContain('--parameter-overrides file://parameters/prod.json');
    expect(files['README.md']).not.toContain('--s3-bucket');
  });

  it('is deterministic: the same graph gives the same bytes', () => {
    const source = namedDesign('three-tier-web-app');
    expect(generateCloudFormation(lowerDesign(source))).toEqual(generateCloudFormation(lowerDesign(source)));
  });

  it('limits output to the requested environments', () => {
    const { files, template } = generate(
      build('Subset').environments('dev', 'staging', 'prod').node('sqs').build(),
      ['prod'],
    );
    expect(Object.keys(files).filter((f) => f.startsWith('parameters/'))).toEqual(['parameters/prod.json']);
    expect(template.Parameters!.EnvironmentName.AllowedValues).toEqual(['prod']);
    expect(() =>
      generateCloudFormation(lowerDesign(build('Subset').node('sqs').build()), { environments: ['qa'] }),
    ).toThrow(/unknown environment/);
  });

  it('prints a value all environments share as a literal and a differing one as a parameter', () => {
    const source = build('Sizing')
      .environments('dev', 'prod')
      .node('lambda', { id: 'fn', properties: { memorySize: 512, timeoutSeconds: 20 } })
      .override('prod', 'fn', { memorySize: 2048 })
      .build();
    const { files, template } = generate(source);
    const [id, fn] = only(template, 'AWS::Lambda::Function');
    expect(fn.Properties.Timeout).toBe(20);
    expect(fn.Properties.MemorySize).toEqual({ Ref: `${id}MemorySize` });
    expect(template.Parameters![`${id}MemorySize`].Type).toBe('Number');
    expect(parameterFile(files, 'dev')[`${id}MemorySize`]).toBe('512');
    expect(parameterFile(files, 'prod')[`${id}MemorySize`]).toBe('2048');
  });

  it('tells large templates to deploy through an S3 bucket', () => {
    const { files } = generate(namedDesign('adversarial-every-connection'));
    expect(files['template.yaml']!.length).toBeGreaterThan(51_200);
    expect(files['README.md']).toContain('--s3-bucket <artifact-bucket>');
  });

  it('covers every parameter without a default in every parameter file', () => {
    const { files, template } = generate(namedDesign('adversarial-every-service'));
    for (const env of ['dev', 'staging', 'prod']) {
      const values = parameterFile(files, env);
      const missing = Object.entries(template.Parameters!).filter(
        ([name, p]) => p.Default === undefined && values[name] === undefined,
      );
      expect(
        missing.map(([name]) => name),
        env,
      ).toEqual([]);
      expect(values.EnvironmentName).toBe(env);
    }
  });

  it('creates the second and third NAT gateway only where an environment has one per AZ', () => {
    const source = build('Nat')
      .environments('dev', 'prod')
      .vpc({ azCount: 3, tiers: ['public', 'private'] })
      .node('nat-gateway', { id: 'nat', tier: 'public', properties: { mode: 'per-az' } })
      .override('dev', 'nat', { mode: 'single' })
      .build();
    const { template } = generate(source);
    const vpc = only(template, 'AWS::EC2::VPC')[0];
    const gateways = ofType(template, 'AWS::EC2::NatGateway');
    expect(gateways.map(([id, r]) => [id, r.Condition])).toEqual([
      [`${vpc}NatGateway1`, undefined],
      [`${vpc}NatGateway2`, `${vpc}HasNatGateway2`],
      [`${vpc}NatGateway3`, `${vpc}HasNatGateway3`],
    ]);
    expect(template.Conditions![`${vpc}HasNatGateway2`]).toEqual({
      'Fn::Equals': [{ Ref: 'EnvironmentName' }, 'prod'],
    });
    // AZ 2 routes through its own NAT where it exists, else through NAT 1.
    const route = Object.entries(template.Resources).find(([id]) => /Private.*2DefaultRoute$/.test(id))![1];
    expect(route.Properties.NatGatewayId).toEqual({
      'Fn::If': [`${vpc}HasNatGateway2`, { Ref: `${vpc}NatGateway2` }, { Ref: `${vpc}NatGateway1` }],
    });
  });

  it('gives a queue its DLQ redrive, encryption and a TLS-only policy', () => {
    const { template } = generate(build('Queue').node('sqs', { id: 'orders', name: 'Orders' }).build());
    const queue = template.Resources.Orders;
    expect(queue.Type).toBe('AWS::SQS::Queue');
    expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    expect(queue.Properties.RedrivePolicy.deadLetterTargetArn).toEqual({ 'Fn::GetAtt': 'OrdersDlq.Arn' });
    expect(template.Resources.OrdersDlq.Type).toBe('AWS::SQS::Queue');
    const policy = template.Resources.OrdersPolicy;
    expect(policy.Properties.Queues).toEqual([{ Ref: 'Orders' }]);
    expect(policy.Properties.PolicyDocument.Statement[0]).toMatchObject({
      Effect: 'Deny',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });

  it('derives security group rules as separate resources and closes default egress', () => {
    const source = build('Tiers')
      .vpc()
      .node('alb', { id: 'alb', name: 'Web ALB', tier: 'public' })
      .node('ecs-fargate', { id: 'web', name: 'Web', tier: 'private' })
      .node('rds', { id: 'db', name: 'Db', tier: 'isolated' })
      .node('users', { id: 'users', placement: null })
      .connect('users', 'alb', 'traffic')
      .connect('alb', 'web', 'traffic')
      .connect('web', 'db', 'traffic')
      .build();
    const { template } = generate(source);
    const ingress = ofType(template, 'AWS::EC2::SecurityGroupIngress').map(([, r]) => r.Properties);
    expect(ingress).toContainEqual(
      expect.objectContaining({
        FromPort: 5432,
        SourceSecurityGroupId: { 'Fn::GetAtt': 'WebSg.GroupId' },
        GroupId: { 'Fn::GetAtt': 'DbSg.GroupId' },
      }),
    );
    const dbGroup = template.Resources.DbSg.Properties;
    expect(dbGroup.SecurityGroupEgress).toEqual([
      expect.objectContaining({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' }),
    ]);
    // The public ALB's open ingress is deliberate and says so for cfn_nag.
    const albGroup = template.Resources.WebALBSg;
    expect(albGroup.Metadata.cfn_nag.rules_to_suppress.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['W2', 'W9']),
    );
    const db = template.Resources.Db.Properties;
    expect(db).toMatchObject({
      ManageMasterUserPassword: true,
      PubliclyAccessible: false,
      StorageEncrypted: true,
    });
  });

  it("puts the lowering's least-privilege statements inline in the role", () => {
    const source = build('Grant')
      .node('lambda', { id: 'fn', name: 'Fn' })
      .node('dynamodb', { id: 'table', name: 'Table' })
      .connect('fn', 'table', 'read')
      .build();
    const { template } = generate(source);
    const role = template.Resources.FnRole;
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({
      Service: 'lambda.amazonaws.com',
    });
    const statements = role.Properties.Policies[0].PolicyDocument.Statement;
    const read = statements.find((s: Json) => s.Action.includes('dynamodb:GetItem'));
    expect(read.Action).not.toContain('dynamodb:PutItem');
    expect(read.Resource).toContainEqual({ 'Fn::GetAtt': 'Table.Arn' });
    // A wildcard only where AWS has no resource-level permission (X-Ray), acknowledged with why.
    const wildcards = statements.filter((s: Json) => s.Resource === '*');
    expect(
      wildcards.flatMap((s: Json) => s.Action).every((action: string) => action.startsWith('xray:')),
    ).toBe(true);
    expect(role.Metadata.cfn_nag.rules_to_suppress).toContainEqual(expect.objectContaining({ id: 'W11' }));
  });

  it('acknowledges accepted risks in the resource metadata with their reason', () => {
    const source = build('Risk')
      .node('sqs', { id: 'q', name: 'Q' })
      .acceptRisk('SQS-01', 'q', 'Public data only')
      .build();
    const graph = lowerDesign(source);
    const queue = graph.components.find((c) => c.id === 'q')!;
    queue.acknowledgements = [
      { ruleId: 'SQS-01', reason: 'Public data only', equivalents: ['CKV_AWS_27', 'CNAG W48', 'Sol-SQS2'] },
    ];
    const { template } = generate(graph);
    expect(template.Resources.Q.Metadata).toEqual({
      cfn_nag: { rules_to_suppress: [{ id: 'W48', reason: 'SQS-01: Public data only' }] },
      checkov: { skip: [{ id: 'CKV_AWS_27', comment: 'SQS-01: Public data only' }] },
    });
  });
});

describe('per-environment structure', () => {
  it('serves HTTPS where an environment has a certificate and redirects port 80 there', () => {
    const source = build('Web')
      .environments('dev', 'prod')
      .vpc()
      .node('alb', { id: 'alb', name: 'Web', tier: 'public', properties: { certificateArn: '' } })
      .override('prod', 'alb', { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' })
      .build();
    const { template } = generate(source);
    const https = template.Resources.WebHttpsListener;
    expect(https.Condition).toBe('IsProd');
    expect(https.Properties).toMatchObject({
      Port: 443,
      Protocol: 'HTTPS',
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
    });
    const http = template.Resources.WebHttpListener.Properties;
    expect(http.DefaultActions['Fn::If'][0]).toBe('IsDev');
    expect(http.DefaultActions['Fn::If'][2]).toEqual([expect.objectContaining({ Type: 'redirect' })]);
  });

  it('runs a rule on its pattern and bus where it has no schedule, on the default bus where it has one', () => {
    const source = build('Rules')
      .environments('dev', 'prod')
      .node('eventbridge-bus', { id: 'bus', name: 'Bus' })
      .node('eventbridge-rule', { id: 'rule', name: 'Rule' })
      .node('sqs', { id: 'queue', name: 'Queue' })
      .connect('bus', 'rule', 'route')
      .connect('rule', 'queue', 'route')
      .override('prod', 'rule', { schedule: 'rate(1 hour)' })
      .build();
    const [, rule] = only(generate(source).template, 'AWS::Events::Rule');
    // A schedule only runs on the default bus, and replaces the pattern.
    expect(rule.Properties.EventBusName).toEqual({
      'Fn::If': ['IsProd', { Ref: 'AWS::NoValue' }, { Ref: 'Bus' }],
    });
    expect(rule.Properties.EventPattern).toEqual({
      'Fn::If': ['IsProd', { Ref: 'AWS::NoValue' }, { source: ['app.orders'] }],
    });
    expect(rule.Properties.ScheduleExpression).toEqual({
      'Fn::If': ['IsProd', 'rate(1 hour)', { Ref: 'AWS::NoValue' }],
    });
  });

  it('creates Aurora readers only in the environments that have them', () => {
    const source = build('Db')
      .environments('dev', 'prod')
      .vpc()
      .node('aurora', { id: 'db', name: 'Db', tier: 'isolated', properties: { readers: 2 } })
      .override('dev', 'db', { readers: 0 })
      .build();
    const { template } = generate(source);
    expect(ofType(template, 'AWS::RDS::DBInstance').map(([id, r]) => [id, r.Condition])).toEqual([
      ['DbWriter', undefined],
      ['DbReader1', 'IsProd'],
      ['DbReader2', 'IsProd'],
    ]);
  });

  it('gives a table throughput and auto scaling only where it is provisioned', () => {
    const source = build('Table')
      .environments('dev', 'prod')
      .node('dynamodb', { id: 'table', name: 'Orders', properties: { billingMode: 'on-demand' } })
      .override('prod', 'table', { billingMode: 'provisioned' })
      .build();
    const { files, template } = generate(source);
    const table = template.Resources.Orders.Properties;
    expect(table.BillingMode).toEqual({ Ref: 'OrdersBillingMode' });
    expect(parameterFile(files, 'dev').OrdersBillingMode).toBe('PAY_PER_REQUEST');
    expect(parameterFile(files, 'prod').OrdersBillingMode).toBe('PROVISIONED');
    expect(table.ProvisionedThroughput['Fn::If'][0]).toBe('IsProd');
    expect(
      ofType(template, 'AWS::ApplicationAutoScaling::ScalableTarget').map(([, r]) => r.Condition),
    ).toEqual(['IsProd', 'IsProd']);
  });
});

describe('bucket notifications', () => {
  it('travel through EventBridge so a function that reads its source bucket forms no cycle', () => {
    const source = build('Ingest')
      .node('s3', { id: 'raw', name: 'Raw' })
      .node('lambda', { id: 'fn', name: 'Fn' })
      .connect('raw', 'fn', 'event-source')
      .connect('fn', 'raw', 'read')
      .build();
    const { template } = generate(source);
    const bucket = template.Resources.Raw;
    expect(bucket.DependsOn).toBeUndefined();
    expect(bucket.Properties.NotificationConfiguration).toEqual({
      EventBridgeConfiguration: { EventBridgeEnabled: true },
    });
    const rule = template.Resources.RawToFnEvents;
    expect(rule.Properties.EventPattern).toEqual({
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: [{ Ref: 'Raw' }] } },
    });
    expect(rule.Properties.Targets[0].Arn).toEqual({ 'Fn::GetAtt': 'Fn.Arn' });
    const permission = template.Resources.FnInvokeFromRawToFnEvents.Properties;
    expect(permission).toMatchObject({
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': 'RawToFnEvents.Arn' },
    });
  });
});

describe('README', () => {
  it('escapes user text in the markdown it writes', () => {
    const source = build('Shop *bold* | [link](x) <script>').node('sqs').build();
    const { files } = generate(source);
    expect(files['README.md']).toContain('# Shop \\*bold\\* \\| \\[link\\](x) \\<script\\>: CloudFormation');
  });
});

describe('hostile names', () => {
  const source = namedDesign('adversarial-hostile-names');
  const { files, template } = generate(source);

  it('round-trips every user string through YAML unchanged', () => {
    expect(template.Description).toBe(
      `${source.name}: ${source.description}`.slice(0, template.Description!.length),
    );
    const tagValues = new Set(
      Object.values(template.Resources).flatMap((r: Json) =>
        Array.isArray(r.Properties?.Tags) ? r.Properties.Tags.map((t: Json) => t.Value) : [],
      ),
    );
    for (const [, value] of Object.entries(source.tags)) expect(tagValues).toContain(value);
    for (const node of source.nodes.filter((n) => n.type === 'sqs')) {
      const names = Object.values(template.Resources).flatMap((r: Json) =>
        (r.Properties?.Tags ?? []).filter((t: Json) => t.Key === 'Name').map((t: Json) => t.Value),
      );
      expect(names).toContain(node.name);
    }
  });

  it('never turns user text into an intrinsic function or a new key', () => {
    const intrinsicKeys = new Set<string>();
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === 'Ref' || key.startsWith('Fn::')) intrinsicKeys.add(key);
          visit(child);
        }
      }
    };
    visit(template);
    for (const key of intrinsicKeys) expect(INTRINSIC_FUNCTIONS).toContain(key);
    // Every Fn::Sub string was written by the generator: user text never reaches one.
    const subs: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === 'Fn::Sub') subs.push(typeof child === 'string' ? child : (child as string[])[0]!);
          collect(child);
        }
      }
    };
    collect(template);
    for (const text of subs) expect(text).toMatch(/^[A-Za-z0-9${}:/.*_@\-!]*$/);
    expect(files['README.md']).not.toMatch(/<script/i);
  });
});

describe('truncateUtf8', () => {
  it('cuts at a character boundary within the byte limit', () => {
    expect(truncateUtf8('abc', 3)).toBe('abc');
    expect(truncateUtf8('aé€😀', 6)).toBe('aé€');
    expect(truncateUtf8('aé€😀', 10)).toBe('aé€😀');
    expect(truncateUtf8('😀😀', 5)).toBe('😀');
    expect(utf8ByteLength('aé€😀')).toBe(10);
  });
});

describe('a design larger than one stack', () => {
  const graph = lowerDesign(denseDesign(300));
  const files = generateCloudFormation(graph);
  const root = parseTemplate(files['template.yaml']!) as unknown as Template;
  const children = Object.keys(files).filter((path) => path.startsWith('stacks/'));

  it('deploys as a root template with one nested stack per part of graph.stacks', () => {
    expect(graph.stacks!.length).toBeGreaterThan(2);
    const nested = Object.entries(root.Resources).filter(([, r]) => r.Type === 'AWS::CloudFormation::Stack');
    expect(nested.map(([id]) => id)).toEqual(graph.stacks!.map((s) => `${s.name}Stack`));
    expect(nested.map(([, r]) => r.Properties.TemplateURL).sort()).toEqual([...children].sort());
    expect(Object.keys(root.Resources)).toHaveLength(nested.length);
  });

  it('passes values from earlier stacks as outputs into parameters of the same name', () => {
    const parsed = new Map(
      Object.entries(root.Resources).map(([id, r]) => [
        id,
        parseTemplate(files[r.Properties.TemplateURL as string]!) as unknown as Template,
      ]),
    );
    let passed = 0;
    for (const [id, resource] of Object.entries(root.Resources)) {
      const child = parsed.get(id)!;
      // Every parameter of a nested template is passed (none has a default to fall back on).
      expect(Object.keys(resource.Properties.Parameters ?? {}).sort()).toEqual(
        Object.keys(child.Parameters ?? {}).sort(),
      );
      for (const [name, value] of Object.entries(resource.Properties.Parameters ?? {})) {
        expect(child.Parameters![name], name).toBeDefined();
        const getAtt = (value as Json)['Fn::GetAtt'];
        if (!getAtt) continue;
        passed++;
        const [producer, outputs, output] = String(getAtt).split('.');
        expect(outputs).toBe('Outputs');
        expect(output).toBe(name);
        expect(parsed.get(producer!)!.Outputs![name], `${producer} outputs ${name}`).toBeDefined();
      }
    }
    expect(passed).toBeGreaterThan(50);
  });

  it('keeps per-environment values in each nested template, so the root takes only the environment', () => {
    expect(Object.keys(root.Parameters!)).toEqual(['EnvironmentName']);
    expect(parameterFile(files, 'prod')).toEqual({ EnvironmentName: 'prod' });
    // Which part holds what follows the packing; every part with per-environment values has all three.
    const mapped = children
      .map((path) => parseTemplate(files[path]!) as Json)
      .filter((t) => t.Mappings?.EnvironmentValues);
    expect(mapped.length).toBeGreaterThan(0);
    for (const data of mapped)
      expect(Object.keys(data.Mappings.EnvironmentValues)).toEqual(['dev', 'staging', 'prod']);
  });

  it('says in the README to package the nested templates before deploying', () => {
    const readme = files['README.md']!;
    expect(readme).toContain(
      'aws cloudformation package --template-file template.yaml \\\n  --region us-east-1 \\\n  --s3-bucket <artifact-bucket-us-east-1> --output-template-file packaged-dev.yaml',
    );
    expect(readme).toContain(
      'aws cloudformation deploy --stack-name dense-300-prod --template-file packaged-prod.yaml',
    );
    for (const path of children) expect(readme).toContain(`\`${path}\``);
  });
});

describe('EFS file systems', () => {
  const { files, template } = generate(
    build('Files')
      .environments('dev', 'prod')
      .vpc({ id: 'main', azCount: 3 })
      .node('efs', { id: 'files', name: 'Shared', tier: 'isolated' })
      .node('ecs-fargate', { id: 'api', name: 'Api', tier: 'private' })
      .node('lambda', { id: 'fn', name: 'Thumbs', tier: 'private' })
      .connect('api', 'files', 'read-write')
      .connect('fn', 'files', 'read')
      .build(),
  );

  it('has a mount target in each AZ and backups in production only', () => {
    const [id, fs] = only(template, 'AWS::EFS::FileSystem');
    expect(fs.Properties).toMatchObject({ Encrypted: true, ThroughputMode: 'elastic' });
    expect(ofType(template, 'AWS::EFS::MountTarget')).toHaveLength(3);
    expect(only(template, 'AWS::EFS::AccessPoint')[1].Properties.RootDirectory.Path).toBe('/data');
    const status = fs.Properties.BackupPolicy.Status;
    const name = status.Ref as string;
    expect(parameterFile(files, 'dev')[name]).toBe('DISABLED');
    expect(parameterFile(files, 'prod')[name]).toBe('ENABLED');
    expect(fs.DeletionPolicy).toBe('Retain');
    expect(id).toBe('Shared');
  });

  it('mounts through the access point, after the mount targets, with the grant conditioned on it', () => {
    const [, fn] = only(template, 'AWS::Lambda::Function');
    const [accessPoint] = only(template, 'AWS::EFS::AccessPoint');
    expect(fn.Properties.FileSystemConfigs).toEqual([
      { Arn: { 'Fn::GetAtt': `${accessPoint}.Arn` }, LocalMountPath: '/mnt/data' },
    ]);
    expect(fn.DependsOn).toHaveLength(3);
    const [, task] = only(template, 'AWS::ECS::TaskDefinition');
    expect(task.Properties.Volumes[0].EFSVolumeConfiguration).toMatchObject({
      TransitEncryption: 'ENABLED',
      AuthorizationConfig: { AccessPointId: { Ref: accessPoint }, IAM: 'ENABLED' },
    });
    expect(task.Properties.ContainerDefinitions[0].MountPoints[0]).toMatchObject({ ReadOnly: false });
    const statements = ofType(template, 'AWS::IAM::Role').flatMap(([, r]) =>
      (r.Properties.Policies ?? []).flatMap((p: Json) => p.PolicyDocument.Statement),
    );
    const mount = statements.find((s: Json) => s.Action.includes('elasticfilesystem:ClientMount'));
    expect(mount.Condition).toEqual({
      StringEquals: { 'elasticfilesystem:AccessPointArn': { 'Fn::GetAtt': `${accessPoint}.Arn` } },
      Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' },
    });
    const nfs = ofType(template, 'AWS::EC2::SecurityGroupIngress').map(([, r]) => r.Properties.FromPort);
    expect(nfs.filter((p) => p === 2049)).toHaveLength(2);
  });
});

describe('API Gateway custom domains', () => {
  const CERT_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123';
  const { template } = generate(
    build('Api domains')
      .node('route53-zone', { id: 'zone', name: 'Zone', properties: { zoneName: 'example.com' } })
      .node('acm-certificate', { id: 'cert', name: 'Cert', properties: { domainName: 'api.example.com' } })
      .node('lambda', { id: 'fn', name: 'Fn' })
      .node('api-gateway', { id: 'http', name: 'Http', properties: { authorizer: 'none' } })
      .node('api-gateway', {
        id: 'rest',
        name: 'Rest',
        properties: { apiType: 'rest', authorizer: 'none', certificateArn: CERT_ARN },
      })
      .node('api-gateway', { id: 'bare', name: 'Bare', properties: { authorizer: 'none' } })
      .connect('cert', 'zone', 'validate-in')
      .connect('cert', 'http', 'certificate')
      .connect('http', 'fn', 'invoke')
      .connect('rest', 'fn', 'invoke')
      .connect('zone', 'http', 'alias', { id: 'a1', properties: { recordName: 'api' } })
      .connect('zone', 'rest', 'alias', { id: 'a2', properties: { recordName: 'rest' } })
      .connect('zone', 'bare', 'alias', { id: 'a3', properties: { recordName: 'bare' } })
      .build(),
  );

  it('an HTTP API: a regional ApiGatewayV2 domain with the drawn certificate, mapped to $default', () => {
    const [id, domain] = only(template, 'AWS::ApiGatewayV2::DomainName');
    expect(domain.Properties.DomainName).toBe('api.example.com');
    expect(domain.Properties.DomainNameConfigurations).toEqual([
      { CertificateArn: { Ref: 'Cert' }, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' },
    ]);
    const [, mapping] = only(template, 'AWS::ApiGatewayV2::ApiMapping');
    expect(mapping.Properties).toEqual({
      ApiId: { Ref: 'Http' },
      DomainName: { Ref: id },
      Stage: { Ref: 'HttpStage' },
    });
  });

  it('a REST API: a regional domain with its certificate ARN, its base path mapped to the stage', () => {
    const [id, domain] = only(template, 'AWS::ApiGateway::DomainName');
    expect(domain.Properties).toMatchObject({
      DomainName: 'rest.example.com',
      RegionalCertificateArn: CERT_ARN,
      EndpointConfiguration: { Types: ['REGIONAL'] },
      SecurityPolicy: 'TLS_1_2',
    });
    const [, mapping] = only(template, 'AWS::ApiGateway::BasePathMapping');
    expect(mapping.Properties).toEqual({
      DomainName: { Ref: id },
      RestApiId: { Ref: 'Rest' },
      Stage: { Ref: 'RestStage' },
    });
  });

  it('the zone has an A record to each domain, none for the API without a certificate', () => {
    const records = Object.values(template.Resources).filter(
      (r: Json) => r.Type === 'AWS::Route53::RecordSet',
    );
    expect(
      records.map((r: Json) => [r.Properties.Name, r.Properties.Type, r.Properties.AliasTarget]),
    ).toEqual([
      [
        'api.example.com',
        'A',
        {
          DNSName: { 'Fn::GetAtt': 'HttpDomain1.RegionalDomainName' },
          HostedZoneId: { 'Fn::GetAtt': 'HttpDomain1.RegionalHostedZoneId' },
          EvaluateTargetHealth: false,
        },
      ],
      [
        'rest.example.com',
        'A',
        {
          DNSName: { 'Fn::GetAtt': 'RestDomain1.RegionalDomainName' },
          HostedZoneId: { 'Fn::GetAtt': 'RestDomain1.RegionalHostedZoneId' },
          EvaluateTargetHealth: false,
        },
      ],
    ]);
  });

  it('a REST API left out (no method) has no domain and the zone no record for it', () => {
    const { template: t } = generate(
      build('Api without method')
        .node('route53-zone', { id: 'zone', name: 'Zone', properties: { zoneName: 'example.com' } })
        .node('api-gateway', {
          id: 'rest',
          name: 'Rest',
          properties: { apiType: 'rest', certificateArn: CERT_ARN },
        })
        .connect('zone', 'rest', 'alias')
        .build(),
    );
    const types = Object.values(t.Resources).map((r: Json) => r.Type);
    expect(types).toContain('AWS::Route53::HostedZone');
    expect(types).not.toContain('AWS::ApiGateway::DomainName');
    expect(types).not.toContain('AWS::Route53::RecordSet');
  });
});
