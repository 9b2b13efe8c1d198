/**
 * MSK cluster: brokers in the subnets of its tier with its security group, the authentication,
 * encryption and broker count the lowering decided, broker logs to its log group. Topic and group
 * ARNs are the cluster's ARN with ":cluster/" read as ":topic/" or ":group/". With SASL/SCRAM,
 * the association of its credentials secret (the secret and its key are their own components).
 */
import { requireResolved } from '@archgen/infra';
import { attr, block, call, list, literal, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

const sibling = (name: string, kind: string) =>
  call('replace', ref(`aws_msk_cluster.${name}.arn`), str(':cluster/'), str(`:${kind}/`));

export const mskClusterEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_msk_cluster.${name}.arn`),
    name: (name) => ref(`aws_msk_cluster.${name}.cluster_name`),
    id: (name) => ref(`aws_msk_cluster.${name}.id`),
    topicArn: (name) => sibling(name, 'topic'),
    groupArn: (name) => sibling(name, 'group'),
  },
  emit(c, ctx) {
    const decided = requireResolved(c.mskCluster, c, 'MSK cluster');
    const vpcId = requireResolved(c.placement ?? undefined, c, 'placement').vpcId;
    ctx.add(
      'data.tf',
      ctx.resource('aws_msk_cluster', c.names.tfName, c, [
        attr('cluster_name', ctx.physicalName(c.names.slug, 64)),
        attr('kafka_version', ctx.prop(c, 'kafkaVersion')),
        attr('number_of_broker_nodes', literal(decided.brokerNodes)),
        block(
          'broker_node_group_info',
          [],
          [
            attr('instance_type', ctx.prop(c, 'instanceType')),
            attr('client_subnets', ctx.subnetIds(vpcId, decided.tier)),
            attr('security_groups', list([ctx.securityGroupOf(c)])),
            block(
              'storage_info',
              [],
              [block('ebs_storage_info', [], [attr('volume_size', ctx.prop(c, 'storageGb'))])],
            ),
          ],
        ),
        block(
          'encryption_info',
          [],
          [
            block(
              'encryption_in_transit',
              [],
              [attr('client_broker', str(decided.encryptionInTransit)), attr('in_cluster', literal(true))],
            ),
          ],
        ),
        block(
          'client_authentication',
          [],
          decided.clientAuth === 'unauthenticated'
            ? [attr('unauthenticated', literal(true))]
            : [block('sasl', [], [attr(decided.clientAuth, literal(true))])],
        ),
        block(
          'logging_info',
          [],
          [
            block(
              'broker_logs',
              [],
              [
                block(
                  'cloudwatch_logs',
                  [],
                  c.logGroupId
                    ? [attr('enabled', literal(true)), attr('log_group', ctx.attribute(c.logGroupId, 'name'))]
                    : [attr('enabled', literal(false))],
                ),
              ],
            ),
          ],
        ),
        tags(c.names.display),
      ]),
    );
    if (decided.scram) {
      const secret = ctx.component(decided.scram.secretId);
      ctx.add(
        'data.tf',
        block(
          'resource',
          ['aws_msk_scram_secret_association', decided.scram.association.tfName],
          [
            attr('cluster_arn', ref(`aws_msk_cluster.${c.names.tfName}.arn`)),
            attr('secret_arn_list', list([ctx.attribute(secret.id, 'arn')])),
            // MSK checks the secret's value when it is associated.
            attr('depends_on', list([ref(`aws_secretsmanager_secret_version.${secret.names.tfName}`)])),
          ],
        ),
      );
    }
  },
};
