/**
 * Account audit basics: CloudTrail trails (cloudtrail nodes) and AWS Config recorders
 * (config-recorder nodes). Each writes to a bucket: the first s3 it writes to (by connection id),
 * else a private, versioned, access-logged log bucket made here with a lifecycle that moves old
 * files to Glacier. The bucket's policy admits the service (`ResolvedComponent.logDeliveries`).
 * A trail with CloudWatch Logs writes to the first log group it is connected to, else its own
 * (derived.ts), through a role CloudTrail assumes; a recorder's role has AWS_ConfigRole and may
 * deliver to its bucket. Decided once here for every target.
 */
import { CONFIG_MANAGED_RULES } from '@archgen/model';
import type { LowerContext } from './context.ts';
import { derivedComponent } from './derived.ts';
import { addGrant, grantRoleId } from './iam.ts';
import type { ResolvedComponent, ResolvedLogDelivery } from './types.ts';

/** Days before log files move to Glacier Flexible Retrieval; they are kept (audit evidence). */
export const AUDIT_LOG_GLACIER_DAYS = 90;

const byId = <T extends { id: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Where a trail or recorder the design connects to no bucket writes. */
function logBucket(ctx: LowerContext, owner: ResolvedComponent, what: string): ResolvedComponent {
  return ctx.addComponent(
    derivedComponent(
      ctx,
      {
        id: `${owner.id}.bucket`,
        type: 's3',
        names: ctx.derivedNames(owner.names, 'Bucket', `${owner.names.display} log files`),
        from: owner.id,
        nodeId: owner.id,
        reason: `${what} needs a bucket: private, versioned, access-logged, old files in Glacier`,
      },
      {
        versioned: ctx.constant(true),
        encryption: ctx.constant('s3-managed'),
        blockPublicAccess: ctx.constant(true),
        enforceTls: ctx.constant(true),
        accessLogs: ctx.constant(true),
        transitionToGlacierDays: ctx.constant(AUDIT_LOG_GLACIER_DAYS),
      },
    ),
    owner.id,
  );
}

function deliveryBucket(ctx: LowerContext, owner: ResolvedComponent, what: string): ResolvedComponent {
  const connection = byId(ctx.outgoing.get(owner.id) ?? []).find(
    (c) => c.kind === 'write' && ctx.component(c.to)?.type === 's3',
  );
  return connection ? ctx.component(connection.to)! : logBucket(ctx, owner, what);
}

function admit(bucket: ResolvedComponent, delivery: ResolvedLogDelivery): void {
  bucket.logDeliveries = [...(bucket.logDeliveries ?? []), delivery];
}

/** The recorder's rules: known identifiers, first occurrence kept. */
function configRules(value: unknown): string[] {
  const ids = (Array.isArray(value) ? value : [])
    .map((r) =>
      r && typeof r === 'object' && !Array.isArray(r) ? (r as { rule?: unknown }).rule : undefined,
    )
    .filter((id): id is string => typeof id === 'string' && id in CONFIG_MANAGED_RULES);
  return [...new Set(ids)];
}

/** Run after the connection grants and wiring, before key grants and the roles' statements. */
export function lowerAudit(ctx: LowerContext): void {
  const first = ctx.envs[0]!;
  for (const node of ctx.nodes) {
    const component = ctx.component(node.id);
    if (!component) continue;
    if (node.type === 'cloudtrail') {
      const bucket = deliveryBucket(ctx, component, 'A CloudTrail trail');
      const prefix = component.names.slug;
      admit(bucket, { service: 'cloudtrail', sourceId: component.id, prefix });
      const logsRoleId = grantRoleId(component);
      if (logsRoleId) {
        // A drawn log group replaces the one derived.ts would make (it makes none when one is drawn).
        const drawn = byId(ctx.outgoing.get(node.id) ?? []).find(
          (c) => c.kind === 'write' && ctx.component(c.to)?.type === 'log-group',
        );
        if (drawn) component.logGroupId = drawn.to;
        const logGroup = component.logGroupId ? ctx.component(component.logGroupId) : undefined;
        if (logGroup) addGrant(ctx, component, logGroup, 'write-logs', drawn?.id);
      }
      component.trail = {
        bucketId: bucket.id,
        prefix,
        ...(logsRoleId && component.logGroupId ? { logsRoleId } : {}),
        s3DataEvents: component.props.s3DataEvents?.byEnv[first] === true,
        lambdaDataEvents: component.props.lambdaDataEvents?.byEnv[first] === true,
      };
    }
    if (node.type === 'config-recorder') {
      const roleId = grantRoleId(component);
      if (!roleId) continue;
      const bucket = deliveryBucket(ctx, component, 'An AWS Config recorder');
      const prefix = component.names.slug;
      admit(bucket, { service: 'config', sourceId: component.id, prefix });
      addGrant(ctx, component, bucket, 'deliver');
      component.configRecorder = {
        bucketId: bucket.id,
        prefix,
        roleId,
        rules: configRules(component.props.rules?.byEnv[first]),
      };
    }
  }
}
