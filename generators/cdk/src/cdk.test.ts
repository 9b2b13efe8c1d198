import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { SERVICES } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { API_DOMAINS_CERT_ARN, apiDomainsDesign } from '../../../test-support/scenarios.ts';
import { adversarialDesigns, exampleDesigns } from '../../../test-support/designs.ts';
import { EMITTERS, generateCdk } from './index.ts';
import { emitterFor } from './emitters/index.ts';
import { orderComponents } from './stack.ts';
import { quote } from './ts/print.ts';
import { component, kitchenSinkGraph } from './test-support/graph-fixture.ts';

/** Whitespace-insensitive "this construct is in the code" check (spec2cdk's toContainCode). */
function expectCode(source: string, snippet: string): void {
  const normalize = (text: string) =>
    text
      .replace(/\s+/g, ' ')
      .replace(/([({[]) /g, '$1')
      .replace(/ ([)}\]])/g, '$1')
      .replace(/,([)}\]])/g, '$1');
  expect(normalize(source), `expected the code to contain:\n${snippet}`).toContain(
    normalize(snippet).replace(/[,;]$/, ''),
  );
}

/** Syntax errors of a generated TypeScript file (the parser alone: fast, no type information). */
function syntaxErrors(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => `${fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

const kitchen = generateCdk(kitchenSinkGraph());
const stack = kitchen['lib/kitchen-sink-stack.ts'] ?? '';

describe('emitters', () => {
  it('exist for every catalog service that describes infrastructure', () => {
    const types = SERVICES.map((s) => s.type).filter((t) => t !== 'users');
    expect(types.length).toBeGreaterThan(20);
    expect(types.filter((t) => !(t in EMITTERS))).toEqual([]);
  });

  it('refuse an unknown component type instead of skipping it', () => {
    expect(() => emitterFor('quantum-computer')).toThrow(/no emitter for component type "quantum-computer"/);
    expect(() => emitterFor('__proto__')).toThrow(/no emitter/);
    const graph = kitchenSinkGraph();
    graph.components.push(component('quantum-computer', 'Q', {}));
    expect(() => generateCdk(graph)).toThrow(/quantum-computer/);
  });

  it('order components after what they need (DLQ before queue, log group before function)', () => {
    const order = orderComponents(kitchenSinkGraph()).map((c) => c.id);
    expect(order.indexOf('ordersQueueDlq')).toBeLessThan(order.indexOf('ordersQueue'));
    expect(order.indexOf('workerLogs')).toBeLessThan(order.indexOf('worker'));
    expect(order.indexOf('worker')).toBeLessThan(order.indexOf('fulfilment'));
  });

  it('report a dependency cycle by name', () => {
    const graph = kitchenSinkGraph();
    const queue = graph.components.find((c) => c.id === 'ordersQueueDlq');
    if (queue) queue.deadLetterQueueId = 'ordersQueue';
    expect(() => orderComponents(graph)).toThrow(/cycle: .*ordersQueue/);
  });
});

describe('the generated app', () => {
  it('has the files of a CDK app', () => {
    expect(Object.keys(kitchen).sort()).toEqual(
      [
        '.gitignore',
        'README.md',
        'bin/app.ts',
        'cdk.json',
        'lib/config.ts',
        'lib/kitchen-sink-stack.ts',
        'lib/nag.ts',
        'package.json',
        'tsconfig.json',
      ].sort(),
    );
    const pkg = JSON.parse(kitchen['package.json'] ?? '{}') as {
      dependencies: Record<string, string>;
      scripts: Record<string, string>;
    };
    expect(pkg.dependencies['aws-cdk-lib']).toBe('^2.276.0');
    expect(Object.keys(pkg.scripts)).toEqual(expect.arrayContaining(['synth', 'deploy', 'diff']));
    expect(JSON.parse(kitchen['cdk.json'] ?? '{}').app).toBe('npx tsx bin/app.ts');
    expect(JSON.parse(kitchen['tsconfig.json'] ?? '{}').compilerOptions.strict).toBe(true);
  });

  it('parses without syntax errors', () => {
    for (const [path, source] of Object.entries(kitchen).filter(([p]) => p.endsWith('.ts')))
      expect(syntaxErrors(path, source)).toEqual([]);
  });

  it('creates one stack per environment with cdk-nag checks and design tags', () => {
    const app = kitchen['bin/app.ts'] ?? '';
    expectCode(app, 'new KitchenSinkStack(app, `KitchenSink-${envName}`, {');
    expectCode(app, 'Validations.of(app).addPlugins(new AwsSolutionsChecks(app));');
    expectCode(app, "Tags.of(app).add('cost-center', 'shop');");
  });

  it('puts values that differ between environments in the typed config', () => {
    const config = kitchen['lib/config.ts'] ?? '';
    expectCode(config, "export type EnvName = 'dev' | 'prod';");
    expectCode(config, 'readonly mainVpcNatGateways: number;');
    expectCode(config, "prod: { region: 'us-east-1', mainVpcNatGateways: 2,");
    expectCode(stack, 'natGateways: config.mainVpcNatGateways,');
    expectCode(stack, 'memorySize: config.workerMemorySize,');
    // A value that maps to code: each environment's code is in config.ts, the stack reads it.
    expectCode(config, 'readonly ordersTableBillingMode: dynamodb.Billing;');
    expectCode(config, "import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';");
    expectCode(config, 'ordersTableBillingMode: dynamodb.Billing.onDemand(),');
    expectCode(config, 'ordersTableBillingMode: dynamodb.Billing.provisioned({');
    expectCode(stack, 'billing: config.ordersTableBillingMode,');
  });

  it('prints values that are the same everywhere as literals', () => {
    expectCode(stack, 'timeout: Duration.seconds(30),');
    expect(kitchen['lib/config.ts']).not.toContain('workerTimeoutSeconds');
  });

  it('builds the network with subnet groups per tier, flow logs and closed security groups', () => {
    expectCode(stack, "{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }");
    expectCode(stack, 'destination: ec2.FlowLogDestination.toCloudWatchLogs(mainVpcFlowLogs),');
    expectCode(stack, 'allowAllOutbound: false,');
    expectCode(
      stack,
      "ordersDbSecurityGroup.addIngressRule(apiSecurityGroup, ec2.Port.tcp(5432), 'Postgres from Api');",
    );
    expectCode(stack, "Validations.of(webAlbSecurityGroup).acknowledge({ id: 'AwsSolutions-EC23',");
  });

  it('uses grant methods for connections', () => {
    expectCode(stack, 'ordersTable.grantReadWriteData(apiRole);');
    expectCode(stack, 'assets.grantRead(workerRole);');
    expectCode(stack, 'ordersDbSecret.grantRead(apiRole);');
    expectCode(stack, 'fulfilment.grantStartExecution(vpcFnRole);');
  });

  it('wires queues, event sources, subscriptions and rule targets with dead-letter queues', () => {
    expectCode(stack, 'deadLetterQueue: { queue: ordersQueueDlq, maxReceiveCount: 5 },');
    expectCode(
      stack,
      'worker.addEventSource(new eventSources.SqsEventSource(ordersQueue, { batchSize: 10, maxBatchingWindow: Duration.seconds(5), reportBatchItemFailures: true }));',
    );
    expectCode(
      stack,
      'alarmTopic.addSubscription(new subs.SqsSubscription(ordersQueue, { deadLetterQueue: ordersQueueDlq, rawMessageDelivery: true }));',
    );
    expectCode(
      stack,
      "Validations.of(ordersQueueDlq).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue.' });",
    );
    expectCode(stack, 'ordersQueueDlqAlarm.addAlarmAction(new cwActions.SnsAction(alarmTopic));');
  });

  it("carries the design's accepted risks as cdk-nag acknowledgements with the reason", () => {
    expectCode(
      stack,
      "Validations.of(apiKey).acknowledge({ id: 'AwsSolutions-SMG4', reason: 'Accepted in the design (SM-01): Rotated by the vendor portal' });",
    );
  });

  it('uses L2 constructs where they exist and says why where it uses L1', () => {
    for (const construct of [
      'ec2.Vpc',
      'elbv2.ApplicationLoadBalancer',
      'ecs.FargateService',
      'lambda.Function',
      'rds.DatabaseInstance',
      'rds.DatabaseCluster',
      'dynamodb.TableV2',
      's3.Bucket',
      'cloudfront.Distribution',
      'apigwv2.HttpApi',
      'apigw.RestApi',
      'sfn.StateMachine',
      'opensearch.Domain',
      'cognito.UserPool',
      'kinesis.Stream',
      'autoscaling.AutoScalingGroup',
    ])
      expect(stack).toContain(`new ${construct}(this, `);
    for (const l1 of [
      'eks.CfnCluster',
      'eks.CfnNodegroup',
      'elasticache.CfnReplicationGroup',
      'neptune.CfnDBCluster',
      'timestream.CfnDatabase',
      'athena.CfnWorkGroup',
    ])
      expect(stack).toContain(`new ${l1}(this, `);
    expect(stack).toMatch(/Timestream has no L2 construct/);
    expect(stack).toMatch(/Placeholder handler so `cdk synth` needs no asset build/);
  });

  it('is the same, byte for byte, when generated twice', () => {
    expect(generateCdk(kitchenSinkGraph())).toEqual(kitchen);
    const design = exampleDesigns()[0];
    if (design)
      expect(generateCdk(lowerDesign(design.design))).toEqual(generateCdk(lowerDesign(design.design)));
  });

  it('can be limited to some environments', () => {
    const prodOnly = generateCdk(kitchenSinkGraph(), { environments: ['prod'] });
    expectCode(prodOnly['lib/config.ts'] ?? '', "export type EnvName = 'prod';");
    expectCode(prodOnly['lib/kitchen-sink-stack.ts'] ?? '', 'natGateways: 2,');
    expect(() => generateCdk(kitchenSinkGraph(), { environments: ['qa'] })).toThrow(/Unknown environment/);
  });
});

describe('hostile names', () => {
  const hostile = adversarialDesigns().find((d) => d.name === 'adversarial-hostile-names');

  it('exists as a fixture', () => {
    expect(hostile).toBeDefined();
  });

  it('never break the generated TypeScript', () => {
    if (!hostile) return;
    const files = generateCdk(lowerDesign(hostile.design));
    for (const [path, source] of Object.entries(files).filter(([p]) => p.endsWith('.ts')))
      expect(syntaxErrors(path, source)).toEqual([]);
  });

  it('reach the code only as escaped string literals', () => {
    if (!hostile) return;
    const graph = lowerDesign(hostile.design);
    const files = generateCdk(graph);
    const all = Object.values(files).join('\n');
    const sg = graph.components.find((c) => /["'`$\\]/.test(c.names.display));
    expect(sg, 'the fixture has a display name with quotes, backticks, $ or backslashes').toBeDefined();
    // Tag values are printed whole: their escaped form must be in the app.
    for (const [key, value] of Object.entries(graph.tags)) {
      if (!/Token\[/.test(key + value))
        expectCode(files['bin/app.ts'] ?? '', `Tags.of(app).add(${quote(key)}, ${quote(value)});`);
    }
    // No user text survives unescaped: a raw line break inside a display name never reaches the code.
    for (const c of graph.components.filter((c) => /[\n\u2028]/.test(c.names.display)))
      expect(all).not.toContain(c.names.display);
  });

  it('cannot smuggle CDK token markers into runtime strings', () => {
    const graph = kitchenSinkGraph();
    graph.design.description = 'x ${Token[TOKEN.1]} y';
    const app = generateCdk(graph)['bin/app.ts'] ?? '';
    expect(app).not.toContain('${Token[');
    expect(app).toContain('${ Token[TOKEN.1]}');
  });
});

describe('EventBridge patterns', () => {
  const patterns = adversarialDesigns().find((d) => d.name === 'adversarial-event-patterns-and-cycles')!;
  const source = Object.entries(generateCdk(lowerDesign(patterns.design))).find(([path]) =>
    path.endsWith('-stack.ts'),
  )![1];

  it('types content filters in envelope fields as events.Match (a literal object is not a string)', () => {
    expectCode(source, "source: events.Match.prefix('app.')");
    expectCode(source, "source: events.Match.anythingBut('app.internal', 'app.test')");
    expectCode(source, "account: events.Match.anythingButPrefix('1234')");
    expectCode(source, 'region: events.Match.exists()');
    expectCode(
      source,
      "detailType: events.Match.anyOf(events.Match.equalsIgnoreCase('orderplaced'), events.Match.exactString('OrderShipped'), events.Match.prefixEqualsIgnoreCase('ORDER'))",
    );
    // detail is `{ [key: string]: any }`: the pattern's JSON goes through unchanged.
    expect(source).toMatch(/numeric: \['>', 100, '<=', 500\]/);
  });

  it('names functions that invoke each other up front and refers to them by that name', () => {
    expectCode(source, 'const pingName = `${this.stackName}-ping`.slice(0, 64);');
    expectCode(source, 'functionName: pingName,');
    expect(source).not.toMatch(/pong\.grantInvoke|ping\.grantInvoke/);
  });
});

describe('API Gateway custom domains', () => {
  const CERT_ARN = API_DOMAINS_CERT_ARN;
  const files = generateCdk(lowerDesign(apiDomainsDesign()));
  const source = Object.entries(files).find(([path]) => path.endsWith('-stack.ts'))?.[1] ?? '';

  it('an HTTP API: an apigatewayv2 DomainName with the drawn certificate and an ApiMapping to its stage', () => {
    expectCode(
      source,
      `const httpDomain = new apigwv2.DomainName(this, 'HttpDomain1', {
        domainName: 'api.example.com',
        certificate: cert,
        endpointType: apigwv2.EndpointType.REGIONAL,
        securityPolicy: apigwv2.SecurityPolicy.TLS_1_2,
      });
      new apigwv2.ApiMapping(this, 'HttpDomain1Mapping', {
        api: http,
        domainName: httpDomain,
        stage: httpStage,
      });`,
    );
  });

  it('a REST API: an apigateway DomainName with the ARN and a BasePathMapping to the deployment stage', () => {
    expectCode(
      source,
      `const restDomain = new apigw.DomainName(this, 'RestDomain1', {
        domainName: 'rest.example.com',
        certificate: acm.Certificate.fromCertificateArn(this, 'RestDomain1Certificate', '${CERT_ARN}'),
        endpointType: apigw.EndpointType.REGIONAL,
        securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      });
      new apigw.BasePathMapping(this, 'RestDomain1Mapping', {
        domainName: restDomain,
        restApi: rest,
        stage: rest.deploymentStage,
      });`,
    );
  });

  it('the zone aliases each name to its domain', () => {
    expectCode(
      source,
      `target: route53.RecordTarget.fromAlias(new route53Targets.ApiGatewayv2DomainProperties(
        httpDomain.regionalDomainName,
        httpDomain.regionalHostedZoneId,
      )),`,
    );
    expectCode(
      source,
      `target: route53.RecordTarget.fromAlias(new route53Targets.ApiGatewayDomain(restDomain)),`,
    );
  });
});
