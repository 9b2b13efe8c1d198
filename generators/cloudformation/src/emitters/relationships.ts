/**
 * Resources that belong to a connection rather than a component: event source mappings, SNS
 * subscriptions, Lambda permissions for the services that invoke a function, KMS keys that
 * other services must be allowed to use, and alarms. Also the names and facts one service's
 * emitter needs about another's resources (an ALB's target groups and listeners, a bucket's
 * notification rules, an EKS cluster's name, a database's managed secret): service emitters
 * import these, never each other.
 */
import type {
  ResolvedAlarm,
  ResolvedComponent,
  ResolvedEventSource,
  ResolvedRoute,
  ResolvedSubscription,
} from '@archgen/infra';
import type { EmitContext, Flag } from '../context.ts';
import { getAtt, ref, sub, type TemplateValue } from '../template/intrinsics.ts';
import { dependencyOn, stackUniqueName } from './common.ts';

/** Lets a service invoke a function, scoped to the calling resource (LAM-05). */
export function lambdaPermission(
  ctx: EmitContext,
  functionId: string,
  logicalId: string,
  principal: string,
  source: { arn: TemplateValue } | { account: true },
): string {
  return ctx.template.addResource(logicalId, {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(ctx.logicalId(functionId), 'Arn'),
      Principal: principal,
      SourceArn: 'arn' in source ? source.arn : undefined,
      SourceAccount: 'account' in source ? ref('AWS::AccountId') : undefined,
    },
  });
}

export function emitEventSource(source: ResolvedEventSource, ctx: EmitContext): void {
  const fn = ctx.logicalId(source.functionId);
  const from = ctx.logicalId(source.sourceId);
  const sourceArn =
    source.sourceKind === 'dynamodb-stream'
      ? ctx.attribute(source.sourceId, 'streamArn')
      : ctx.attribute(source.sourceId, 'arn');
  const isStream = source.sourceKind !== 'sqs';
  const role = ctx.roleOf(ctx.component(source.functionId), 'function');
  ctx.template.addResource(`${fn}From${from}`, {
    Type: 'AWS::Lambda::EventSourceMapping',
    // The function's role must be able to read the source before the mapping is created.
    DependsOn: role ? [role.names.logicalId] : undefined,
    Properties: {
      FunctionName: ref(fn),
      EventSourceArn: sourceArn,
      BatchSize: source.batchSize,
      MaximumBatchingWindowInSeconds: source.maxBatchingWindowSeconds,
      StartingPosition: isStream ? (source.startingPosition ?? 'LATEST') : undefined,
      // Kafka sources take a topic; partial batch responses and bisecting are for SQS and streams.
      Topics: source.sourceKind === 'msk' ? [source.topic ?? ''] : undefined,
      FunctionResponseTypes: source.sourceKind === 'msk' ? undefined : ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: isStream && source.sourceKind !== 'msk' ? true : undefined,
      SourceAccessConfigurations: source.sourceAccess
        ? [{ Type: source.sourceAccess.type, URI: ctx.attribute(source.sourceAccess.secretId, 'arn') }]
        : undefined,
    },
  });
}

export function emitSubscription(subscription: ResolvedSubscription, ctx: EmitContext): void {
  const topic = ctx.logicalId(subscription.topicId);
  const subscriber = ctx.logicalId(subscription.subscriberId);
  const logicalId = `${topic}To${subscriber}`;
  ctx.template.addResource(logicalId, {
    Type: 'AWS::SNS::Subscription',
    Properties: {
      TopicArn: ref(topic),
      Protocol: subscription.protocol,
      Endpoint: ctx.attribute(subscription.subscriberId, 'arn'),
      RawMessageDelivery: subscription.protocol === 'sqs' ? true : undefined,
      // Undeliverable messages go to a DLQ instead of being dropped (MSG-01).
      RedrivePolicy: subscription.deadLetterQueueId
        ? { deadLetterTargetArn: ctx.attribute(subscription.deadLetterQueueId, 'arn') }
        : undefined,
    },
  });
  if (subscription.protocol === 'lambda') {
    lambdaPermission(ctx, subscription.subscriberId, `${subscriber}InvokeFrom${topic}`, 'sns.amazonaws.com', {
      arn: ref(topic),
    });
  }
}

/** Who may use a customer managed key besides the account's administrators. */
export interface KeyUsers {
  /** AWS services that encrypt on the resource's behalf (alarms, EventBridge, CloudWatch Logs). */
  services?: TemplateValue[];
  /** Roles that use the key directly (an EKS cluster role). */
  roles?: TemplateValue[];
  /** The service (e.g. "sqs") through which this account's principals may use the key. */
  viaService?: string;
}

/**
 * A customer managed key with rotation. With the AWS-managed key, services that publish to a
 * topic or queue (alarms, EventBridge) could not encrypt; principals of this account use it
 * through the owning service only, where their IAM policies on the resource decide.
 */
export function serviceKey(
  ctx: EmitContext,
  ownerLogicalId: string,
  display: string,
  users: KeyUsers,
  flag: Flag = true,
  decided?: { description: string; deletionWindowDays: number },
): string {
  const useActions = ['kms:Decrypt', 'kms:GenerateDataKey*'];
  const statements: TemplateValue[] = [
    {
      Sid: 'AccountAdministers',
      Effect: 'Allow',
      Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
      Action: 'kms:*',
      Resource: '*',
    },
  ];
  if (users.services && users.services.length > 0) {
    statements.push({
      Sid: 'ServicesEncrypt',
      Effect: 'Allow',
      Principal: { Service: users.services },
      Action: [...useActions, 'kms:Encrypt*', 'kms:ReEncrypt*', 'kms:Describe*'],
      Resource: '*',
    });
  }
  if (users.roles && users.roles.length > 0) {
    statements.push({
      Sid: 'RolesUse',
      Effect: 'Allow',
      Principal: { AWS: users.roles },
      Action: [...useActions, 'kms:Encrypt', 'kms:DescribeKey', 'kms:CreateGrant'],
      Resource: '*',
    });
  }
  if (users.viaService) {
    statements.push({
      Sid: 'AccountUsesThroughService',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: useActions,
      Resource: '*',
      Condition: {
        StringEquals: {
          'kms:CallerAccount': ref('AWS::AccountId'),
          'kms:ViaService': sub(`${users.viaService}.\${AWS::Region}.amazonaws.com`),
        },
      },
    });
  }
  return ctx.template.addResource(
    `${ownerLogicalId}Key`,
    {
      Type: 'AWS::KMS::Key',
      Condition: typeof flag === 'string' ? flag : undefined,
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Metadata: ctx.metadata(
        [],
        [
          {
            id: 'CNAG F76',
            reason:
              'The "*" principal is limited to this account and to use through the owning service (kms:ViaService)',
          },
        ],
      ),
      Properties: {
        Description: (decided?.description ?? `Encrypts ${display}`).slice(0, 8192),
        EnableKeyRotation: true,
        PendingWindowInDays: decided?.deletionWindowDays,
        KeyPolicy: { Version: '2012-10-17', Statement: statements },
        Tags: ctx.tags(),
      },
    },
    'In a key policy "*" as Resource means this key; the account root administers it through IAM.',
  );
}

/**
 * The component's customer managed key as the lowering decided it (`encryption.key`), created in
 * every environment, and where it is used (true everywhere, or a condition). Undefined when no
 * environment uses one. Principals of the account use it through the key's own service. A drawn
 * key (`encryption.keyId`) is its own resource (kms-key.ts), whose policy the lowering decided:
 * then nothing is created here and `users` is not needed.
 */
export function componentKey(
  ctx: EmitContext,
  component: ResolvedComponent,
  users: Omit<KeyUsers, 'viaService'>,
): { used: Flag; arn: TemplateValue; id: TemplateValue } | undefined {
  const drawn = component.encryption?.keyId;
  if (drawn) return { used: true, arn: ctx.attribute(drawn, 'arn'), id: ctx.attribute(drawn, 'id') };
  const decided = component.encryption?.key;
  if (!decided) return undefined;
  const kind = component.encryption!.kind;
  const used = ctx.when(
    Object.fromEntries(ctx.environments.map((env) => [env, kind.byEnv[env] === 'customer-managed'])),
  );
  const key = serviceKey(
    ctx,
    component.names.logicalId,
    component.names.display,
    { ...users, viaService: decided.viaService },
    true,
    decided,
  );
  return { used, arn: getAtt(key, 'Arn'), id: ref(key) };
}

export function emitAlarm(
  alarm: ResolvedAlarm,
  logicalId: string,
  ctx: EmitContext,
  component?: ResolvedComponent,
): void {
  const dimensions: TemplateValue[] = [{ Name: alarm.dimension.name, Value: ctx.ref(alarm.dimension.ref) }];
  for (const extra of alarm.extraDimensions ?? []) {
    dimensions.push({
      Name: extra.name,
      Value: 'literal' in extra.value ? extra.value.literal : ctx.ref(extra.value),
    });
  }
  ctx.template.addResource(logicalId, {
    Type: 'AWS::CloudWatch::Alarm',
    Metadata: ctx.metadata(component?.acknowledgements),
    Properties: {
      AlarmDescription: alarm.description.slice(0, 1024),
      Namespace: alarm.namespace,
      MetricName: alarm.metricName,
      Dimensions: dimensions,
      Statistic: alarm.statistic,
      Threshold: alarm.threshold,
      ComparisonOperator: alarm.comparison,
      EvaluationPeriods: alarm.evaluationPeriods,
      Period: alarm.periodSeconds,
      TreatMissingData: 'notBreaching',
      AlarmActions: [ref(ctx.logicalId(alarm.topicId))],
      OKActions: [ref(ctx.logicalId(alarm.topicId))],
    },
  });
}

/** The logical id of the target group an ALB route forwards to (decided by the lowering). */
export function targetGroupId(_ctx: EmitContext, route: ResolvedRoute): string {
  if (!route.targetGroup) throw new Error(`Route "${route.id}" has no target group`);
  return route.targetGroup.logicalId;
}

export interface ListenerPlan {
  https: Flag;
  /** Port 80 listener exists: no certificate (it forwards) or redirect on. */
  http: Flag;
  /** Port 80 forwards (no certificate) rather than redirecting. */
  httpForwards: Flag;
}

/** The listeners the lowering decided for an ALB, as flags over this template's environments. */
export function listenerPlan(alb: ResolvedComponent, ctx: EmitContext): ListenerPlan {
  const plan = alb.listeners;
  if (!plan) throw new Error(`ALB "${alb.id}" has no listeners in the resolved graph`);
  const envFlag = (holds: (env: string) => boolean) =>
    ctx.when(Object.fromEntries(ctx.environments.map((env) => [env, holds(env)])));
  return {
    https: envFlag((env) => plan.https.byEnv[env] === true),
    http: envFlag((env) => plan.httpForward.byEnv[env] === true || plan.httpRedirect.byEnv[env] === true),
    httpForwards: envFlag((env) => plan.httpForward.byEnv[env] === true),
  };
}

/** What a service behind this ALB must wait for: its listeners (those of this environment). */
export function albListenersFor(alb: ResolvedComponent, ctx: EmitContext): string[] {
  const id = alb.names.logicalId;
  const plan = listenerPlan(alb, ctx);
  return dependencyOn(
    ctx,
    `${id}ListenersReady`,
    [
      [plan.https, `${id}HttpsListener`],
      [plan.http, `${id}HttpListener`],
    ],
    'Depends on the listeners that exist in this environment, so services wait for them.',
  );
}

/**
 * The cluster's fixed name as the lowering decided it (at most 100 characters, unique per
 * stack): EKS writes control plane logs to /aws/eks/<name>/cluster, which must exist (with
 * retention) before the cluster does.
 */
export function eksClusterName(cluster: ResolvedComponent): TemplateValue {
  if (!cluster.clusterName) throw new Error(`EKS "${cluster.id}" has no cluster name in the resolved graph`);
  return stackUniqueName(cluster.clusterName.stem, cluster.clusterName.maxLength);
}

/** The RDS instance or Aurora cluster whose managed master secret this component stands for. */
export function managedDatabaseOf(
  secret: ResolvedComponent,
  ctx: EmitContext,
): ResolvedComponent | undefined {
  return secret.managedByDatabase ? ctx.component(secret.managedByDatabase) : undefined;
}
