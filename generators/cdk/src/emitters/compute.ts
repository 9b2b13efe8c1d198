/** Lambda functions, ECS Fargate services, EC2 Auto Scaling groups and Step Functions. */
import type { ResolvedComponent, ResolvedGraph, ResolvedRole } from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, comment, lit, member, newExpr, obj, thisExpr } from '../ts/ast.ts';
import { acknowledgeDesignRisks, kmsKey, logGroupFor, securityGroupOf, subnetSelection, vpcOf } from './common.ts';
import { plainText } from '../naming.ts';

export function roleOf(ctx: StackContext, component: ResolvedComponent, purpose: ResolvedRole['purpose']): Expr | undefined {
  const role = ctx.graph.roles.find((r) => r.componentId === component.id && r.purpose === purpose);
  return role ? ctx.roles.get(role.id) : undefined;
}

const RUNTIMES: Record<string, { constant: string; family: 'node' | 'python' | 'java'; deprecated?: boolean }> = {
  'nodejs22.x': { constant: 'NODEJS_22_X', family: 'node' },
  'nodejs20.x': { constant: 'NODEJS_20_X', family: 'node' },
  'nodejs16.x': { constant: 'NODEJS_16_X', family: 'node', deprecated: true },
  'python3.13': { constant: 'PYTHON_3_13', family: 'python' },
  'python3.12': { constant: 'PYTHON_3_12', family: 'python' },
  'python3.8': { constant: 'PYTHON_3_8', family: 'python', deprecated: true },
  'java21': { constant: 'JAVA_21', family: 'java' },
};

const PLACEHOLDER_CODE = {
  node: 'exports.handler = async (event) => {\n  console.log(JSON.stringify({ message: "event received", event }));\n  return { statusCode: 200, body: "ok" };\n};\n',
  python: 'import json\n\ndef handler(event, context):\n    print(json.dumps({"message": "event received", "event": event}))\n    return {"statusCode": 200, "body": "ok"}\n',
};

function lambdaCode(ctx: StackContext, component: ResolvedComponent, family: 'node' | 'python' | 'java'): Expr {
  if (family === 'java') {
    ctx.add(comment('Java has no inline code: upload the build to this artifacts bucket (placeholder key) before deploying.'));
    return call(
      ctx.api('lambda', 'Code.fromBucketV2'),
      call(ctx.api('s3', 'Bucket.fromBucketName'), thisExpr, lit(`${component.names.logicalId}Artifacts`), lit(`${ctx.graph.design.slug}-artifacts`.slice(0, 63))),
      lit(`${component.names.slug}.jar`),
    );
  }
  return call(ctx.api('lambda', 'Code.fromInline'), lit(PLACEHOLDER_CODE[family]));
}

export const lambdaEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const runtimeName = ctx.str(component, 'runtime');
    const runtime = RUNTIMES[runtimeName] ?? RUNTIMES['nodejs22.x']!;
    ctx.section(`${component.names.logicalId}: Lambda function (${runtimeName}).`);
    const logGroup = logGroupFor(ctx, component);
    const role = roleOf(ctx, component, 'function');
    const vpcAttached = component.placement !== null;
    const sg = securityGroupOf(ctx, component);
    const reserved = ctx.values(component, 'reservedConcurrency').some((v) => typeof v === 'number' && v >= 0);
    const dlq = component.deadLetterQueueId ? ctx.handle(component.deadLetterQueueId).construct : undefined;
    ctx.add(comment('Placeholder handler so `cdk synth` needs no asset build: replace with lambda.Code.fromAsset(<build dir>).'));
    const code = lambdaCode(ctx, component, runtime.family);
    const fn = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('lambda', 'Function'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          description: lit(plainText(component.names.display, 256)),
          runtime: ctx.choose(component, 'runtime', (v) => ctx.api('lambda', `Runtime.${(RUNTIMES[String(v)] ?? runtime).constant}`)),
          architecture: ctx.choose(component, 'architecture', (v) => ctx.api('lambda', v === 'x86_64' ? 'Architecture.X86_64' : 'Architecture.ARM_64')),
          // Inline code is always the file "index"; the design's handler applies once real code is deployed.
          handler: runtime.family === 'java' ? ctx.value(component, 'handler') : lit('index.handler'),
          code,
          memorySize: ctx.value(component, 'memorySize'),
          timeout: ctx.duration('seconds', ctx.value(component, 'timeoutSeconds')),
          reservedConcurrentExecutions: reserved
            ? ctx.choose(component, 'reservedConcurrency', (v) => (typeof v === 'number' && v >= 0 ? lit(v) : lit(undefined)))
            : undefined,
          tracing: ctx.choose(component, 'tracing', (v) => ctx.api('lambda', v === true ? 'Tracing.ACTIVE' : 'Tracing.DISABLED')),
          loggingFormat: ctx.choose(component, 'structuredLogging', (v) => ctx.api('lambda', v === false ? 'LoggingFormat.TEXT' : 'LoggingFormat.JSON')),
          logGroup,
          role,
          vpc: vpcAttached ? vpcOf(ctx, component) : undefined,
          vpcSubnets: vpcAttached ? subnetSelection(component) : undefined,
          securityGroups: vpcAttached && sg ? arr([sg]) : undefined,
          allowAllOutbound: vpcAttached && !sg ? lit(false) : undefined,
          deadLetterQueue: dlq,
        }),
      ),
    );
    if (!runtime.deprecated)
      ctx.acknowledge(fn, 'AwsSolutions-L1', `Runtime ${runtimeName} is pinned in the design (a supported, non-deprecated runtime; archgen LAM-03).`);
    acknowledgeDesignRisks(ctx, component, fn);
    ctx.register(component.id, {
      construct: fn,
      attributes: { arn: member(fn, 'functionArn'), name: member(fn, 'functionName') },
      grantee: fn,
      environmentTarget: fn,
    });
  },
};

const FARGATE_CPU_VALUES = new Set(['256', '512', '1024', '2048', '4096', '8192', '16384']);

export const ecsFargateEmitter: ComponentEmitter = {
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: ECS Fargate service.`);
    const vpc = vpcOf(ctx, component);
    const spot = ctx.bool(component, 'spot');
    const cluster = ctx.declare(
      `${name}Cluster`,
      newExpr(
        ctx.api('ecs', 'Cluster'),
        thisExpr,
        lit(`${component.names.logicalId}Cluster`),
        obj({
          vpc,
          containerInsightsV2: ctx.choose(component, 'containerInsights', (v) =>
            ctx.api('ecs', v === false ? 'ContainerInsights.DISABLED' : 'ContainerInsights.ENABLED'),
          ),
          enableFargateCapacityProviders: spot ? lit(true) : undefined,
        }),
      ),
    );
    const cpu = ctx.choose(component, 'cpu', (v) => lit(FARGATE_CPU_VALUES.has(String(v)) ? Number(v) : 256));
    const taskDefinition = ctx.declare(
      `${name}TaskDefinition`,
      newExpr(
        ctx.api('ecs', 'FargateTaskDefinition'),
        thisExpr,
        lit(`${component.names.logicalId}TaskDefinition`),
        obj({
          cpu,
          memoryLimitMiB: ctx.value(component, 'memoryMiB'),
          taskRole: roleOf(ctx, component, 'task'),
          executionRole: roleOf(ctx, component, 'task-execution'),
          runtimePlatform: obj({
            cpuArchitecture: ctx.api('ecs', 'CpuArchitecture.X86_64'),
            operatingSystemFamily: ctx.api('ecs', 'OperatingSystemFamily.LINUX'),
          }),
        }),
      ),
    );
    const logGroup = logGroupFor(ctx, component);
    const container = ctx.declare(
      `${name}Container`,
      call(
        member(taskDefinition, 'addContainer'),
        lit('app'),
        obj({
          image: call(ctx.api('ecs', 'ContainerImage.fromRegistry'), ctx.value(component, 'image')),
          portMappings: arr([obj({ containerPort: ctx.value(component, 'containerPort') })]),
          readonlyRootFilesystem: ctx.value(component, 'readonlyRootFilesystem'),
          logging: call(ctx.api('ecs', 'LogDrivers.awsLogs'), obj({ streamPrefix: lit(component.names.slug || 'app'), logGroup })),
        }),
      ),
    );
    const sg = securityGroupOf(ctx, component);
    const service = ctx.declare(
      name,
      newExpr(
        ctx.api('ecs', 'FargateService'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          cluster,
          taskDefinition,
          desiredCount: ctx.value(component, 'desiredCount'),
          vpcSubnets: subnetSelection(component),
          securityGroups: sg ? arr([sg]) : undefined,
          assignPublicIp: lit(false),
          circuitBreaker: ctx.choose(component, 'circuitBreaker', (v) => (v === false ? lit(undefined) : obj({ enable: lit(true), rollback: lit(true) }))),
          minHealthyPercent: lit(100),
          capacityProviderStrategies: spot
            ? arr([
                obj({ capacityProvider: lit('FARGATE_SPOT'), weight: lit(1) }),
                obj({ capacityProvider: lit('FARGATE'), base: lit(1), weight: lit(0) }),
              ])
            : undefined,
        }),
      ),
    );
    const scalingMode = ctx.str(component, 'scaling');
    if (scalingMode !== 'none') {
      const scaling = ctx.declare(
        `${name}Scaling`,
        call(member(service, 'autoScaleTaskCount'), obj({ minCapacity: ctx.value(component, 'minCount'), maxCapacity: ctx.value(component, 'maxCount') })),
      );
      if (scalingMode === 'target-tracking')
        ctx.expr(call(member(scaling, 'scaleOnCpuUtilization'), lit('CpuScaling'), obj({ targetUtilizationPercent: ctx.value(component, 'targetCpuPercent') })));
      else if (scalingMode === 'step')
        ctx.expr(
          call(
            member(scaling, 'scaleOnMetric'),
            lit('CpuStepScaling'),
            obj({
              metric: call(member(service, 'metricCpuUtilization')),
              adjustmentType: ctx.api('appscaling', 'AdjustmentType.CHANGE_IN_CAPACITY'),
              scalingSteps: arr([
                obj({ upper: lit(20), change: lit(-1) }),
                obj({ lower: ctx.value(component, 'targetCpuPercent'), change: lit(1) }),
                obj({ lower: lit(90), change: lit(3) }),
              ]),
            }),
          ),
        );
      else if (scalingMode === 'scheduled') {
        ctx.add(comment('Business hours (UTC): full capacity from 07:00, minimum from 19:00.'));
        ctx.expr(call(member(scaling, 'scaleOnSchedule'), lit('ScaleUpMornings'), obj({ schedule: call(ctx.api('appscaling', 'Schedule.cron'), obj({ hour: lit('7'), minute: lit('0') })), minCapacity: ctx.value(component, 'maxCount') })));
        ctx.expr(call(member(scaling, 'scaleOnSchedule'), lit('ScaleDownEvenings'), obj({ schedule: call(ctx.api('appscaling', 'Schedule.cron'), obj({ hour: lit('19'), minute: lit('0') })), minCapacity: ctx.value(component, 'minCount') })));
      }
    }
    if (component.environment.length > 0)
      ctx.acknowledge(
        taskDefinition,
        'AwsSolutions-ECS2',
        'Environment variables hold only resource names and endpoints from connections; credentials go through secrets.',
      );
    acknowledgeDesignRisks(ctx, component, service);
    ctx.register(component.id, {
      construct: service,
      attributes: { name: member(service, 'serviceName'), arn: member(service, 'serviceArn'), clusterName: member(cluster, 'clusterName') },
      grantee: member(taskDefinition, 'taskRole'),
      environmentTarget: container,
      extras: { taskDefinition, container },
    });
  },
};

const GRAVITON = /^[a-z]+\d+g[a-z]*\./;

/** The stack's alarm topic (from the lowering's alarms), which also receives scaling notifications. */
function notificationTopicId(graph: ResolvedGraph): string | undefined {
  return graph.alarms[0]?.topicId;
}

export const ec2AsgEmitter: ComponentEmitter = {
  dependencies: (_component, graph) => {
    const topic = notificationTopicId(graph);
    return topic ? [topic] : [];
  },
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: EC2 Auto Scaling group.`);
    const instanceType = ctx.str(component, 'instanceType');
    const arm = GRAVITON.test(instanceType);
    const sg = securityGroupOf(ctx, component);
    const role = roleOf(ctx, component, 'instance');
    const launchTemplate = ctx.declare(
      `${name}LaunchTemplate`,
      newExpr(
        ctx.api('ec2', 'LaunchTemplate'),
        thisExpr,
        lit(`${component.names.logicalId}LaunchTemplate`),
        obj({
          instanceType: newExpr(ctx.api('ec2', 'InstanceType'), lit(instanceType)),
          machineImage: call(
            ctx.api('ec2', 'MachineImage.latestAmazonLinux2023'),
            obj({ cpuType: ctx.api('ec2', arm ? 'AmazonLinuxCpuType.ARM_64' : 'AmazonLinuxCpuType.X86_64') }),
          ),
          securityGroup: sg,
          role,
          requireImdsv2: lit(true),
          detailedMonitoring: lit(true),
          blockDevices: arr([
            obj({ deviceName: lit('/dev/xvda'), volume: call(ctx.api('ec2', 'BlockDeviceVolume.ebs'), lit(20), obj({ encrypted: lit(true), volumeType: ctx.api('ec2', 'EbsDeviceVolumeType.GP3') })) }),
          ]),
        }),
      ),
    );
    const spot = ctx.bool(component, 'useSpot');
    const topicId = notificationTopicId(ctx.graph);
    const topic = topicId
      ? ctx.handle(topicId).construct
      : ctx.declare(
          `${name}Notifications`,
          newExpr(
            ctx.api('sns', 'Topic'),
            thisExpr,
            lit(`${component.names.logicalId}Notifications`),
            obj({ enforceSSL: lit(true), masterKey: kmsKey(ctx, component, 'Scaling notifications key') }),
          ),
        );
    const asg = ctx.declare(
      name,
      newExpr(
        ctx.api('autoscaling', 'AutoScalingGroup'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          vpc: vpcOf(ctx, component),
          vpcSubnets: subnetSelection(component),
          launchTemplate: spot ? undefined : launchTemplate,
          mixedInstancesPolicy: spot
            ? obj({
                launchTemplate,
                instancesDistribution: obj({
                  onDemandPercentageAboveBaseCapacity: lit(0),
                  spotAllocationStrategy: ctx.api('autoscaling', 'SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED'),
                }),
              })
            : undefined,
          minCapacity: ctx.value(component, 'minSize'),
          maxCapacity: ctx.value(component, 'maxSize'),
          notifications: arr([obj({ topic, scalingEvents: ctx.api('autoscaling', 'ScalingEvents.ALL') })]),
          healthChecks: call(ctx.api('autoscaling', 'HealthChecks.withAdditionalChecks'), obj({ additionalTypes: arr([ctx.api('autoscaling', 'AdditionalHealthCheckType.ELB')]), gracePeriod: ctx.duration('minutes', lit(5)) })),
        }),
      ),
    );
    if (spot)
      ctx.acknowledge(asg, 'AwsSolutions-EC26', 'The launch template encrypts every volume; cdk-nag cannot follow a mixed-instances policy to it.');
    acknowledgeDesignRisks(ctx, component, asg);
    ctx.register(component.id, {
      construct: asg,
      attributes: { name: member(asg, 'autoScalingGroupName'), arn: member(asg, 'autoScalingGroupArn') },
      grantee: asg,
    });
  },
};

function invokedFunctions(graph: ResolvedGraph, component: ResolvedComponent): string[] {
  return graph.grants
    .filter((g) => g.granteeId === component.id && g.access === 'invoke')
    .map((g) => g.targetId)
    .filter((id) => graph.components.some((c) => c.id === id && c.type === 'lambda'));
}

const SFN_LOG_LEVEL: Record<string, string> = { ALL: 'ALL', ERROR: 'ERROR', OFF: 'OFF' };

export const stepFunctionsEmitter: ComponentEmitter = {
  dependencies: (component, graph) => invokedFunctions(graph, component),
  emit(component, ctx) {
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: Step Functions state machine.`);
    const logGroup = logGroupFor(ctx, component);
    const maxAttempts = ctx.value(component, 'retryMaxAttempts');
    // A small starting workflow: a Pass state, then each connected function with retries.
    let chain: Expr = newExpr(ctx.api('sfn', 'Pass'), thisExpr, lit(`${component.names.logicalId}Start`));
    for (const fnId of invokedFunctions(ctx.graph, component)) {
      const target = ctx.component(fnId);
      const task = call(
        member(
          newExpr(
            ctx.api('tasks', 'LambdaInvoke'),
            thisExpr,
            lit(`${component.names.logicalId}Invoke${target.names.logicalId}`),
            obj({ lambdaFunction: ctx.handle(fnId).construct, outputPath: lit('$.Payload') }),
          ),
          'addRetry',
        ),
        obj({
          errors: arr([ctx.api('sfn', 'Errors.ALL')]),
          maxAttempts,
          backoffRate: lit(2),
          interval: ctx.duration('seconds', lit(2)),
        }),
      );
      chain = call(member(chain, 'next'), task);
    }
    const machine = ctx.declare(
      name,
      newExpr(
        ctx.api('sfn', 'StateMachine'),
        thisExpr,
        lit(component.names.logicalId),
        obj({
          definitionBody: call(ctx.api('sfn', 'DefinitionBody.fromChainable'), chain),
          stateMachineType: ctx.choose(component, 'workflowType', (v) => ctx.api('sfn', v === 'EXPRESS' ? 'StateMachineType.EXPRESS' : 'StateMachineType.STANDARD')),
          logs: obj({
            destination: logGroup,
            level: ctx.choose(component, 'logLevel', (v) => ctx.api('sfn', `LogLevel.${SFN_LOG_LEVEL[String(v)] ?? 'ALL'}`)),
            includeExecutionData: lit(true),
          }),
          tracingEnabled: ctx.value(component, 'tracing'),
          role: roleOf(ctx, component, 'state-machine'),
          timeout: ctx.duration('hours', lit(1)),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, machine);
    ctx.register(component.id, {
      construct: machine,
      attributes: { arn: member(machine, 'stateMachineArn'), name: member(machine, 'stateMachineName') },
      grantee: machine,
    });
  },
};
