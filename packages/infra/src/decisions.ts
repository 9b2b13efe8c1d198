/**
 * AWS details every target must print the same way, decided once per component and environment:
 * which key encrypts data at rest, whether a database is public, which web ACL guards a front door
 * and how often a message is received before it is dead-lettered. Generators map these to their
 * language; they never fall back to catalog defaults or decide them again.
 */
import type { LowerContext } from './context.ts';
import type {
  EncryptionKind,
  EnvValue,
  ResolvedComponent,
  ResolvedEncryption,
  ResolvedWebAcl,
  WebAclRuleGroup,
} from './types.ts';
import type { PropertyValue } from '@archgen/model';

/** AWS managed rule groups of every web ACL: common exploits (OWASP top 10) and known-bad inputs. */
export const WEB_ACL_RULE_GROUPS: readonly WebAclRuleGroup[] = [
  { vendor: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
  { vendor: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' },
];

/** Days KMS waits before deleting a customer managed key (the maximum, to undo a mistake). */
export const KEY_DELETION_WINDOW_DAYS = 30;

/** CloudFront only accepts web ACLs created in us-east-1. */
const CLOUDFRONT_ACL_REGION = 'us-east-1';

/** Each encrypted type: the property that chooses, how a value maps to a key kind, and the key's service. */
const ENCRYPTION: Record<
  string,
  { key: string; kind: (v: PropertyValue) => EncryptionKind; viaService: 'sqs' | 's3' | 'sns' | 'logs' }
> = {
  // "kms" is the catalog's "Customer managed KMS key": never the AWS managed aws/sqs or aws/s3.
  sqs: { key: 'encryption', kind: (v) => (v === 'kms' ? 'customer-managed' : 'service'), viaService: 'sqs' },
  s3: { key: 'encryption', kind: (v) => (v === 'kms' ? 'customer-managed' : 'service'), viaService: 's3' },
  // CloudWatch and EventBridge cannot publish to a topic under aws/sns, so KMS means a created key.
  sns: { key: 'kmsEncryption', kind: (v) => (v === true ? 'customer-managed' : 'none'), viaService: 'sns' },
  'log-group': {
    key: 'kmsEncryption',
    kind: (v) => (v === true ? 'customer-managed' : 'service'),
    viaService: 'logs',
  },
};

function mapEnv<T extends PropertyValue>(
  ctx: LowerContext,
  value: EnvValue | undefined,
  map: (v: PropertyValue) => T,
): EnvValue<T> {
  return ctx.envValue(ctx.envs.map((env) => map(value?.byEnv[env] ?? null)));
}

function encryptionOf(ctx: LowerContext, component: ResolvedComponent): ResolvedEncryption | undefined {
  const spec = ENCRYPTION[component.type];
  if (!spec) return undefined;
  const kind = mapEnv(ctx, component.props[spec.key], spec.kind);
  const customer = Object.values(kind.byEnv).includes('customer-managed');
  return {
    kind,
    ...(customer
      ? {
          key: {
            description: `Encrypts ${component.names.display}`,
            enableKeyRotation: true as const,
            deletionWindowDays: KEY_DELETION_WINDOW_DAYS,
            viaService: spec.viaService,
          },
        }
      : {}),
  };
}

function webAclOf(ctx: LowerContext, component: ResolvedComponent): ResolvedWebAcl | undefined {
  if (component.type !== 'cloudfront' && component.type !== 'alb') return undefined;
  const enabled = mapEnv(ctx, component.props.waf, (v) => v === true);
  if (!Object.values(enabled.byEnv).includes(true)) return undefined;
  const cloudfront = component.type === 'cloudfront';
  return {
    scope: cloudfront ? 'CLOUDFRONT' : 'REGIONAL',
    enabled,
    source: cloudfront && ctx.design.region !== CLOUDFRONT_ACL_REGION ? 'external' : 'stack',
    ruleGroups: WEB_ACL_RULE_GROUPS.map((g) => ({ ...g })),
  };
}

export function lowerDecisions(ctx: LowerContext): void {
  for (const component of ctx.orderedComponents()) {
    const encryption = encryptionOf(ctx, component);
    if (encryption) component.encryption = encryption;
    const webAcl = webAclOf(ctx, component);
    if (webAcl) component.webAcl = webAcl;
    // The catalog offers the choice on RDS only; Aurora clusters are never given a public address.
    if (component.type === 'rds')
      component.publiclyAccessible = mapEnv(ctx, component.props.publiclyAccessible, (v) => v === true);
    else if (component.type === 'aurora') component.publiclyAccessible = ctx.constant(false);
    // Tables keep their data: deletion protection, and SSE under the AWS managed aws/dynamodb
    // key (CloudTrail records its use) rather than the key DynamoDB owns.
    if (component.type === 'dynamodb') {
      component.encryption = { kind: ctx.constant('aws-managed') };
      component.deletionProtection = ctx.constant(true);
    }
    if (component.type === 'sqs' && component.deadLetterQueueId)
      component.maxReceiveCount = mapEnv(ctx, component.props.maxReceiveCount, (v) => {
        if (typeof v !== 'number') throw new Error(`Queue "${component.id}" has no maxReceiveCount`);
        return v;
      });
  }
}
