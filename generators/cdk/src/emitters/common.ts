/**
 * Helpers several emitters share: subnet selection, log groups, removal policies, acknowledgements,
 * roles, front-door routes and web ACLs, database credentials and their rotation.
 */
import type { EnvValue, ResolvedComponent, ResolvedGraph, ResolvedRole, ResolvedRoute } from '@archgen/infra';
import { compareIds, requireResolved } from '@archgen/infra';
import type { PropertyValue, SubnetTier } from '@archgen/model';
import type { StackContext } from '../context.ts';
import type { Expr } from '../ts/ast.ts';
import {
  arr,
  asType,
  binary,
  call,
  comment,
  cond,
  eq,
  ifStmt,
  lit,
  member,
  newExpr,
  obj,
  template,
  thisExpr,
} from '../ts/ast.ts';
import { plainText } from '../naming.ts';

/** Subnet group names of the generated VPC, one per tier. */
export const SUBNET_GROUP: Record<SubnetTier, string> = {
  public: 'Public',
  private: 'Private',
  isolated: 'Isolated',
};

export function vpcOf(ctx: StackContext, component: ResolvedComponent): Expr {
  if (!component.placement)
    throw new Error(`Component "${component.id}" (${component.type}) needs a VPC placement`);
  const vpc = ctx.vpcs.get(component.placement.vpcId);
  if (!vpc)
    throw new Error(`Component "${component.id}" is placed in unknown VPC "${component.placement.vpcId}"`);
  return vpc;
}

/** `{ subnetGroupName: 'Private' }` for the component's tier. */
export function subnetSelection(component: ResolvedComponent): Expr {
  if (!component.placement) throw new Error(`Component "${component.id}" has no placement`);
  return obj({ subnetGroupName: lit(SUBNET_GROUP[component.placement.tier]) });
}

export function securityGroupOf(ctx: StackContext, component: ResolvedComponent): Expr | undefined {
  return component.securityGroupId ? ctx.securityGroups.get(component.securityGroupId) : undefined;
}

const RETENTION: Record<number, string> = {
  1: 'ONE_DAY',
  3: 'THREE_DAYS',
  5: 'FIVE_DAYS',
  7: 'ONE_WEEK',
  14: 'TWO_WEEKS',
  30: 'ONE_MONTH',
  60: 'TWO_MONTHS',
  90: 'THREE_MONTHS',
  120: 'FOUR_MONTHS',
  150: 'FIVE_MONTHS',
  180: 'SIX_MONTHS',
  365: 'ONE_YEAR',
  400: 'THIRTEEN_MONTHS',
  545: 'EIGHTEEN_MONTHS',
  731: 'TWO_YEARS',
  1096: 'THREE_YEARS',
  1827: 'FIVE_YEARS',
  2192: 'SIX_YEARS',
  2557: 'SEVEN_YEARS',
  2922: 'EIGHT_YEARS',
  3288: 'NINE_YEARS',
  3653: 'TEN_YEARS',
};

/** The periods of RETENTION, ascending (integer keys enumerate in ascending order). */
const RETENTION_PERIODS = Object.keys(RETENTION).map(Number);

/** `logs.RetentionDays.X` for a number of days; the next longer period when it is not one. */
export function retentionDays(ctx: StackContext, days: PropertyValue): Expr {
  const n = typeof days === 'number' ? days : 30;
  const chosen = RETENTION_PERIODS.find((d) => d >= n) ?? 3653;
  return ctx.api('logs', `RetentionDays.${RETENTION[chosen]}`);
}

/**
 * The component's log group: the lowering's log-group component when it has one, else a new
 * log group with the retention of `retentionKey`.
 */
export function logGroupFor(
  ctx: StackContext,
  component: ResolvedComponent,
  retentionKey = 'logRetentionDays',
): Expr {
  if (component.logGroupId) return ctx.handle(component.logGroupId).construct;
  const retention = ctx.has(component, retentionKey)
    ? ctx.choose(component, retentionKey, (v) => retentionDays(ctx, v))
    : ctx.api('logs', 'RetentionDays.ONE_MONTH');
  return ctx.declare(
    `${ctx.variableName(component)}Logs`,
    newExpr(
      ctx.api('logs', 'LogGroup'),
      ctx.scope,
      lit(`${component.names.logicalId}Logs`),
      obj({ retention }),
    ),
  );
}

/** cdk-nag rule ids (AwsSolutions-*) among a design finding's equivalents ("Sol-S1", "AwsSolutions-S1"). */
export function nagRuleIds(equivalents: string[]): string[] {
  const ids = equivalents
    .map((e) => e.trim())
    .map((e) =>
      e.startsWith('AwsSolutions-') ? e : e.startsWith('Sol-') ? `AwsSolutions-${e.slice(4)}` : '',
    )
    .filter((e) => /^AwsSolutions-[A-Za-z0-9]+$/.test(e));
  return [...new Set(ids)].sort((a, b) => compareIds(a, b));
}

/** The design's accepted risks for this component, as cdk-nag acknowledgements on its construct. */
export function acknowledgeDesignRisks(ctx: StackContext, component: ResolvedComponent, target: Expr): void {
  for (const ack of component.acknowledgements) {
    for (const ruleId of nagRuleIds(ack.equivalents))
      ctx.acknowledge(target, ruleId, `Accepted in the design (${ack.ruleId}): ${ack.reason}`);
  }
}

/**
 * Acknowledges a cdk-nag rule only in the environments where a property has an "off" value,
 * when the design sets it per environment (e.g. Multi-AZ off in dev, on in prod). A setting
 * that is off everywhere is a design finding the design itself must accept.
 */
export function acknowledgeWhere(
  ctx: StackContext,
  component: ResolvedComponent,
  key: string,
  isOff: (value: PropertyValue) => boolean,
  target: Expr,
  rule: string,
  reason: string,
): void {
  const values = ctx.values(component, key);
  const distinct = [...new Set(values.map((v) => JSON.stringify(v)))].map(
    (v) => JSON.parse(v) as PropertyValue,
  );
  const off = distinct.filter(isOff);
  if (off.length === 0 || off.length === distinct.length) return;
  const value = ctx.value(component, key);
  const test = off
    .map((v) => eq(value, lit(v as string | number | boolean)))
    .reduce((left, right) => binary('||', left, right));
  const acknowledgement = ctx.capture(() => ctx.acknowledge(target, rule, reason));
  ctx.add(ifStmt(test, acknowledgement));
}

export function removalPolicy(ctx: StackContext, policy: 'RETAIN' | 'SNAPSHOT' | 'DESTROY'): Expr {
  return member(ctx.core('RemovalPolicy'), policy);
}

const REMOVAL_POLICY = { retain: 'RETAIN', snapshot: 'SNAPSHOT', delete: 'DESTROY' } as const;

/**
 * A stateful component's removal policy: the lowering's one policy for every environment
 * (protection.ts), the same literal CloudFormation prints as DeletionPolicy and Terraform as
 * prevent_destroy, so the three targets agree.
 */
export function protectionPolicy(ctx: StackContext, component: ResolvedComponent): Expr {
  return removalPolicy(
    ctx,
    REMOVAL_POLICY[requireResolved(component.protection, component, 'protection').policy],
  );
}

/** Deletion protection as the lowering resolved it per environment (off where an environment deletes). */
export function deletionProtectionOf(ctx: StackContext, component: ResolvedComponent): Expr {
  return resolvedScalar(
    ctx,
    component,
    'DeletionProtection',
    requireResolved(component.deletionProtection, component, 'deletionProtection'),
    'deletion protection (off where the environment deletes it)',
  );
}

/**
 * Acknowledges `rule` (AwsSolutions-RDS10) where deletion protection is off: only where the
 * design deletes the database with its stack, which DAT-01 refuses in production.
 */
export function acknowledgeUnprotected(
  ctx: StackContext,
  component: ResolvedComponent,
  value: Expr,
  target: Expr,
  rule: string,
): void {
  const resolved = requireResolved(component.deletionProtection, component, 'deletionProtection');
  if (!Object.values(resolved.byEnv).includes(false)) return;
  const reason =
    'Deletion protection is off only where the design deletes the database with its stack (onDelete, by default outside production).';
  if (!resolved.varies) return ctx.acknowledge(target, rule, reason);
  const acknowledgement = ctx.capture(() => ctx.acknowledge(target, rule, reason));
  ctx.add(ifStmt(eq(value, lit(false)), acknowledgement));
}

/**
 * The bucket that receives one source's access logs, as the lowering decided it (one per bucket,
 * load balancer or distribution). Where logging differs by environment it exists only where the
 * source logs: `run(bucket)` emits what uses it, guarded by `if (bucket)` there.
 */
export function accessLogBucket(
  ctx: StackContext,
  component: ResolvedComponent,
): { bucket: Expr; use: (run: (bucket: Expr) => void) => void } | undefined {
  const decided = component.accessLogBucket;
  if (!decided) return undefined;
  const where = requireResolved(
    resolvedFlag(ctx, component, 'AccessLogs', decided.enabled, 'access logs on'),
    component,
    'access log bucket environments',
  );
  const { lifecycle } = decided;
  const created = newExpr(
    ctx.api('s3', 'Bucket'),
    ctx.scope,
    lit(decided.logicalId),
    obj({
      blockPublicAccess: ctx.api('s3', 'BlockPublicAccess.BLOCK_ALL'),
      encryption: ctx.api('s3', 'BucketEncryption.S3_MANAGED'),
      enforceSSL: lit(true),
      objectOwnership: ctx.api(
        's3',
        decided.objectOwnership === 'BucketOwnerPreferred'
          ? 'ObjectOwnership.BUCKET_OWNER_PREFERRED'
          : 'ObjectOwnership.BUCKET_OWNER_ENFORCED',
      ),
      versioned: lit(decided.versioned),
      lifecycleRules: arr([
        obj({
          expiration: ctx.duration('days', lit(lifecycle.expirationDays)),
          noncurrentVersionExpiration: ctx.duration('days', lit(lifecycle.noncurrentExpirationDays)),
          abortIncompleteMultipartUploadAfter: ctx.duration('days', lit(lifecycle.abortIncompleteUploadDays)),
        }),
      ]),
      removalPolicy: removalPolicy(ctx, 'RETAIN'),
    }),
  );
  ctx.add(
    comment(
      `Access logs of ${component.names.logicalId}, kept a year (S3-managed keys: ELB cannot write to KMS buckets).`,
    ),
  );
  const bucket = ctx.declare(
    `${ctx.variableName(component)}LogBucket`,
    where.test ? cond(where.test, created, lit(undefined)) : created,
  );
  const use = (run: (b: Expr) => void) =>
    where.test
      ? ctx.add(
          ifStmt(
            bucket,
            ctx.capture(() => run(bucket)),
          ),
        )
      : run(bucket);
  use((b) =>
    ctx.acknowledge(b, 'AwsSolutions-S1', 'This is an access-log bucket; logging its own access would loop.'),
  );
  return { bucket, use };
}

/** A customer-managed KMS key with rotation (cdk-nag KMS5), one per component. */
export function kmsKey(ctx: StackContext, component: ResolvedComponent, purpose: string): Expr {
  return ctx.declare(
    `${ctx.variableName(component)}Key`,
    newExpr(
      ctx.api('kms', 'Key'),
      ctx.scope,
      lit(`${component.names.logicalId}Key`),
      obj({
        enableKeyRotation: lit(true),
        description: lit(plainText(`${purpose} of ${component.names.display}`, 8000)),
      }),
    ),
  );
}

/**
 * The customer managed key the lowering decided for the component (`encryption.key`), or
 * the drawn key the component connects to (`encryption.keyId`), or
 * undefined when no environment uses one. `customer` is set when only some environments use it:
 * `config.<x>CustomerManagedKey`, to choose the key and encryption mode per environment.
 */
export function encryptionKey(
  ctx: StackContext,
  component: ResolvedComponent,
): { key: Expr; customer?: Expr } | undefined {
  // A drawn key (kms-key.ts), used in every environment; its policy is the key's own.
  const drawn = component.encryption?.keyId;
  if (drawn) return { key: ctx.handle(drawn).construct };
  const key = component.encryption?.key;
  if (!key) return undefined;
  const construct = ctx.declare(
    `${ctx.variableName(component)}Key`,
    newExpr(
      ctx.api('kms', 'Key'),
      ctx.scope,
      lit(`${component.names.logicalId}Key`),
      obj({
        enableKeyRotation: lit(key.enableKeyRotation),
        description: lit(plainText(key.description, 8000)),
        pendingWindow: ctx.duration('days', lit(key.deletionWindowDays)),
      }),
    ),
  );
  const kind = component.encryption!.kind;
  if (!kind.varies) return { key: construct };
  const byEnv = Object.fromEntries(
    ctx.graph.environments.map((env) => [env, kind.byEnv[env] === 'customer-managed']),
  );
  const configKey = ctx.addConfigEntry(
    `${ctx.variableName(component)}CustomerManagedKey`,
    byEnv,
    `${component.names.display} (${component.type}): encrypted with its customer managed key`,
  );
  return { key: construct, customer: ctx.configMember(configKey) };
}

/** `customerManaged` where the component's key is used, `otherwise` elsewhere. */
export function withKey(
  key: { customer?: Expr } | undefined,
  customerManaged: Expr | undefined,
  otherwise: Expr | undefined,
): Expr | undefined {
  if (!key) return otherwise;
  if (!key.customer) return customerManaged;
  return cond(key.customer, customerManaged ?? lit(undefined), otherwise ?? lit(undefined));
}

export { requireResolved };

/**
 * The engine version the lowering decided, as `code(version, major)` (e.g.
 * `rds.AuroraPostgresEngineVersion.of('16.13', '16')`); where environments differ, lib/config.ts
 * holds each one's code and the stack reads `config.<name>EngineVersion`.
 */
export function engineVersion(
  ctx: StackContext,
  component: ResolvedComponent,
  code: (version: string, major: string) => Expr,
): Expr {
  const resolved = requireResolved(component.engineVersion, component, 'engine version');
  const first = ctx.graph.environments[0] ?? '';
  return ctx.chooseResolved(component, 'engineVersion', resolved.version, (version, env) =>
    code(String(version), resolved.major.byEnv[env ?? first] ?? ''),
  );
}

/** A value the lowering resolved per environment: its literal, or `config.<key>` where environments differ. */
export function resolvedScalar(
  ctx: StackContext,
  component: ResolvedComponent,
  key: string,
  value: EnvValue<number> | EnvValue<boolean>,
  doc: string,
): Expr {
  const envs = ctx.graph.environments;
  if (!value.varies) return lit(value.byEnv[envs[0] ?? '']!);
  const byEnv = Object.fromEntries(envs.map((env) => [env, value.byEnv[env]!]));
  return ctx.configMember(
    ctx.addConfigEntry(`${ctx.variableName(component)}${key}`, byEnv, `${component.names.display}: ${doc}`),
  );
}

export function roleOf(
  ctx: StackContext,
  component: ResolvedComponent,
  purpose: ResolvedRole['purpose'],
): Expr | undefined {
  const role = ctx.graph.roles.find((r) => r.componentId === component.id && r.purpose === purpose);
  return role ? ctx.roles.get(role.id) : undefined;
}

export function routesFrom(
  graph: ResolvedGraph,
  component: ResolvedComponent,
  kind: ResolvedRoute['kind'],
): ResolvedRoute[] {
  return graph.routes.filter((r) => r.frontDoorId === component.id && r.kind === kind);
}

/** The web ACL the lowering decided for the component, with its managed rule groups (no L2 exists). */
export function webAcl(ctx: StackContext, component: ResolvedComponent): Expr {
  const decided = requireResolved(component.webAcl, component, 'web ACL');
  // A drawn waf-web-acl replaces the switch's ACL: its emitter made it (stack.ts orders it first).
  if (decided.drawnId) return ctx.handle(decided.drawnId).construct;
  const rule = (name: string, vendor: string, priority: number) =>
    obj({
      name: lit(name),
      priority: lit(priority),
      overrideAction: obj({ none: obj({}) }),
      statement: obj({ managedRuleGroupStatement: obj({ vendorName: lit(vendor), name: lit(name) }) }),
      visibilityConfig: obj({
        cloudWatchMetricsEnabled: lit(true),
        metricName: lit(name),
        sampledRequestsEnabled: lit(true),
      }),
    });
  return ctx.declare(
    `${ctx.variableName(component)}WebAcl`,
    newExpr(
      ctx.api('wafv2', 'CfnWebACL'),
      ctx.scope,
      lit(`${component.names.logicalId}WebAcl`),
      obj({
        scope: lit(decided.scope),
        defaultAction: obj({ allow: obj({}) }),
        visibilityConfig: obj({
          cloudWatchMetricsEnabled: lit(true),
          metricName: lit(`${component.names.logicalId}WebAcl`),
          sampledRequestsEnabled: lit(true),
        }),
        rules: arr(decided.ruleGroups.map((g, i) => rule(g.name, g.vendor, i))),
      }),
    ),
  );
}

/**
 * Where a flag the lowering resolved holds: undefined when nowhere, `{}` when everywhere,
 * `{ test: config.<key> }` when environments differ.
 */
export function resolvedFlag(
  ctx: StackContext,
  component: ResolvedComponent,
  key: string,
  value: EnvValue<boolean> | undefined,
  doc: string,
): { test?: Expr } | undefined {
  if (!value) return undefined;
  const envs = ctx.graph.environments;
  const on = envs.map((env) => value.byEnv[env] === true);
  if (!on.includes(true)) return undefined;
  if (!on.includes(false)) return {};
  const byEnv = Object.fromEntries(envs.map((env, i) => [env, on[i]!]));
  return {
    test: ctx.configMember(
      ctx.addConfigEntry(`${ctx.variableName(component)}${key}`, byEnv, `${component.names.display}: ${doc}`),
    ),
  };
}

/**
 * `resolvedFlag` for a condition computed per environment from the design (e.g. "scales on
 * CPU steps here"): the constructs it guards exist only where it holds.
 */
export function flagWhere(
  ctx: StackContext,
  component: ResolvedComponent,
  key: string,
  doc: string,
  holds: (env: string) => boolean,
): { test?: Expr } | undefined {
  const byEnv = Object.fromEntries(ctx.graph.environments.map((env) => [env, holds(env)]));
  const varies = new Set(Object.values(byEnv)).size > 1;
  return resolvedFlag(ctx, component, key, { byEnv, varies }, doc);
}

/** The EKS cluster's name as the lowering decided it: `<stack name>-<stem>`. */
export function eksClusterName(cluster: ResolvedComponent): Expr {
  return template(member(thisExpr, 'stackName'), `-${eksNameStem(cluster)}`);
}

/** The cluster's control-plane log group, /aws/eks/<cluster name>/cluster. */
export function eksLogGroupName(cluster: ResolvedComponent) {
  return template('/aws/eks/', member(thisExpr, 'stackName'), `-${eksNameStem(cluster)}/cluster`);
}

function eksNameStem(cluster: ResolvedComponent): string {
  if (!cluster.clusterName) throw new Error(`EKS "${cluster.id}" has no cluster name in the resolved graph`);
  return cluster.clusterName.stem;
}

export const PER_ENVIRONMENT =
  "Off in this environment only, by the design's per-environment setting (on in production).";

export function selectSubnetIds(ctx: StackContext, component: ResolvedComponent): Expr {
  return member(
    call(member(vpcOf(ctx, component), 'selectSubnets'), subnetSelection(component)),
    'subnetIds',
  );
}

export function securityGroupIds(ctx: StackContext, component: ResolvedComponent): Expr | undefined {
  const sg = securityGroupOf(ctx, component);
  return sg ? arr([member(sg, 'securityGroupId')]) : undefined;
}

/**
 * The master credentials: RDS manages the password (ManageMasterUserPassword) in a secret it
 * creates and rotates itself, as the lowering decided; only the user name is ours.
 */
export function managedCredentials(ctx: StackContext, component: ResolvedComponent): Record<string, Expr> {
  const secret = component.secretId ? ctx.component(component.secretId) : undefined;
  if (secret?.managedByDatabase !== component.id)
    throw new Error(`${component.type} "${component.id}" has no credentials secret it manages`);
  return {
    credentials: call(
      ctx.api('rds', 'Credentials.fromUsername'),
      lit(secret.generatedSecret?.username ?? 'dbadmin'),
    ),
    manageMasterUserPassword: lit(true),
  };
}

/** The lowering's credentials secret component stands for the database's managed secret. */
export function registerManagedSecret(ctx: StackContext, component: ResolvedComponent, database: Expr): void {
  const secretComponent = ctx.component(component.secretId!);
  const secret = ctx.declare(
    ctx.variableName(secretComponent),
    asType(member(database, 'secret'), ctx.typeOf('secretsmanager', 'ISecret')),
  );
  ctx.register(secretComponent.id, {
    construct: secret,
    attributes: { arn: member(secret, 'secretArn'), name: member(secret, 'secretName') },
  });
}

/** RDS/Aurora keep the engine's default port: ack cdk-nag's "non-default port" rule with why. */
export function acknowledgeDefaultPort(ctx: StackContext, target: Expr, rule: string): void {
  ctx.acknowledge(
    target,
    rule,
    "The engine's default port is kept: security groups, not port obscurity, restrict access.",
  );
}
