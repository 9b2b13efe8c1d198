/**
 * Drawn KMS keys (kms-key nodes): which components each encrypts (their encrypt-with
 * connections), the key policy (the account administers the key; the AWS services that write
 * for those components use it) and the IAM grants on the key for every role that reads or writes
 * one of them. Decided once here; every target prints the same key, alias, policy and grants.
 */
import type { LowerContext } from './context.ts';
import { addGrant } from './iam.ts';
import type { GrantAccess, KeyServicePrincipal, ResolvedComponent, ResolvedKmsKey } from './types.ts';

/** What the key policy lets the writing services do (CDK's grantEncryptDecrypt). */
export const KEY_SERVICE_ACTIONS: readonly string[] = [
  'kms:Decrypt',
  'kms:Encrypt',
  'kms:GenerateDataKey*',
  'kms:ReEncrypt*',
];

/** The key grant a role needs for its access to data encrypted with a drawn key; none for logs. */
const KEY_ACCESS: Partial<Record<GrantAccess, GrantAccess>> = {
  read: 'decrypt',
  consume: 'decrypt',
  query: 'decrypt',
  write: 'encrypt-decrypt',
  'read-write': 'encrypt-decrypt',
  publish: 'encrypt-decrypt',
  deliver: 'encrypt-decrypt',
  // CloudWatch Logs encrypts log events itself (the key policy admits it); writers need no kms:*.
};

/**
 * The drawn key a node is encrypted with: the target of its first (by id) encrypt-with connection
 * to a kms-key node, else undefined. Other encrypt-with connections of the node are ignored.
 */
export function drawnKeyOf(ctx: LowerContext, nodeId: string): string | undefined {
  return (ctx.outgoing.get(nodeId) ?? []).find(
    (c) => c.kind === 'encrypt-with' && ctx.nodesById.get(c.to)?.type === 'kms-key',
  )?.to;
}

/**
 * Grants on the drawn key for every grant on data it encrypts (a function reading a bucket gets
 * kms:Decrypt on the bucket's key). Run after every connection grant exists, before the roles'
 * statements are finished.
 */
export function lowerKeyGrants(ctx: LowerContext): void {
  for (const grant of [...ctx.grants]) {
    const keyId = drawnKeyOf(ctx, grant.targetId);
    const access = KEY_ACCESS[grant.access];
    const grantee = ctx.component(grant.granteeId);
    const key = keyId ? ctx.component(keyId) : undefined;
    if (!keyId || !access || !grantee || !key) continue;
    // EFS decrypts for its clients: mounting needs no kms:* of the client.
    if (ctx.component(grant.targetId)?.type === 'efs') continue;
    addGrant(ctx, grantee, key, access, grant.connectionId);
  }
}

/** The services that encrypt or decrypt for `component` with its key. */
function servicesFor(ctx: LowerContext, component: ResolvedComponent): KeyServicePrincipal[] {
  const global = (service: string): KeyServicePrincipal => ({ service, regional: false });
  switch (component.type) {
    case 'log-group':
      return [{ service: 'logs', regional: true }];
    // CloudWatch alarms and EventBridge publish to topics; they must be able to encrypt.
    case 'sns':
      return [global('cloudwatch'), global('events')];
    case 'sqs': {
      const services: KeyServicePrincipal[] = [];
      if (ctx.subscriptions.some((s) => s.subscriberId === component.id)) services.push(global('sns'));
      if (
        ctx.ruleTargets.some((t) => t.targetId === component.id || t.deadLetterQueueId === component.id) ||
        ctx.bucketNotifications.some((n) => n.targetId === component.id)
      )
        services.push(global('events'));
      return services;
    }
    case 's3':
      return ctx.routes.some((r) => r.kind === 'cloudfront-origin' && r.targetId === component.id)
        ? [global('cloudfront')]
        : [];
    // CloudTrail encrypts the log files it delivers (SSE-KMS with the trail's key).
    case 'cloudtrail':
      return [global('cloudtrail')];
    default:
      return [];
  }
}

/** Services that describe the key before they use it (CloudTrail checks the key on CreateTrail). */
const DESCRIBING_SERVICES: Readonly<Record<string, string>> = { cloudtrail: 'cloudtrail' };

/** Each kms-key component's key: rotation, deletion window, alias and policy. */
export function lowerDrawnKeys(ctx: LowerContext): void {
  for (const key of ctx.orderedComponents()) {
    if (key.type !== 'kms-key') continue;
    const usedBy = ctx
      .orderedComponents()
      .filter((c) => c.encryption?.keyId === key.id)
      .map((c) => c.id);
    const principals = new Map<string, KeyServicePrincipal>();
    for (const id of usedBy)
      for (const p of servicesFor(ctx, ctx.component(id)!)) principals.set(`${p.service}/${p.regional}`, p);
    const alias = key.props.alias?.byEnv[ctx.envs[0]!];
    const resolved: ResolvedKmsKey = {
      description: `${key.names.display}: customer managed key`,
      aliasSuffix: typeof alias === 'string' && alias !== '' ? alias : key.names.slug,
      enableKeyRotation: ctx.envValue(
        ctx.envs.map((env) => key.props.enableKeyRotation?.byEnv[env] !== false),
      ),
      pendingWindowDays: ctx.envValue(
        ctx.envs.map((env) => {
          const days = key.props.pendingWindowDays?.byEnv[env];
          return typeof days === 'number' ? days : 30;
        }),
      ),
      servicePrincipals: [...principals.values()].sort((a, b) =>
        a.service < b.service ? -1 : a.service > b.service ? 1 : 0,
      ),
      serviceActions: [...KEY_SERVICE_ACTIONS],
      describingServices: [
        ...new Set(usedBy.flatMap((id) => DESCRIBING_SERVICES[ctx.component(id)!.type] ?? [])),
      ]
        .sort()
        .map((service) => ({ service, regional: false })),
      usedBy,
    };
    key.kmsKey = resolved;
  }
}
