/**
 * AWS details every target must print the same way, decided once per component and environment:
 * which key encrypts data at rest, whether a database is public, which web ACL guards a front door
 * and how often a message is received before it is dead-lettered. Generators map these to their
 * language; they never fall back to catalog defaults or decide them again.
 */
import type { LowerContext } from './context.ts';
import { albLogDeliveryIn } from './aws.ts';
import { drawnKeyOf } from './keys.ts';
import { taskScalingOf } from './task-scaling.ts';
import type {
  ResolvedAccessLogBucket,
  ResolvedCapacityProviders,
  EncryptionKind,
  EnvValue,
  ResolvedComponent,
  ResolvedEncryption,
  ResolvedWebAcl,
  WebAclRuleGroup,
} from './types.ts';
import { environmentRegion, getService, type PropertyValue } from '@archgen/model';

/** AWS managed rule groups of every web ACL: common exploits (OWASP top 10) and known-bad inputs. */
export const WEB_ACL_RULE_GROUPS: readonly WebAclRuleGroup[] = [
  { vendor: 'AWS', name: 'AWSManagedRulesCommonRuleSet' },
  { vendor: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' },
];

/** Days KMS waits before deleting a customer managed key (the maximum, to undo a mistake). */
export const KEY_DELETION_WINDOW_DAYS = 30;

/** Keys decisions.ts adds to a component's `props`, read by every target like catalog properties. */
export const DECIDED_PROPS = {
  /** s3: days an overwritten or deleted version is kept (0 = no such rule). */
  noncurrentVersionExpirationDays: 'noncurrentVersionExpirationDays',
  /**
   * athena-workgroup: the per-query scan limit in bytes, null for none (the design's 0 GB).
   * Athena's smallest limit is 10 MB.
   */
  bytesScannedCutoffBytes: 'bytesScannedCutoffBytes',
  /** bastion: the public SSM parameter naming its AMI (bastions.ts). */
  imageParameter: 'imageParameter',
  /** efs: 'ENABLED' or 'DISABLED', its automatic backups (efs.ts; on in production by default). */
  backupStatus: 'backupStatus',
  /**
   * step-functions: whether its logs carry each execution's input and output (wherever it logs
   * at all), so a failed execution can be read from the logs alone.
   */
  includeExecutionData: 'includeExecutionData',
} as const;

/** What each decided property is, as catalog properties have a label. */
const DECIDED_PROP_LABELS: Readonly<Record<string, string>> = {
  [DECIDED_PROPS.noncurrentVersionExpirationDays]: 'Days old versions are kept',
  [DECIDED_PROPS.bytesScannedCutoffBytes]: 'Scan limit per query in bytes',
  [DECIDED_PROPS.imageParameter]: 'AMI (SSM parameter)',
  [DECIDED_PROPS.backupStatus]: 'Automatic backups',
  [DECIDED_PROPS.includeExecutionData]: 'Logs include execution data',
};

/** A property's label: the catalog's, or what the lowering's decided property is; else its key. */
export function propertyLabel(type: string, key: string): string {
  return getService(type)?.properties.find((p) => p.key === key)?.label ?? DECIDED_PROP_LABELS[key] ?? key;
}

/**
 * An Auto Scaling group on Spot (useSpot): every instance from Spot, from the pools least likely
 * to be interrupted at the lowest price. Without Spot, every instance is on demand.
 */
export const ASG_SPOT_DISTRIBUTION = {
  onDemandBaseCapacity: 0,
  onDemandPercentageAboveBaseCapacity: 0,
  spotAllocationStrategy: 'price-capacity-optimized',
} as const;

/** Athena refuses a per-query scan limit under 10 MB. */
export const ATHENA_MIN_CUTOFF_BYTES = 10_485_760;

/**
 * Deleting a workgroup keeps failing while it holds saved queries: nothing here deletes them with
 * it (CDK's RecursiveDeleteOption true, the templates' false and Terraform's force_destroy false
 * used to disagree).
 */
export const ATHENA_RECURSIVE_DELETE = false;

/** A versioned bucket keeps old versions 90 days: long enough to undo, bounded in cost (S3-03). */
export const NONCURRENT_VERSION_DAYS = 90;

/** Access logs: kept a year, old versions a month, stalled uploads a week. */
export const ACCESS_LOG_LIFECYCLE: ResolvedAccessLogBucket['lifecycle'] = {
  abortIncompleteUploadDays: 7,
  expirationDays: 365,
  noncurrentExpirationDays: 30,
};

/** Spot keeps one task on demand so the service survives a Spot reclaim, the rest 3:1 on Spot. */
export const FARGATE_SPOT_SPLIT = { onDemandBase: 1, onDemandWeight: 1, spotWeight: 3 } as const;

/** CloudFront only accepts web ACLs created in us-east-1. */
const CLOUDFRONT_ACL_REGION = 'us-east-1';

/** Each encrypted type: the property that chooses, how a value maps to a key kind, and the key's service. */
const ENCRYPTION: Record<
  string,
  {
    key: string;
    kind: (v: PropertyValue) => EncryptionKind;
    viaService: 'sqs' | 's3' | 'sns' | 'logs' | 'elasticfilesystem';
  }
> = {
  // "kms" is the catalog's "Customer managed KMS key": never the AWS managed aws/sqs or aws/s3.
  sqs: { key: 'encryption', kind: (v) => (v === 'kms' ? 'customer-managed' : 'service'), viaService: 'sqs' },
  s3: { key: 'encryption', kind: (v) => (v === 'kms' ? 'customer-managed' : 'service'), viaService: 's3' },
  // CloudWatch and EventBridge cannot publish to a topic under aws/sns, so KMS means a created key.
  sns: { key: 'kmsEncryption', kind: (v) => (v === true ? 'customer-managed' : 'none'), viaService: 'sns' },
  // EFS under the AWS managed aws/elasticfilesystem key, or none (EFS-01); never a key of its own.
  efs: {
    key: 'encrypted',
    kind: (v) => (v === false ? 'none' : 'aws-managed'),
    viaService: 'elasticfilesystem',
  },
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

/**
 * Databases encrypt with the AWS managed aws/rds key and a trail's log files with S3's own
 * encryption unless connected to a drawn key.
 */
const DRAWN_KEY_ONLY = new Set(['aurora', 'rds', 'cloudtrail']);

function encryptionOf(ctx: LowerContext, component: ResolvedComponent): ResolvedEncryption | undefined {
  const spec = ENCRYPTION[component.type];
  if (!spec && !DRAWN_KEY_ONLY.has(component.type)) return undefined;
  // A drawn key the node connects to (encrypt-with) wins over the property, in every environment
  // (a database's storage is then encrypted whatever storageEncrypted says).
  const keyId = component.derived ? undefined : drawnKeyOf(ctx, component.id);
  if (keyId) return { kind: ctx.constant('customer-managed'), keyId };
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
    // External when an environment that attaches it deploys outside us-east-1 (graph.regions).
    source:
      cloudfront &&
      ctx.envs.some(
        (env) => enabled.byEnv[env] && environmentRegion(ctx.design, env) !== CLOUDFRONT_ACL_REGION,
      )
        ? 'external'
        : 'stack',
    ruleGroups: WEB_ACL_RULE_GROUPS.map((g) => ({ ...g })),
  };
}

const LOG_SOURCES: Record<string, ResolvedAccessLogBucket['deliveredBy']> = {
  s3: 's3',
  alb: 'alb',
  cloudfront: 'cloudfront',
};

function accessLogBucketOf(
  ctx: LowerContext,
  component: ResolvedComponent,
): ResolvedAccessLogBucket | undefined {
  const deliveredBy = LOG_SOURCES[component.type];
  if (!deliveredBy) return undefined;
  const enabled = mapEnv(ctx, component.props.accessLogs, (v) => v === true);
  if (!Object.values(enabled.byEnv).includes(true)) return undefined;
  return {
    enabled,
    logicalId: `${component.names.logicalId}LogBucket`,
    deliveredBy,
    prefix: deliveredBy === 'alb' ? component.names.slug : `${component.names.slug}/`,
    ...(deliveredBy === 'alb'
      ? {
          albLogDelivery: Object.fromEntries(
            ctx.envs.map((env) => [env, albLogDeliveryIn(environmentRegion(ctx.design, env))]),
          ),
        }
      : {}),
    encryption: 'SSE-S3',
    // CloudFront standard logging writes with ACLs, which BucketOwnerEnforced disables.
    objectOwnership: deliveredBy === 'cloudfront' ? 'BucketOwnerPreferred' : 'BucketOwnerEnforced',
    versioned: true,
    lifecycle: { ...ACCESS_LOG_LIFECYCLE },
  };
}

/**
 * An OpenSearch domain's zones per environment: one where it is not zone aware or has a single
 * node; three where the VPC has three zones and the node count divides by three; else two (the
 * count must then be even, OS-02). Data nodes must divide evenly across the zones.
 */
function openSearchZonesOf(ctx: LowerContext, component: ResolvedComponent): EnvValue<number> {
  const vpc = ctx.resolvedVpcs.find((v) => v.id === component.placement?.vpcId);
  return ctx.envValue(
    ctx.envs.map((env) => {
      const count = Number(component.props.instanceCount?.byEnv[env] ?? 1);
      if (component.props.zoneAwareness?.byEnv[env] !== true || count < 2) return 1;
      return (vpc?.azCount ?? 2) >= 3 && count % 3 === 0 ? 3 : 2;
    }),
  );
}

function capacityProvidersOf(ctx: LowerContext, component: ResolvedComponent): ResolvedCapacityProviders {
  return { spot: mapEnv(ctx, component.props.spot, (v) => v === true), ...FARGATE_SPOT_SPLIT };
}

export function lowerDecisions(ctx: LowerContext): void {
  for (const component of ctx.orderedComponents()) {
    const logBucket = accessLogBucketOf(ctx, component);
    if (logBucket) component.accessLogBucket = logBucket;
    if (component.type === 's3')
      component.props[DECIDED_PROPS.noncurrentVersionExpirationDays] = mapEnv(
        ctx,
        component.props.versioned,
        (v) => (v === true ? NONCURRENT_VERSION_DAYS : 0),
      );
    if (component.type === 'ecs-fargate') {
      component.capacityProviders = capacityProvidersOf(ctx, component);
      component.taskScaling = taskScalingOf(ctx, component);
    }
    if (component.type === 'step-functions')
      component.props[DECIDED_PROPS.includeExecutionData] = mapEnv(
        ctx,
        component.props.logLevel,
        (level) => level !== 'OFF',
      );
    if (component.type === 'opensearch') component.zoneCount = openSearchZonesOf(ctx, component);
    if (component.type === 'athena-workgroup') {
      component.resultsPrefix = `athena-results/${component.names.slug}/`;
      component.props[DECIDED_PROPS.bytesScannedCutoffBytes] = mapEnv(
        ctx,
        component.props.bytesScannedCutoffGb,
        (gb) =>
          typeof gb === 'number' && gb > 0
            ? Math.max(ATHENA_MIN_CUTOFF_BYTES, Math.round(gb * 1024 ** 3))
            : null,
      );
    }
    const encryption = encryptionOf(ctx, component);
    if (encryption) component.encryption = encryption;
    const webAcl = webAclOf(ctx, component);
    if (webAcl) component.webAcl = webAcl;
    // The catalog offers the choice on RDS only; Aurora clusters are never given a public address.
    if (component.type === 'rds')
      component.publiclyAccessible = mapEnv(ctx, component.props.publiclyAccessible, (v) => v === true);
    else if (component.type === 'aurora') component.publiclyAccessible = ctx.constant(false);
    // Tables use SSE under the AWS managed aws/dynamodb key (CloudTrail records its use) rather
    // than the key DynamoDB owns. Their deletion protection is protection.ts's, per environment.
    if (component.type === 'dynamodb') component.encryption = { kind: ctx.constant('aws-managed') };
    if (component.type === 'sqs' && component.deadLetterQueueId)
      component.maxReceiveCount = mapEnv(ctx, component.props.maxReceiveCount, (v) => {
        if (typeof v !== 'number') throw new Error(`Queue "${component.id}" has no maxReceiveCount`);
        return v;
      });
  }
}
