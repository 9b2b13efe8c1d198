/**
 * AWS::EFS::FileSystem -> efs: modes, encryption, the move to Infrequent Access, automatic
 * backups, and the access points (AWS::EFS::AccessPoint naming it, in source order). AWS
 * defaults: general purpose, bursting, not encrypted, no lifecycle, no automatic backups.
 */
import type { PropertyValue } from '@archgen/model';
import {
  bool,
  deep,
  list,
  num,
  obj,
  onDelete,
  onInProduction,
  props,
  str,
  type ReadContext,
  type Reader,
} from './values.ts';

function accessPoint(ctx: ReadContext, ap: Record<string, unknown>): PropertyValue {
  const user = obj(deep(ctx, ap.PosixUser));
  const root = obj(deep(ctx, ap.RootDirectory));
  const creation = obj(root.CreationInfo);
  return props({
    path: str(ctx, root.Path) ?? '/',
    uid: num(ctx, user.Uid ?? creation.OwnerUid),
    gid: num(ctx, user.Gid ?? creation.OwnerGid),
    permissions: str(ctx, creation.Permissions),
  });
}

export const efs: Reader = (p, ctx) => {
  const transition = list(deep(ctx, p.LifecyclePolicies))
    .map((x) => str(ctx, obj(x).TransitionToIA))
    .find((x) => x !== undefined);
  const backups = str(ctx, obj(deep(ctx, p.BackupPolicy)).Status);
  const throughput = str(ctx, p.ThroughputMode) ?? 'bursting';
  return props({
    performanceMode: str(ctx, p.PerformanceMode) ?? 'generalPurpose',
    throughputMode: throughput,
    provisionedThroughputMibps:
      throughput === 'provisioned' ? num(ctx, p.ProvisionedThroughputInMibps) : undefined,
    encrypted: bool(ctx, p.Encrypted) ?? false,
    transitionToIa: transition ?? 'NONE',
    automaticBackups: onInProduction(ctx, backups === 'ENABLED'),
    accessPoints: ctx.referrers(ctx.id, 'AWS::EFS::AccessPoint').map((ap) => accessPoint(ctx, ap.props)),
    onDelete: onDelete(ctx, false),
  });
};
