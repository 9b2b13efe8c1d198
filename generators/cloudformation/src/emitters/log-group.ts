/**
 * CloudWatch log group with retention (CW-01), optionally KMS-encrypted with its own key. An EKS
 * cluster writes to a fixed name, so its log group is created under that name before the cluster.
 */
import type { ComponentEmitter } from '../context.ts';
import { join, ref, sub } from '../template/intrinsics.ts';
import { componentKey, eksClusterName } from './relationships.ts';

export const logGroupEmitter: ComponentEmitter = {
  references: {
    // GetAtt Arn ends in ":*"; the graph's "arn" is the log group itself (suffixes add ":*").
    arn: (id) => sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:\${${id}}`),
    name: (id) => ref(id),
  },
  emit(group, ctx) {
    const id = group.names.logicalId;
    const owner = ctx.componentsReferencing('logGroupId', group.id)[0];
    const key = componentKey(ctx, group, { services: [sub('logs.${AWS::Region}.amazonaws.com')] });
    ctx.template.addResource(
      id,
      {
        Type: 'AWS::Logs::LogGroup',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Metadata: ctx.metadata(group.acknowledgements, [
          {
            id: 'CNAG W84',
            reason:
              'Log data is encrypted by CloudWatch Logs; a customer key is a design option (kmsEncryption)',
          },
        ]),
        Properties: {
          LogGroupName:
            owner?.type === 'eks' ? join('', ['/aws/eks/', eksClusterName(owner), '/cluster']) : undefined,
          RetentionInDays: ctx.value(group, 'retentionDays'),
          KmsKeyId: key ? ctx.choose(key.used, key.arn, undefined) : undefined,
          Tags: ctx.tags(group.names.display),
        },
      },
      group.derived?.reason,
    );
  },
};
