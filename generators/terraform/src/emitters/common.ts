/** Small helpers the service emitters share: scanner skips, physical names, tags, permissions. */
import type { EnvValue, ResolvedComponent, ResolvedEventRetry } from '@archgen/infra';
import {
  type BodyItem,
  type Block,
  type Expr,
  attr,
  block,
  call,
  comment,
  index,
  literal,
  num,
  ref,
  str,
  tpl,
  obj,
} from '../hcl/ast.ts';
import type { TfContext } from '../context.ts';
import { NAME_TAG_KEY, requireResolved } from '@archgen/infra';

/** A deliberate choice a scanner would flag, acknowledged next to the code with the reason. */
export function skip(checkovId: string, reason: string): BodyItem {
  return comment(`checkov:skip=${checkovId}:${reason}`);
}

/** The resource's Name tag; the provider's default_tags add the rest (files.ts). */
export function tags(display: string, extra: Record<string, Expr> = {}): BodyItem | undefined {
  return attr('tags', obj({ [NAME_TAG_KEY]: str(display), ...extra }));
}

/** Physical names per service, shared by the resource and anything that must know it up front. */
export const physical = {
  lambda: (ctx: TfContext, c: ResolvedComponent) => ctx.physicalName(c.names.slug, 64),
  ecs: (ctx: TfContext, c: ResolvedComponent) => ctx.physicalName(c.names.slug, 255),
  eks: (ctx: TfContext, c: ResolvedComponent) => {
    if (!c.clusterName) throw new Error(`EKS "${c.id}" has no cluster name in the resolved graph`);
    return ctx.physicalName(c.clusterName.stem, c.clusterName.maxLength);
  },
  stateMachine: (ctx: TfContext, c: ResolvedComponent) => ctx.physicalName(c.names.slug, 80),
};

/** The CloudWatch log group name AWS expects for the component that writes to it. */
export function logGroupName(ctx: TfContext, logGroup: ResolvedComponent): Expr {
  const owner = ctx.logGroupUser(logGroup.id) ?? ctx.findComponent(logGroup.derived?.from);
  const vpc = ctx.graph.vpcs.find((v) => v.id === logGroup.derived?.from);
  if (vpc) return tpl('/aws/vpc-flow-logs/', ref('local.name_prefix'), `-${vpc.names.slug}`);
  switch (owner?.type) {
    case 'lambda':
      return tpl('/aws/lambda/', physical.lambda(ctx, owner));
    case 'ecs-fargate':
      return tpl('/ecs/', physical.ecs(ctx, owner));
    case 'eks':
      return tpl('/aws/eks/', physical.eks(ctx, owner), '/cluster');
    case 'step-functions':
      return tpl('/aws/vendedlogs/states/', physical.stateMachine(ctx, owner));
    case 'api-gateway':
      return tpl('/aws/vendedlogs/apigateway/', ref('local.name_prefix'), `-${owner.names.slug}`);
    default:
      return tpl('/archgen/', ref('local.name_prefix'), `/${logGroup.names.slug}`);
  }
}

/** A resource policy statement that denies any request not made over TLS. */
export function denyInsecureTransport(actions: string, resources: Expr[]): Expr {
  return literal({
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: actions,
    Resource: resources.length === 1 ? resources[0] : resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lets a service principal invoke a function, scoped to the calling resource's ARN. */
export function lambdaPermission(
  ctx: TfContext,
  name: string,
  functionId: string,
  principal: string,
  sourceArn: Expr,
): void {
  ctx.add(
    'compute.tf',
    block(
      'resource',
      ['aws_lambda_permission', name],
      [
        attr(
          'statement_id',
          str(`AllowInvokeFrom${capitalize(principal.split('.')[0]!.replace(/[^A-Za-z0-9]/g, ''))}`),
        ),
        attr('action', str('lambda:InvokeFunction')),
        attr('function_name', ctx.attribute(functionId, 'name')),
        attr('principal', str(principal)),
        attr('source_arn', sourceArn),
      ],
    ),
  );
}

/**
 * The component's customer managed key as the lowering decided it (`encryption.key`): rotation,
 * deletion window, the account administering it through IAM, principals of the account using it
 * through the owning service only, and `services` (senders such as SNS or EventBridge, which the
 * AWS managed keys cannot admit) using it directly. The account id comes from the key's own ARN in
 * a separate key policy, so plan needs no AWS lookup. Returns the key's ARN: of the drawn key
 * when the component is encrypted with one (`encryption.keyId`), which then creates nothing here.
 */
export function componentKey(
  ctx: TfContext,
  c: ResolvedComponent,
  name: string,
  services: (string | Expr)[],
  use: {
    actions: string[];
    condition: (arn: {
      partition: Expr;
      region: Expr;
      account: Expr;
    }) => Record<string, Record<string, unknown>>;
  } = {
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    condition: ({ account }) => ({ StringEquals: { 'aws:SourceAccount': account } }),
  },
): Expr {
  // A drawn key (kms-key.ts) carries the policy the lowering decided for everything it encrypts.
  if (c.encryption?.keyId) return ctx.attribute(c.encryption.keyId, 'arn');
  const key = c.encryption?.key;
  if (!key) throw new Error(`${c.type} "${c.id}" has no customer managed key in the resolved graph`);
  const arnPart = (i: number) => index(call('split', str(':'), ref(`aws_kms_key.${name}.arn`)), num(i));
  const statements: unknown[] = [
    {
      Sid: 'AccountAdministersKey',
      Effect: 'Allow',
      Principal: { AWS: tpl('arn:', arnPart(1), ':iam::', arnPart(4), ':root') },
      Action: 'kms:*',
      Resource: '*',
    },
  ];
  if (services.length > 0)
    statements.push({
      Sid: 'ServicesEncrypt',
      Effect: 'Allow',
      Principal: { Service: services.length === 1 ? services[0] : services },
      Action: use.actions,
      Resource: '*',
      Condition: use.condition({ partition: arnPart(1), region: arnPart(3), account: arnPart(4) }),
    });
  statements.push({
    Sid: 'AccountUsesThroughService',
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    Resource: '*',
    Condition: {
      StringEquals: {
        'kms:CallerAccount': arnPart(4),
        'kms:ViaService': tpl(`${key.viaService}.`, arnPart(3), '.amazonaws.com'),
      },
    },
  });
  ctx.add(
    'security.tf',
    block(
      'resource',
      ['aws_kms_key', name],
      [
        attr('description', str(key.description.slice(0, 8192))),
        attr('enable_key_rotation', literal(key.enableKeyRotation)),
        attr('deletion_window_in_days', num(key.deletionWindowDays)),
        tags(c.names.display),
      ],
    ),
    keyPolicy(name, statements),
  );
  return ref(`aws_kms_key.${name}.arn`);
}

/**
 * Where the component uses its customer managed key: `true`/`false` when every environment agrees,
 * else a boolean variable set per environment (the key itself exists in every environment).
 */
export function usesCustomerKey(ctx: TfContext, c: ResolvedComponent): boolean | Expr {
  const kind = c.encryption?.kind;
  if (!kind) return false;
  const uses = ctx.environments.map((env) => kind.byEnv[env] === 'customer-managed');
  if (uses.every((u) => u)) return true;
  if (uses.every((u) => !u)) return false;
  return ctx.derived(
    c,
    'customer_managed_key',
    'Whether the customer managed key encrypts',
    (env) => kind.byEnv[env] === 'customer-managed',
  );
}

/** The engine (Kubernetes) version the lowering decided: a literal, or a variable where environments differ. */
export function engineVersion(ctx: TfContext, c: ResolvedComponent): Expr {
  return resolvedValue(ctx, c, 'engine_version', 'Engine version', c.engineVersion?.version);
}

/** A value the lowering resolved per environment: its literal, or a variable where environments differ. */
export function resolvedValue(
  ctx: TfContext,
  c: ResolvedComponent,
  name: string,
  description: string,
  value: EnvValue | undefined,
): Expr {
  const resolved = requireResolved(value, c, name);
  return ctx.derived(c, name, description, (env) => resolved.byEnv[env] ?? null);
}

/**
 * `lifecycle { prevent_destroy = true }` where the lowering keeps a stateful component
 * (protection.ts), with any other lifecycle settings. prevent_destroy must be a literal, like
 * CloudFormation's DeletionPolicy, so it follows the one policy of every environment: with a
 * production environment in the design, `terraform destroy` refuses in every workspace.
 */
export function protectionLifecycle(c: ResolvedComponent, others: BodyItem[] = []): BodyItem | undefined {
  const protection = c.protection;
  if (!protection) throw new Error(`${c.type} "${c.id}" has no resolved protection`);
  const body = [protection.policy !== 'delete' && attr('prevent_destroy', literal(true)), ...others].filter(
    (item): item is BodyItem => Boolean(item),
  );
  return body.length > 0 ? block('lifecycle', [], body) : undefined;
}

/** deletion_protection as the lowering resolved it per environment (off where an environment deletes). */
export function deletionProtectionValue(
  ctx: TfContext,
  c: ResolvedComponent,
  name = 'deletion_protection',
): Expr {
  return resolvedValue(ctx, c, name, 'Deletion protection', c.deletionProtection);
}

/** skip_final_snapshot per environment: a final snapshot unless the environment deletes the database. */
export function skipFinalSnapshot(ctx: TfContext, c: ResolvedComponent): Expr {
  const finalSnapshot = c.protection?.finalSnapshot;
  if (!finalSnapshot) throw new Error(`${c.type} "${c.id}" has no resolved finalSnapshot`);
  return ctx.derived(
    c,
    'skip_final_snapshot',
    'Skip the final snapshot on delete',
    (env) => !finalSnapshot.byEnv[env],
  );
}

/**
 * The web ACL the lowering decided for a front door, with its AWS managed rule groups in order.
 * Where only some environments attach it, a 0/1 count creates it there; `arn` is then the ARN or
 * null. Undefined when the component has none or its ACL comes from outside the stack.
 */
/**
 * The launch template blocks every instance of the design gets: its role's instance profile,
 * IMDSv2 only, an encrypted gp3 root volume deleted with the instance, detailed monitoring.
 */
export function hardenedLaunchTemplateBlocks(
  roleTfName: string,
  rootDevice: string,
  volumeSize: Expr,
): BodyItem[] {
  return [
    block('iam_instance_profile', [], [attr('arn', ref(`aws_iam_instance_profile.${roleTfName}.arn`))]),
    block(
      'metadata_options',
      [],
      [
        attr('http_endpoint', str('enabled')),
        attr('http_tokens', str('required')),
        attr('http_put_response_hop_limit', num(1)),
      ],
    ),
    block(
      'block_device_mappings',
      [],
      [
        attr('device_name', str(rootDevice)),
        block(
          'ebs',
          [],
          [
            attr('volume_size', volumeSize),
            attr('volume_type', str('gp3')),
            attr('encrypted', literal(true)),
            attr('delete_on_termination', literal(true)),
          ],
        ),
      ],
    ),
    block('monitoring', [], [attr('enabled', literal(true))]),
  ];
}

/** A WAF rule's (or web ACL's) CloudWatch metrics and sampled requests, on. */
export function wafVisibility(metric: string): BodyItem {
  return block(
    'visibility_config',
    [],
    [
      attr('cloudwatch_metrics_enabled', literal(true)),
      attr('metric_name', str(metric)),
      attr('sampled_requests_enabled', literal(true)),
    ],
  );
}

/** One `rule` per AWS managed rule group, in priority order (the switch's ACL and a drawn one). */
export function managedRuleGroupRules(groups: readonly { name: string; vendor: string }[]): BodyItem[] {
  return groups.map((group, priority) =>
    block(
      'rule',
      [],
      [
        attr('name', str(group.name)),
        attr('priority', num(priority)),
        block('override_action', [], [block('none', [], [])]),
        block(
          'statement',
          [],
          [
            block(
              'managed_rule_group_statement',
              [],
              [attr('name', str(group.name)), attr('vendor_name', str(group.vendor))],
            ),
          ],
        ),
        wafVisibility(group.name),
      ],
    ),
  );
}

export function emitWebAcl(ctx: TfContext, c: ResolvedComponent): { arn: Expr; count?: Expr } | undefined {
  const acl = c.webAcl;
  if (!acl || acl.source !== 'stack') return undefined;
  // A drawn waf-web-acl replaces the switch's ACL: its own emitter writes it.
  if (acl.drawnId) return { arn: ref(`aws_wafv2_web_acl.${ctx.component(acl.drawnId).names.tfName}.arn`) };
  const t = c.names.tfName;
  const count = acl.enabled.varies
    ? ctx.derived(c, 'web_acl_count', 'Whether to create the WAF web ACL', (env) =>
        acl.enabled.byEnv[env] ? 1 : 0,
      )
    : undefined;
  ctx.add(
    'edge.tf',
    block(
      'resource',
      ['aws_wafv2_web_acl', t],
      [
        count && attr('count', count),
        attr('name', ctx.physicalName(c.names.slug, 128)),
        attr('scope', str(acl.scope)),
        block('default_action', [], [block('allow', [], [])]),
        managedRuleGroupRules(acl.ruleGroups),
        wafVisibility(t),
        tags(c.names.display),
      ],
    ),
  );
  return count
    ? { arn: call('one', ref(`aws_wafv2_web_acl.${t}[*].arn`)), count }
    : { arn: ref(`aws_wafv2_web_acl.${t}.arn`) };
}

/** Subnets of the component's placement tier. */
export function placementSubnets(ctx: TfContext, c: ResolvedComponent): Expr {
  if (!c.placement) throw new Error(`${c.type} "${c.id}" needs a VPC placement`);
  return ctx.subnetIds(c.placement.vpcId, c.placement.tier);
}

/** Keeps only the characters EC2 accepts in security group and rule descriptions. */
export function ec2Description(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9. _\-:/()#,@[\]+=&;{}!$*]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 255) || 'archgen'
  );
}

/** A multi-line `jsonencode(...)` of a policy or definition document. */
export function jsonencode(value: unknown): Expr {
  return call('jsonencode', literal(value));
}

/** An EventBridge target's retry_policy block, as the lowering decided it. */
export function retryPolicy(retry: ResolvedEventRetry): BodyItem {
  return block(
    'retry_policy',
    [],
    [
      attr('maximum_retry_attempts', num(retry.maximumRetryAttempts)),
      attr('maximum_event_age_in_seconds', num(retry.maximumEventAgeSeconds)),
    ],
  );
}

/** The key policy of aws_kms_key.<name> (a created or a drawn key): the statements as JSON. */
export function keyPolicy(name: string, statements: unknown[]): Block {
  return block(
    'resource',
    ['aws_kms_key_policy', name],
    [
      skip('CKV_AWS_109', 'in a key policy, Resource "*" means this key'),
      skip('CKV_AWS_111', 'in a key policy, Resource "*" means this key'),
      skip('CKV_AWS_356', 'in a key policy, Resource "*" means this key'),
      attr('key_id', ref(`aws_kms_key.${name}.id`)),
      attr('policy', jsonencode({ Version: '2012-10-17', Statement: statements })),
    ],
  );
}

/** An EFS file system's mount targets (emitters/efs.ts): Lambda and ECS refuse a file system without them. */
export function efsMountTargets(ctx: TfContext, fileSystemId: string): Expr {
  return ref(`aws_efs_mount_target.${ctx.component(fileSystemId).names.tfName}`);
}

/** The address of an EFS file system's access point number `part` (0-based), as emitters/efs.ts names it. */
export function efsAccessPointAddress(fileSystemName: string, part: number): string {
  return `aws_efs_access_point.${fileSystemName}_ap${part + 1}`;
}
