/**
 * Bastion host: an aws_instance in the first subnet of its tier, from a launch template whose
 * image is AWS's public SSM parameter for the latest Amazon Linux 2023 (EC2 resolves it at launch,
 * so plan makes no lookup and the instance is not replaced when a new AMI appears). IMDSv2 only,
 * encrypted gp3 root volume, the lowering's security group (no ingress) and instance profile.
 */
import { BASTION_ROOT_DEVICE } from '@archgen/infra';
import { attr, block, ref, str, list } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { hardenedLaunchTemplateBlocks, tags } from './common.ts';

export const bastionEmitter: ComponentEmitter = {
  references: {
    id: (name) => ref(`aws_instance.${name}.id`),
    arn: (name) => ref(`aws_instance.${name}.arn`),
  },
  emit(c, ctx) {
    if (!c.placement) throw new Error(`bastion "${c.id}" needs a VPC placement`);
    const vpc = ctx.graph.vpcs.find((v) => v.id === c.placement!.vpcId);
    if (!vpc) throw new Error(`bastion "${c.id}" is in an unknown VPC`);
    const t = c.names.tfName;
    const role = ctx.role(c, 'instance');
    ctx.add(
      'compute.tf',
      block(
        'resource',
        ['aws_launch_template', t],
        [
          attr('name', ctx.physicalName(c.names.slug, 128)),
          attr(
            'image_id',
            ctx.prop(c, 'imageParameter', (v) => `resolve:ssm:${String(v)}`, `${t}_image_id`),
          ),
          attr('instance_type', ctx.prop(c, 'instanceType')),
          attr('vpc_security_group_ids', list([ctx.securityGroupOf(c)])),
          hardenedLaunchTemplateBlocks(role.names.tfName, BASTION_ROOT_DEVICE, ctx.prop(c, 'volumeSizeGb')),
          block('tag_specifications', [], [attr('resource_type', str('volume')), tags(c.names.display)]),
          tags(c.names.display),
        ],
      ),
      ctx.resource('aws_instance', t, c, [
        // One instance: the tier's first subnet, as CDK's ec2.Instance picks it.
        attr('subnet_id', ref(`aws_subnet.${vpc.names.tfName}_${c.placement.tier}[0].id`)),
        block(
          'launch_template',
          [],
          [
            attr('id', ref(`aws_launch_template.${t}.id`)),
            attr('version', ref(`aws_launch_template.${t}.latest_version`)),
          ],
        ),
        tags(c.names.display),
      ]),
    );
    ctx.output(
      `${t}_instance_id`,
      ref(`aws_instance.${t}.id`),
      `Start a session: aws ssm start-session --target <this id> ("${c.names.display}")`,
    );
  },
};
