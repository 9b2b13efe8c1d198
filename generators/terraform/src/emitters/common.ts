/** Small helpers the service emitters share: scanner skips, physical names, tags, permissions. */
import type { ResolvedComponent } from '@archgen/infra';
import {
  type BodyItem,
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
import { NAME_TAG_KEY } from '@archgen/infra';

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
  eks: (ctx: TfContext, c: ResolvedComponent) => ctx.physicalName(c.names.slug, 100),
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
 * A customer managed key that the given AWS services may use, for topics and queues they send
 * to (the AWS managed aws/sns and aws/sqs keys cannot grant that). The account id comes from
 * the key's own ARN in a separate key policy, so plan needs no AWS lookup.
 */
export function serviceKey(
  ctx: TfContext,
  name: string,
  display: string,
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
  const arnPart = (i: number) => index(call('split', str(':'), ref(`aws_kms_key.${name}.arn`)), num(i));
  ctx.add(
    'security.tf',
    block(
      'resource',
      ['aws_kms_key', name],
      [
        attr('description', str(`Encrypts ${display}`.slice(0, 8192))),
        attr('enable_key_rotation', literal(true)),
        attr('deletion_window_in_days', num(30)),
        tags(display),
      ],
    ),
    block(
      'resource',
      ['aws_kms_key_policy', name],
      [
        skip('CKV_AWS_109', 'in a key policy, Resource "*" means this key'),
        skip('CKV_AWS_111', 'in a key policy, Resource "*" means this key'),
        skip('CKV_AWS_356', 'in a key policy, Resource "*" means this key'),
        attr('key_id', ref(`aws_kms_key.${name}.id`)),
        attr(
          'policy',
          jsonencode({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'AccountAdministersKey',
                Effect: 'Allow',
                Principal: { AWS: tpl('arn:', arnPart(1), ':iam::', arnPart(4), ':root') },
                Action: 'kms:*',
                Resource: '*',
              },
              {
                Sid: 'ServicesEncrypt',
                Effect: 'Allow',
                Principal: { Service: services.length === 1 ? services[0] : services },
                Action: use.actions,
                Resource: '*',
                Condition: use.condition({ partition: arnPart(1), region: arnPart(3), account: arnPart(4) }),
              },
            ],
          }),
        ),
      ],
    ),
  );
  return ref(`aws_kms_key.${name}.arn`);
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
