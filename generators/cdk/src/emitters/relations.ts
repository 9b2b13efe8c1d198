/**
 * What connections imply, as decided by the lowering: grants (CDK grant methods first), event
 * source mappings, subscriptions, rule targets, load balancer targets, API integrations,
 * alarms and environment variables. Emitted after every construct exists.
 */
import type {
  GrantAccess,
  ResolvedBucketNotification,
  ResolvedAlarm,
  ResolvedComponent,
  ResolvedEventRetry,
  ResolvedEventSource,
  ResolvedGrant,
  ResolvedRoute,
  ResolvedRuleTarget,
  ResolvedSubscription,
} from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, comment, lit, member, newExpr, obj } from '../ts/ast.ts';
import { requireResolved, vpcOf } from './common.ts';
import { plainText } from '../naming.ts';

/** (target type, access) -> grant method on the target construct. */
const GRANT_METHODS: Record<string, Partial<Record<GrantAccess, string>>> = {
  s3: { read: 'grantRead', write: 'grantPut', 'read-write': 'grantReadWrite', query: 'grantRead' },
  dynamodb: {
    read: 'grantReadData',
    write: 'grantWriteData',
    'read-write': 'grantReadWriteData',
    consume: 'grantStreamRead',
    query: 'grantReadData',
  },
  'kinesis-stream': {
    read: 'grantRead',
    write: 'grantWrite',
    'read-write': 'grantReadWrite',
    publish: 'grantWrite',
    consume: 'grantRead',
  },
  sqs: {
    publish: 'grantSendMessages',
    write: 'grantSendMessages',
    consume: 'grantConsumeMessages',
    read: 'grantConsumeMessages',
  },
  sns: { publish: 'grantPublish', write: 'grantPublish' },
  'eventbridge-bus': { publish: 'grantPutEventsTo', write: 'grantPutEventsTo' },
  lambda: { invoke: 'grantInvoke' },
  'step-functions': { 'start-execution': 'grantStartExecution', invoke: 'grantStartExecution' },
  secret: { read: 'grantRead', 'read-secret': 'grantRead' },
  'log-group': { write: 'grantWrite', 'write-logs': 'grantWrite' },
  'cognito-user-pool': {},
};

export function grantMethod(targetType: string, access: GrantAccess): string | undefined {
  return GRANT_METHODS[targetType]?.[access];
}

/**
 * A grant through the target's CDK grant method, to the role the lowering names. Returns false
 * when no grant method fits: the role's own statements (printed from the lowering) cover it.
 */
export function emitGrant(ctx: StackContext, grant: ResolvedGrant): boolean {
  const target = ctx.component(grant.targetId);
  const method = grantMethod(target.type, grant.access);
  const principal =
    (grant.roleId ? ctx.roles.get(grant.roleId) : undefined) ?? ctx.handles.get(grant.granteeId)?.grantee;
  // A grant method names the target construct; where the lowering broke a cycle by name, the
  // role's own statements (printed by name) cover the grant instead.
  const byName = grant.statements.some((s) => s.resources.some((r) => r.byName));
  // secret.grantRead on a secret under a key of its own (an MSK SCRAM secret) also writes the
  // reader into the key's policy, where the other targets have only the reader's kms:Decrypt
  // (the lowering's own grant on the key), and a reader in another stack would make a cycle.
  const ownKey = target.type === 'secret' && target.encryption?.keyId !== undefined;
  if (!method || !principal || byName || ownKey) return false;
  ctx.expr(call(member(ctx.handle(grant.targetId).construct, method), principal));
  return true;
}

/**
 * A bucket's events forwarded through EventBridge, as every target delivers them: the bucket has
 * EventBridge notifications on (s3.ts) and this rule sends its object events to one target.
 */
export function emitBucketNotification(ctx: StackContext, notification: ResolvedBucketNotification): void {
  const bucket = ctx.component(notification.bucketId);
  ctx.expr(
    newExpr(
      ctx.api('events', 'Rule'),
      ctx.scope,
      lit(notification.rule.logicalId),
      obj({
        description: lit(`Object events of ${plainText(bucket.names.display)}`.slice(0, 512)),
        eventPattern: obj({
          source: arr([lit('aws.s3')]),
          detailType: arr(notification.detailTypes.map((t) => lit(t))),
          detail: obj({
            bucket: obj({ name: arr([member(ctx.handle(bucket.id).construct, 'bucketName')]) }),
          }),
        }),
        targets: arr([
          eventTarget(ctx, notification.targetKind, notification.targetId, {
            retry: notification.retry,
            messageGroupId: notification.messageGroupId,
          }),
        ]),
      }),
    ),
  );
}

/** `new targets.X(target, { retryAttempts, maxEventAge, ... })` with the lowering's retry policy. */
function eventTarget(
  ctx: StackContext,
  kind: ResolvedRuleTarget['targetKind'],
  targetId: string,
  options: { retry: ResolvedEventRetry; messageGroupId: string; deadLetterQueue?: Expr; role?: Expr },
): Expr {
  const target = ctx.component(targetId);
  const fifoQueue = target.type === 'sqs' && ctx.has(target, 'fifo') && ctx.bool(target, 'fifo');
  const age = options.retry.maximumEventAgeSeconds;
  return newExpr(
    ctx.api('targets', TARGET_CLASS[kind]),
    ctx.handle(targetId).construct,
    obj({
      deadLetterQueue: options.deadLetterQueue,
      retryAttempts: lit(options.retry.maximumRetryAttempts),
      maxEventAge:
        age % 3600 === 0 ? ctx.duration('hours', lit(age / 3600)) : ctx.duration('seconds', lit(age)),
      messageGroupId: fifoQueue ? lit(options.messageGroupId) : undefined,
      role: options.role,
    }),
  );
}

export function emitEventSource(ctx: StackContext, source: ResolvedEventSource): void {
  const fn = ctx.handle(source.functionId).construct;
  const from = ctx.handle(source.sourceId).construct;
  const sourceComponent = ctx.component(source.sourceId);
  const fifo = sourceComponent.type === 'sqs' && ctx.bool(sourceComponent, 'fifo');
  const startingPosition = ctx.api('lambda', `StartingPosition.${source.startingPosition ?? 'LATEST'}`);
  const window =
    source.maxBatchingWindowSeconds > 0 && !fifo
      ? ctx.duration('seconds', lit(source.maxBatchingWindowSeconds))
      : undefined;
  if (source.sourceKind === 'msk') {
    // An L1 mapping: ManagedKafkaEventSource attaches AWSLambdaMSKExecutionRole to the role,
    // while the lowering already granted the function exactly what its poller needs.
    const fnComponent = ctx.component(source.functionId);
    const mapping = ctx.declare(
      `${ctx.variableName(fnComponent)}From${sourceComponent.names.logicalId}`,
      newExpr(
        ctx.api('lambda', 'CfnEventSourceMapping'),
        ctx.scope,
        lit(`${fnComponent.names.logicalId}From${sourceComponent.names.logicalId}`),
        obj({
          functionName: member(fn, 'functionName'),
          eventSourceArn: ctx.handle(source.sourceId).attributes.arn!,
          topics: arr([lit(source.topic ?? '')]),
          startingPosition: lit(source.startingPosition ?? 'LATEST'),
          batchSize: lit(source.batchSize),
          maximumBatchingWindowInSeconds: lit(source.maxBatchingWindowSeconds),
          sourceAccessConfigurations: source.sourceAccess
            ? arr([
                obj({
                  type: lit(source.sourceAccess.type),
                  uri: ctx.handle(source.sourceAccess.secretId).attributes.arn!,
                }),
              ])
            : undefined,
        }),
      ),
    );
    // Lambda checks the role's permissions when the mapping is created.
    const role = ctx.roles.get(`${source.functionId}.role`);
    if (role) ctx.expr(call(member(member(mapping, 'node'), 'addDependency'), role));
    return;
  }
  let eventSource: Expr;
  switch (source.sourceKind) {
    case 'sqs':
      eventSource = newExpr(
        ctx.api('eventSources', 'SqsEventSource'),
        from,
        obj({
          batchSize: lit(source.batchSize),
          maxBatchingWindow: window,
          reportBatchItemFailures: lit(true),
        }),
      );
      break;
    case 'dynamodb-stream':
      eventSource = newExpr(
        ctx.api('eventSources', 'DynamoEventSource'),
        from,
        obj({
          startingPosition,
          batchSize: lit(source.batchSize),
          maxBatchingWindow: window,
          bisectBatchOnError: lit(true),
          retryAttempts: lit(3),
        }),
      );
      break;
    case 'kinesis':
      eventSource = newExpr(
        ctx.api('eventSources', 'KinesisEventSource'),
        from,
        obj({
          startingPosition,
          batchSize: lit(source.batchSize),
          maxBatchingWindow: window,
          bisectBatchOnError: lit(true),
          retryAttempts: lit(3),
        }),
      );
      break;
  }
  ctx.expr(call(member(fn, 'addEventSource'), eventSource));
}

export function emitSubscription(ctx: StackContext, subscription: ResolvedSubscription): void {
  const topic = ctx.handle(subscription.topicId).construct;
  const subscriber = ctx.handle(subscription.subscriberId).construct;
  const deadLetterQueue = subscription.deadLetterQueueId
    ? ctx.handle(subscription.deadLetterQueueId).construct
    : undefined;
  const kind = subscription.protocol === 'sqs' ? 'SqsSubscription' : 'LambdaSubscription';
  ctx.expr(
    call(
      member(topic, 'addSubscription'),
      newExpr(
        ctx.api('subs', kind),
        subscriber,
        obj({ deadLetterQueue, rawMessageDelivery: subscription.protocol === 'sqs' ? lit(true) : undefined }),
      ),
    ),
  );
}

const TARGET_CLASS: Record<ResolvedRuleTarget['targetKind'], string> = {
  lambda: 'LambdaFunction',
  sqs: 'SqsQueue',
  sns: 'SnsTopic',
  'step-functions': 'SfnStateMachine',
};

export function emitRuleTarget(ctx: StackContext, target: ResolvedRuleTarget): void {
  const role = target.roleId ? ctx.roles.get(target.roleId) : undefined;
  ctx.expr(
    call(
      member(ctx.handle(target.ruleId).construct, 'addTarget'),
      eventTarget(ctx, target.targetKind, target.targetId, {
        retry: target.retry,
        messageGroupId: target.messageGroupId,
        deadLetterQueue: target.deadLetterQueueId
          ? ctx.handle(target.deadLetterQueueId).construct
          : undefined,
        role: target.targetKind === 'step-functions' ? role : undefined,
      }),
    ),
  );
}

/** Protocol, health check and deregistration delay of an instance or IP target group (lowering). */
function targetGroupSettings(
  ctx: StackContext,
  route: ResolvedRoute,
  target: ResolvedComponent,
): Record<string, Expr> {
  const settings = requireResolved(route.targetSettings, target, 'target group settings');
  return {
    protocol: ctx.api('elbv2', `ApplicationProtocol.${settings.protocol}`),
    healthCheck: obj({
      path: lit(settings.healthCheck.path),
      healthyHttpCodes: lit(settings.healthCheck.matcher),
      interval: ctx.duration('seconds', lit(settings.healthCheck.intervalSeconds)),
      healthyThresholdCount: lit(settings.healthCheck.healthyThreshold),
      unhealthyThresholdCount: lit(settings.healthCheck.unhealthyThreshold),
    }),
    deregistrationDelay: ctx.duration('seconds', lit(settings.deregistrationDelaySeconds)),
  };
}

export function emitRoute(ctx: StackContext, route: ResolvedRoute, priority: number): void {
  const frontDoor = ctx.component(route.frontDoorId);
  const target = ctx.component(route.targetId);
  if (route.kind === 'alb-target') {
    const listener = ctx.handle(route.frontDoorId).extras?.listener;
    if (!listener) throw new Error(`ALB "${route.frontDoorId}" has no listener`);
    const conditions = arr([
      call(ctx.api('elbv2', 'ListenerCondition.pathPatterns'), arr([lit(route.pathPattern ?? '/*')])),
    ]);
    if (target.type === 'eks') {
      // Pods register themselves: the AWS Load Balancer Controller binds this IP target group
      // (TargetGroupBinding), so it starts empty.
      const targetGroup = newExpr(
        ctx.api('elbv2', 'ApplicationTargetGroup'),
        ctx.scope,
        lit(`${target.names.logicalId}TargetGroup`),
        obj({
          vpc: vpcOf(ctx, target),
          port: lit(requireResolved(route.port, target, 'target port')),
          targetType: ctx.api('elbv2', 'TargetType.IP'),
          ...targetGroupSettings(ctx, route, target),
        }),
      );
      ctx.expr(
        call(
          member(listener, 'addTargetGroups'),
          lit(`${target.names.logicalId}Targets`),
          obj({ priority: lit(priority), conditions, targetGroups: arr([targetGroup]) }),
        ),
      );
      return;
    }
    const targetExpr =
      target.type === 'lambda'
        ? newExpr(ctx.api('elbv2Targets', 'LambdaTarget'), ctx.handle(target.id).construct)
        : ctx.handle(target.id).construct;
    ctx.expr(
      call(
        member(listener, 'addTargets'),
        lit(`${target.names.logicalId}Target`),
        obj({
          priority: lit(priority),
          conditions,
          port:
            target.type === 'lambda' ? undefined : lit(requireResolved(route.port, target, 'target port')),
          targets: arr([targetExpr]),
          ...(target.type === 'lambda' ? {} : targetGroupSettings(ctx, route, target)),
        }),
      ),
    );
    return;
  }
  if (route.kind === 'api-integration' && frontDoor.type === 'api-gateway' && target.type === 'lambda') {
    const api = ctx.handle(frontDoor.id);
    const fn = ctx.handle(target.id).construct;
    if (ctx.str(frontDoor, 'apiType') === 'rest') {
      const resource =
        route.pathPattern && route.pathPattern !== '/'
          ? call(
              member(member(api.construct, 'root'), 'resourceForPath'),
              lit(route.pathPattern.replace(/\*+$/, '{proxy+}')),
            )
          : member(api.construct, 'root');
      ctx.expr(
        call(
          member(resource, 'addMethod'),
          lit('ANY'),
          newExpr(ctx.api('apigw', 'LambdaIntegration'), fn),
          api.extras?.methodOptions ?? obj({}),
        ),
      );
      return;
    }
    ctx.expr(
      call(
        member(api.construct, 'addRoutes'),
        obj({
          path: lit(
            route.pathPattern && route.pathPattern !== '/*'
              ? route.pathPattern.replace(/\/\*+$/, '/{proxy+}')
              : '/{proxy+}',
          ),
          methods: arr([ctx.api('apigwv2', 'HttpMethod.ANY')]),
          integration: newExpr(
            ctx.api('apigwv2Integrations', 'HttpLambdaIntegration'),
            lit(`${target.names.logicalId}Integration`),
            fn,
          ),
          authorizer: api.extras?.authorizer,
        }),
      ),
    );
    return;
  }
  // CloudFront origins and bus -> rule routes are part of those constructs' props.
}

const COMPARISON: Record<ResolvedAlarm['comparison'], string> = {
  GreaterThanThreshold: 'GREATER_THAN_THRESHOLD',
  GreaterThanOrEqualToThreshold: 'GREATER_THAN_OR_EQUAL_TO_THRESHOLD',
  LessThanThreshold: 'LESS_THAN_THRESHOLD',
};

export function emitAlarm(ctx: StackContext, alarm: ResolvedAlarm): void {
  const variable = ctx.declare(
    alarm.names.logicalId.charAt(0).toLowerCase() + alarm.names.logicalId.slice(1),
    newExpr(
      ctx.api('cloudwatch', 'Alarm'),
      ctx.scope,
      lit(alarm.names.logicalId),
      obj({
        alarmDescription: lit(plainText(alarm.description, 1024)),
        metric: newExpr(
          ctx.api('cloudwatch', 'Metric'),
          obj({
            namespace: lit(alarm.namespace),
            metricName: lit(alarm.metricName),
            dimensionsMap: obj([
              [alarm.dimension.name, ctx.resolveRef(alarm.dimension.ref)],
              ...(alarm.extraDimensions ?? []).map((d): [string, Expr] => [
                d.name,
                'literal' in d.value ? lit(plainText(d.value.literal)) : ctx.resolveRef(d.value),
              ]),
            ]),
            statistic: lit(alarm.statistic),
            period: ctx.duration('seconds', lit(alarm.periodSeconds)),
          }),
        ),
        threshold: lit(alarm.threshold),
        evaluationPeriods: lit(alarm.evaluationPeriods),
        comparisonOperator: ctx.api('cloudwatch', `ComparisonOperator.${COMPARISON[alarm.comparison]}`),
        treatMissingData: ctx.api('cloudwatch', 'TreatMissingData.NOT_BREACHING'),
      }),
    ),
    'Alarm',
  );
  ctx.expr(
    call(
      member(variable, 'addAlarmAction'),
      newExpr(ctx.api('cwActions', 'SnsAction'), ctx.handle(alarm.topicId).construct),
    ),
  );
}

export function emitEnvironment(ctx: StackContext, componentId: string): void {
  const component = ctx.component(componentId);
  if (component.environment.length === 0) return;
  const target = ctx.handle(componentId).environmentTarget;
  if (!target) {
    ctx.add(
      comment(
        `${component.names.logicalId} (${component.type}) takes no environment variables; skipped: ${component.environment.map((e) => e.name).join(', ')}`,
      ),
    );
    return;
  }
  for (const variable of component.environment) {
    // Every attribute a handle exposes is a string (ports included), as addEnvironment expects.
    const value =
      'literal' in variable.value ? lit(plainText(variable.value.literal)) : ctx.resolveRef(variable.value);
    ctx.expr(call(member(target, 'addEnvironment'), lit(variable.name), value));
  }
}
