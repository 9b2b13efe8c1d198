/**
 * EFS file system: AWS::EFS::FileSystem (modes, encryption, IA transition as the lowering decided,
 * the backup policy per environment), an AWS::EFS::MountTarget in each subnet of its tier with its
 * security group, and an AWS::EFS::AccessPoint per resolved access point.
 */
import { requireResolved } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';
import { deletionPolicies, efsAccessPointId, efsMountTargetIds } from './common.ts';

export const efsEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    id: (id) => ref(id),
    accessPointArn: (id, _c, _ctx, reference) => getAtt(efsAccessPointId(id, reference?.part ?? 0), 'Arn'),
  },
  emit(fs, ctx) {
    const decided = requireResolved(fs.fileSystem, fs, 'file system');
    const vpcId = requireResolved(fs.placement ?? undefined, fs, 'placement').vpcId;
    const id = fs.names.logicalId;
    ctx.template.addResource(id, {
      Type: 'AWS::EFS::FileSystem',
      ...deletionPolicies(fs),
      Metadata: ctx.metadata(fs.acknowledgements),
      Properties: {
        PerformanceMode: decided.performanceMode,
        ThroughputMode: decided.throughputMode,
        ProvisionedThroughputInMibps:
          decided.throughputMode === 'provisioned' ? ctx.value(fs, 'provisionedThroughputMibps') : undefined,
        Encrypted: decided.encrypted,
        KmsKeyId: decided.keyId ? ctx.attribute(decided.keyId, 'arn') : undefined,
        LifecyclePolicies: decided.transitionToIa ? [{ TransitionToIA: decided.transitionToIa }] : undefined,
        BackupPolicy: { Status: ctx.value(fs, 'backupStatus') },
        FileSystemTags: ctx.tags(fs.names.display),
      },
    });
    const subnets = ctx.subnetIds(vpcId, decided.tier);
    efsMountTargetIds(ctx, fs).forEach((mountTarget, i) =>
      ctx.template.addResource(mountTarget, {
        Type: 'AWS::EFS::MountTarget',
        Properties: {
          FileSystemId: ref(id),
          SubnetId: subnets[i]!,
          SecurityGroups: ctx.securityGroupIds(fs),
        },
      }),
    );
    decided.accessPoints.forEach((ap, i) =>
      ctx.template.addResource(efsAccessPointId(id, i), {
        Type: 'AWS::EFS::AccessPoint',
        Properties: {
          FileSystemId: ref(id),
          PosixUser: { Uid: String(ap.uid), Gid: String(ap.gid) },
          RootDirectory: {
            Path: ap.path,
            CreationInfo: {
              OwnerUid: String(ap.uid),
              OwnerGid: String(ap.gid),
              Permissions: ap.permissions,
            },
          },
          AccessPointTags: ctx.tags(`${fs.names.display} ${ap.path}`),
        },
      }),
    );
  },
};
