/**
 * EFS file system: aws_efs_file_system (modes, encryption, IA transition as the lowering decided),
 * aws_efs_mount_target in each subnet of its tier with its security group, aws_efs_access_point
 * per resolved access point, and aws_efs_backup_policy whose status differs per environment.
 */
import { requireResolved } from '@archgen/infra';
import { attr, block, call, list, literal, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { efsAccessPointAddress, protectionLifecycle, tags } from './common.ts';

const fileSystem = (name: string) => `aws_efs_file_system.${name}`;

export const efsEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`${fileSystem(name)}.arn`),
    id: (name) => ref(`${fileSystem(name)}.id`),
    accessPointArn: (name, _c, _ctx, reference) =>
      ref(`${efsAccessPointAddress(name, reference?.part ?? 0)}.arn`),
  },
  emit(c, ctx) {
    const decided = requireResolved(c.fileSystem, c, 'file system');
    const vpcId = requireResolved(c.placement ?? undefined, c, 'placement').vpcId;
    const t = c.names.tfName;
    const subnets = ctx.subnetIds(vpcId, decided.tier);
    ctx.add(
      'data.tf',
      ctx.resource('aws_efs_file_system', t, c, [
        attr('creation_token', ctx.physicalName(c.names.slug, 64)),
        attr('performance_mode', str(decided.performanceMode)),
        attr('throughput_mode', str(decided.throughputMode)),
        decided.throughputMode === 'provisioned'
          ? attr('provisioned_throughput_in_mibps', ctx.prop(c, 'provisionedThroughputMibps'))
          : undefined,
        attr('encrypted', literal(decided.encrypted)),
        decided.keyId ? attr('kms_key_id', ctx.attribute(decided.keyId, 'arn')) : undefined,
        decided.transitionToIa
          ? block('lifecycle_policy', [], [attr('transition_to_ia', str(decided.transitionToIa))])
          : undefined,
        tags(c.names.display),
        protectionLifecycle(c),
      ]),
      block(
        'resource',
        ['aws_efs_backup_policy', t],
        [
          attr('file_system_id', ref(`${fileSystem(t)}.id`)),
          block('backup_policy', [], [attr('status', ctx.prop(c, 'backupStatus'))]),
        ],
      ),
      // One mount target in each AZ: the tier's subnets, in AZ order.
      block(
        'resource',
        ['aws_efs_mount_target', t],
        [
          attr('count', call('length', subnets)),
          attr('file_system_id', ref(`${fileSystem(t)}.id`)),
          attr('subnet_id', call('element', subnets, ref('count.index'))),
          attr('security_groups', list([ctx.securityGroupOf(c)])),
        ],
      ),
      ...decided.accessPoints.map((ap, i) =>
        block('resource', efsAccessPointAddress(t, i).split('.') as [string, string], [
          attr('file_system_id', ref(`${fileSystem(t)}.id`)),
          block('posix_user', [], [attr('uid', literal(ap.uid)), attr('gid', literal(ap.gid))]),
          block(
            'root_directory',
            [],
            [
              attr('path', str(ap.path)),
              block(
                'creation_info',
                [],
                [
                  attr('owner_uid', literal(ap.uid)),
                  attr('owner_gid', literal(ap.gid)),
                  attr('permissions', str(ap.permissions)),
                ],
              ),
            ],
          ),
          tags(`${c.names.display} ${ap.path}`),
        ]),
      ),
    );
  },
};
