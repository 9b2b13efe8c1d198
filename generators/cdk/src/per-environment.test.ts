/**
 * One stack class serves every environment, so every value that differs between environments
 * must reach the stack through lib/config.ts, including values that add or remove constructs.
 * (The toolchain suite synthesizes each environment and checks its template.)
 */
import { describe, expect, it } from 'vitest';
import { design, type Design } from '@archgen/model';
import { lowerDesign, type ResolvedGraph } from '@archgen/infra';
import { exampleDesigns } from '../../../test-support/designs.ts';
import { generateCdk } from './index.ts';

const examples = new Map(exampleDesigns().map((d) => [d.name, d.design]));

function generated(name: string): { config: string; stack: string } {
  const example = examples.get(name);
  if (!example) throw new Error(`No example "${name}"`);
  return generatedFrom(example);
}

function generatedFrom(d: Design): { config: string; stack: string } {
  const files = generateCdk(lowerDesign(d));
  const stack = Object.entries(files).find(([path]) => path.endsWith('-stack.ts'))?.[1] ?? '';
  return { config: files['lib/config.ts'] ?? '', stack };
}

/** One environment's block of lib/config.ts (`dev: { ... }`). */
function configOf(config: string, env: string): string {
  return new RegExp(`\\n  ${env}: \\{([^}]*)\\}`).exec(config)?.[1] ?? '';
}

describe('per-environment CDK', () => {
  it('never builds an environment from another environment’s value', () => {
    for (const name of examples.keys()) {
      const { stack } = generated(name);
      expect(stack, name).not.toMatch(/differs between environments/);
      // Config values are read, not compared with the design's values baked into the stack;
      // the only comparisons left pick where a cdk-nag finding is acknowledged.
      const lines = stack.split('\n');
      lines.forEach((line, i) => {
        if (!/config\.\w+ (===|!==) (?!undefined)/.test(line)) return;
        expect(`${line.trim()} ${lines[i + 1]?.trim()}`, name).toMatch(/^if \(.*\{ Validations\.of\(/);
      });
    }
  });

  it('runs Fargate on Spot only where config says so', () => {
    const { config, stack } = generated('three-tier-web-app');
    expect(config).toMatch(/prod: \{[^}]*webServiceSpot: false/);
    expect(stack).toContain('enableFargateCapacityProviders: config.webServiceSpot,');
    expect(stack).toContain('capacityProviderStrategies: config.webServiceSpot');
  });

  it('creates the EventBridge archive only where config has its retention', () => {
    const { config, stack } = generated('eventbridge-fanout');
    expect(config).toContain('readonly ordersBusArchiveDays?: number;');
    expect(config).toMatch(/dev: \{(?![^}]*ordersBusArchiveDays)[^}]*\}/);
    expect(config).toMatch(/prod: \{[^}]*ordersBusArchiveDays: 90,/);
    expect(stack).toContain('if (config.ordersBusArchiveDays !== undefined) {');
    expect(stack).toContain('retention: Duration.days(config.ordersBusArchiveDays),');
  });

  it('reads lifecycle expiry and the Athena scan limit from config', () => {
    const { config, stack } = generated('data-lake');
    expect(config).toMatch(/prod: \{(?![^}]*rawZoneExpirationDays)[^}]*\}/);
    expect(config).toMatch(/staging: \{[^}]*rawZoneExpirationDays: 365,/);
    expect(stack).toContain('Duration.days(config.rawZoneExpirationDays)');
    // The lowering's limit in bytes (100 GiB), as both templates print it.
    expect(config).toMatch(/prod: \{[^}]*analyticsWorkgroupBytesScannedCutoffBytes: 107374182400,/);
    expect(stack).toContain('bytesScannedCutoffPerQuery: config.analyticsWorkgroupBytesScannedCutoffBytes,');
  });

  it('takes EKS node types and CloudFront aliases and price class from config', () => {
    const eks = generated('eks-platform');
    expect(eks.config).toMatch(/prod: \{[^}]*platformClusterNodeInstanceType: 'm7g\.large',/);
    expect(eks.stack).toContain('new ec2.InstanceType(config.platformClusterNodeInstanceType)');
    const site = generated('static-site');
    expect(site.config).toContain('readonly websiteCDNAliases: string[];');
    expect(site.config).toMatch(/prod: \{[^}]*websiteCDNAliases: \['www\.example\.com'\],/);
    expect(site.config).toMatch(
      /prod: \{[^}]*websiteCDNPriceClass: cloudfront\.PriceClass\.PRICE_CLASS_ALL,/,
    );
    expect(site.stack).toContain('domainNames: config.websiteCDNAliases,');
    expect(site.stack).toContain('priceClass: config.websiteCDNPriceClass,');
  });

  it('runs a rule on its pattern and bus where config has no schedule, on the schedule elsewhere', () => {
    const { config, stack } = generatedFrom(
      design('Schedule per env')
        .environments('dev', 'prod')
        .node('eventbridge-bus', { id: 'bus', name: 'Bus' })
        .node('eventbridge-rule', { id: 'rule', name: 'Rule' })
        .node('sqs', { id: 'queue', name: 'Queue' })
        .connect('bus', 'rule', 'route')
        .connect('rule', 'queue', 'route')
        .override('prod', 'rule', { schedule: 'rate(1 hour)' })
        .build(),
    );
    expect(config).toContain('readonly ruleSchedule?: string;');
    expect(config).toMatch(/dev: \{(?![^}]*ruleSchedule)[^}]*\}/);
    expect(config).toMatch(/prod: \{[^}]*ruleSchedule: 'rate\(1 hour\)',/);
    const squashed = stack.replace(/\s+/g, ' ');
    expect(squashed).toContain('eventBus: config.ruleSchedule !== undefined ? undefined : bus,');
    expect(squashed).toContain(
      "eventPattern: config.ruleSchedule !== undefined ? undefined : { source: ['app.orders'], },",
    );
    expect(squashed).toContain(
      'schedule: config.ruleSchedule !== undefined ? events.Schedule.expression(config.ruleSchedule) : undefined,',
    );
  });

  it('gives a rule scheduled everywhere each environment its own schedule', () => {
    const { config, stack } = generatedFrom(
      design('Schedules per env')
        .environments('dev', 'prod')
        .node('eventbridge-rule', {
          id: 'nightly',
          name: 'Nightly',
          properties: { eventPattern: '', schedule: 'cron(0 2 * * ? *)' },
        })
        .node('lambda', { id: 'job', name: 'Job' })
        .connect('nightly', 'job', 'route')
        .override('prod', 'nightly', { schedule: 'rate(15 minutes)' })
        .build(),
    );
    expect(config).toMatch(/dev: \{[^}]*nightlySchedule: 'cron\(0 2 \* \* \? \*\)',/);
    expect(config).toMatch(/prod: \{[^}]*nightlySchedule: 'rate\(15 minutes\)',/);
    expect(stack).toContain('schedule: events.Schedule.expression(config.nightlySchedule),');
    expect(stack).not.toContain('eventPattern');
  });

  it('reaches a load balancer origin over HTTPS only where config says it has a certificate', () => {
    const { config, stack } = generatedFrom(
      design('Origin protocol per env')
        .environments('dev', 'prod')
        .vpc()
        .node('alb', { id: 'alb', name: 'ALB' })
        .node('ecs-fargate', { id: 'app', name: 'App' })
        .node('cloudfront', { id: 'cdn', name: 'CDN' })
        .connect('alb', 'app', 'traffic')
        .connect('cdn', 'alb', 'route')
        .override('prod', 'alb', { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/prod' })
        .build(),
    );
    expect(config).toMatch(
      /dev: \{[^}]*aLBOriginProtocolPolicy: cloudfront\.OriginProtocolPolicy\.HTTP_ONLY,/,
    );
    expect(config).toMatch(
      /prod: \{[^}]*aLBOriginProtocolPolicy: cloudfront\.OriginProtocolPolicy\.HTTPS_ONLY,/,
    );
    expect(stack).toContain('protocolPolicy: config.aLBOriginProtocolPolicy,');
  });

  it('refuses, by name, a value one stack class cannot vary (instead of using one environment’s)', () => {
    const graph = lowerDesign(examples.get('three-tier-web-app')!);
    const db = graph.components.find((c) => c.type === 'aurora');
    expect(db).toBeDefined();
    const varied: ResolvedGraph = {
      ...graph,
      components: graph.components.map((c) =>
        c === db
          ? {
              ...c,
              props: {
                ...c.props,
                engine: {
                  byEnv: { dev: 'aurora-mysql', staging: 'aurora-postgresql', prod: 'aurora-postgresql' },
                  varies: true,
                },
              },
            }
          : c,
      ),
    };
    expect(() => generateCdk(varied)).toThrow(/"engine" differs between environments \(dev: "aurora-mysql"/);
  });

  it('scales Fargate only where the environment scales, with the policy it chose', () => {
    const { config, stack } = generatedFrom(
      design('Scaling per env')
        .environments('dev', 'prod')
        .vpc()
        .node('ecs-fargate', { id: 'svc', name: 'Svc', properties: { scaling: 'step' } })
        .node('ecs-fargate', { id: 'worker', name: 'Worker', properties: { scaling: 'scheduled' } })
        .override('dev', 'svc', { scaling: 'none' })
        .override('dev', 'worker', { scaling: 'target-tracking' })
        .build(),
    );
    expect(configOf(config, 'dev')).toMatch(/svcAutoScaling: false,/);
    expect(configOf(config, 'prod')).toMatch(/svcAutoScaling: true,/);
    // Step scaling is all prod does: no flag of its own inside the scaled block.
    expect(stack).toMatch(
      /if \(config\.svcAutoScaling\) \{\n\s+const svcScaling = svc\.autoScaleTaskCount\([^]*?\n\s+svcScaling\.scaleOnMetric\('CpuScaleOut'/,
    );
    // The lowering's policies (task-scaling.ts): out at the target CPU, in at half of it.
    const code = stack.replace(/\s+/g, ' ');
    expect(code).toContain(
      "scaleOnMetric('CpuScaleOut', { metric: svc.metricCpuUtilization({ period: Duration.seconds(60), statistic: 'Average', }), scalingSteps: [ { upper: 60, change: 0, }, { lower: 60, change: 1, }, { lower: 80, change: 3, }, ],",
    );
    expect(code).toContain(
      "scaleOnMetric('CpuScaleIn', { metric: svc.metricCpuUtilization({ period: Duration.seconds(60), statistic: 'Average', }), scalingSteps: [ { upper: 30, change: -1, }, { lower: 30, change: 0, }, ],",
    );
    expect(code).toContain('cooldown: Duration.seconds(300), evaluationPeriods: 15, }');
    expect(code).toContain(
      "scaleOnSchedule('off-hours', { schedule: appscaling.Schedule.expression('cron(0 19 ? * MON-FRI *)'), minCapacity: 2, maxCapacity: 2, }",
    );
    expect(config).not.toMatch(/svcStepScaling/);
    // The worker scales everywhere: one scalable target, the policy per environment.
    expect(stack).toMatch(/\n {4}const workerScaling = worker\.autoScaleTaskCount\(/);
    expect(configOf(config, 'dev')).toMatch(/workerCpuTracking: true,[^]*workerScheduledScaling: false,/);
    expect(configOf(config, 'prod')).toMatch(/workerCpuTracking: false,[^]*workerScheduledScaling: true,/);
    expect(stack).toMatch(/if \(config\.workerCpuTracking\) \{\n\s+workerScaling\.scaleOnCpuUtilization\(/);
    expect(stack).toMatch(
      /if \(config\.workerScheduledScaling\) \{[^}]*\n\s+workerScaling\.scaleOnSchedule\(/,
    );
  });

  it('takes each environment’s MFA mode from config and acknowledges COG2 only where MFA is not required', () => {
    const { config, stack } = generatedFrom(
      design('MFA per env')
        .environments('dev', 'prod')
        .node('cognito-user-pool', { id: 'pool', name: 'Pool', properties: { mfa: 'required' } })
        .override('dev', 'pool', { mfa: 'off' })
        .build(),
    );
    expect(config).toContain('readonly poolMfa: cognito.Mfa;');
    expect(configOf(config, 'dev')).toMatch(/poolMfa: cognito\.Mfa\.OFF,/);
    expect(configOf(config, 'prod')).toMatch(/poolMfa: cognito\.Mfa\.REQUIRED,/);
    expect(stack).toContain('mfa: config.poolMfa,');
    // CDK turns no factor on where MFA is OFF, so authenticator apps are offered as a constant.
    expect(stack).toMatch(/mfaSecondFactor: \{\n\s+sms: false,\n\s+otp: true,/);
    expect(stack).toMatch(
      /if \(config\.poolMfa !== cognito\.Mfa\.REQUIRED\) \{\n\s+Validations\.of\(pool\)\.acknowledge\(\{\n\s+id: 'AwsSolutions-COG2',/,
    );
  });

  it('sets the Redis AUTH token only where the environment wants AUTH', () => {
    const { config, stack } = generatedFrom(
      design('AUTH per env')
        .environments('dev', 'prod')
        .vpc()
        .node('elasticache', { id: 'cache', name: 'Cache' })
        .override('dev', 'cache', { authToken: false })
        .build(),
    );
    expect(configOf(config, 'dev')).toMatch(/cacheAuthToken: false,/);
    expect(configOf(config, 'prod')).toMatch(/cacheAuthToken: true,/);
    expect(stack).toMatch(
      /authToken: config\.cacheAuthToken\s+\? \w+\.secretValue\.unsafeUnwrap\(\)\s+: undefined,/,
    );
  });
});
