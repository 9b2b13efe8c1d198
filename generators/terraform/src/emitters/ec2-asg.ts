/**
 * EC2 Auto Scaling group from a launch template: IMDSv2 only, encrypted root volume, instance
 * profile, private subnets; spot through a mixed instances policy. The AMI is a variable so that
 * plan makes no AWS lookups (set it per environment in the tfvars).
 */
import { ASG_SPOT_DISTRIBUTION, isGraviton, type ResolvedComponent } from '@archgen/infra';
import { type BodyItem, attr, block, call, list, literal, num, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { hardenedLaunchTemplateBlocks, placementSubnets, tags } from './common.ts';
import { targetGroupName } from './relationships.ts';

const address = (c: ResolvedComponent) => `aws_autoscaling_group.${c.names.tfName}`;

export const ec2AsgEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_autoscaling_group.${name}.arn`),
    id: (name) => ref(`aws_autoscaling_group.${name}.id`),
    name: (name) => ref(`aws_autoscaling_group.${name}.name`),
  },
  emit(c, ctx) {
    const t = c.names.tfName;
    // The AMI's architecture follows each environment's instance type (Graviton: arm64).
    const archIn = (env: string) => (isGraviton(ctx.textIn(c, 'instanceType', env)) ? 'arm64' : 'x86_64');
    const arches = new Set(ctx.environments.map(archIn));
    const arch =
      arches.size === 1
        ? [...arches][0]!
        : ctx.environments.map((env) => `${archIn(env)} in ${env}`).join(', ');
    const ami = ctx.variable({
      name: `${t}_ami_id`,
      type: 'string',
      description: `AMI for ${c.names.display} (${arch}, e.g. the latest Amazon Linux 2023 for the region)`,
      byEnv: Object.fromEntries(ctx.environments.map((env) => [env, str('ami-00000000000000000')])),
      validation: {
        condition: call('can', call('regex', str('^ami-[0-9a-f]{8,17}$'), ref(`var.${t}_ami_id`))),
        message: 'The AMI id must look like ami-0123456789abcdef0.',
      },
    });
    const role = ctx.role(c, 'instance');
    const routes = ctx.graph.routes.filter((r) => r.kind === 'alb-target' && r.targetId === c.id);
    const launch: BodyItem = block(
      'mixed_instances_policy',
      [],
      [
        block(
          'instances_distribution',
          [],
          [
            attr('on_demand_base_capacity', num(ASG_SPOT_DISTRIBUTION.onDemandBaseCapacity)),
            // The lowering's Spot share where useSpot, 100 % on demand elsewhere.
            attr(
              'on_demand_percentage_above_base_capacity',
              ctx.prop(
                c,
                'useSpot',
                (v) => (v === true ? ASG_SPOT_DISTRIBUTION.onDemandPercentageAboveBaseCapacity : 100),
                `${t}_on_demand_percentage`,
              ),
            ),
            attr('spot_allocation_strategy', str(ASG_SPOT_DISTRIBUTION.spotAllocationStrategy)),
          ],
        ),
        block(
          'launch_template',
          [],
          [
            block(
              'launch_template_specification',
              [],
              [
                attr('launch_template_id', ref(`aws_launch_template.${t}.id`)),
                attr('version', ref(`aws_launch_template.${t}.latest_version`)),
              ],
            ),
          ],
        ),
      ],
    );
    ctx.add(
      'compute.tf',
      block(
        'resource',
        ['aws_launch_template', t],
        [
          attr('name', ctx.physicalName(c.names.slug, 128)),
          attr('image_id', ami),
          attr('instance_type', ctx.prop(c, 'instanceType')),
          attr('vpc_security_group_ids', list([ctx.securityGroupOf(c)])),
          attr('update_default_version', literal(true)),
          hardenedLaunchTemplateBlocks(role.names.tfName, '/dev/xvda', num(20)),
          block('tag_specifications', [], [attr('resource_type', str('instance')), tags(c.names.display)]),
          tags(c.names.display),
        ],
      ),
      ctx.resource('aws_autoscaling_group', t, c, [
        attr('name', ctx.physicalName(c.names.slug, 255)),
        attr('min_size', ctx.prop(c, 'minSize')),
        attr('max_size', ctx.prop(c, 'maxSize')),
        attr('desired_capacity', ctx.prop(c, 'desiredCapacity')),
        attr('vpc_zone_identifier', placementSubnets(ctx, c)),
        routes.length > 0 &&
          attr(
            'target_group_arns',
            list(routes.map((r) => ref(`aws_lb_target_group.${targetGroupName(ctx, r)}.arn`))),
          ),
        attr('health_check_type', str(routes.length > 0 ? 'ELB' : 'EC2')),
        attr('health_check_grace_period', num(120)),
        launch,
        block(
          'instance_refresh',
          [],
          [
            attr('strategy', str('Rolling')),
            block('preferences', [], [attr('min_healthy_percentage', num(50))]),
          ],
        ),
        block(
          'tag',
          [],
          [
            attr('key', str('Name')),
            attr('value', str(c.names.display)),
            attr('propagate_at_launch', literal(true)),
          ],
        ),
      ]),
    );
    ctx.output(`${t}_name`, ref(`${address(c)}.name`), `Name of the Auto Scaling group "${c.names.display}"`);
  },
};
