/** network.tf: VPC, subnets per tier across the AZs, gateways, route tables, flow logs. */
import type { ResolvedVpc } from '@archgen/infra';
import type { SubnetTier } from '@archgen/model';
import {
  attr,
  binary,
  block,
  call,
  comment,
  cond,
  index,
  list,
  literal,
  num,
  ref,
  str,
  tpl,
} from '../hcl/ast.ts';
import type { TfContext } from '../context.ts';
import { tags } from './common.ts';

export function emitNetwork(ctx: TfContext, vpc: ResolvedVpc): void {
  const v = vpc.names.tfName;
  const vpcId = ref(`aws_vpc.${v}.id`);
  const has = (tier: SubnetTier) => vpc.tiers.includes(tier);

  const acks = ctx.acknowledgementsOf(vpc.acknowledgements ?? []);
  ctx.add(
    'network.tf',
    block(
      'resource',
      ['aws_vpc', v],
      [
        acks.inner,
        attr('cidr_block', str(vpc.cidr)),
        attr('enable_dns_support', literal(true)),
        attr('enable_dns_hostnames', literal(true)),
        tags(vpc.names.display),
      ],
      acks.leading,
    ),
    block(
      'resource',
      ['aws_default_security_group', `${v}_default`],
      [attr('vpc_id', vpcId)],
      ['The default security group is adopted with no rules, so nothing can use it (SG-02).'],
    ),
  );

  for (const tier of vpc.tiers) {
    const cidrs = vpc.subnets
      .filter((s) => s.tier === tier)
      .sort((a, b) => a.azIndex - b.azIndex)
      .map((s) => str(s.cidr));
    const cidrLocal = ctx.local(`${v}_${tier}_subnet_cidrs`, list(cidrs));
    ctx.add(
      'network.tf',
      block(
        'resource',
        ['aws_subnet', `${v}_${tier}`],
        [
          attr('count', call('length', cidrLocal)),
          attr('vpc_id', vpcId),
          attr('cidr_block', ref(`local.${v}_${tier}_subnet_cidrs[count.index]`)),
          attr('availability_zone', ref('var.availability_zones[count.index]')),
          // Nothing gets a public IP by default, not even in the public tier (NET-05).
          attr('map_public_ip_on_launch', literal(false)),
          tags(vpc.names.display, {
            Name: tpl(vpc.names.display, ` ${tier} `, ref('count.index')),
            Tier: str(tier),
          }),
        ],
      ),
    );
  }

  if (has('public')) {
    ctx.add(
      'network.tf',
      block('resource', ['aws_internet_gateway', v], [attr('vpc_id', vpcId), tags(vpc.names.display)]),
      block(
        'resource',
        ['aws_route_table', `${v}_public`],
        [attr('vpc_id', vpcId), tags(`${vpc.names.display} public`)],
      ),
      block(
        'resource',
        ['aws_route', `${v}_public_internet`],
        [
          attr('route_table_id', ref(`aws_route_table.${v}_public.id`)),
          attr('destination_cidr_block', str('0.0.0.0/0')),
          attr('gateway_id', ref(`aws_internet_gateway.${v}.id`)),
        ],
      ),
      block(
        'resource',
        ['aws_route_table_association', `${v}_public`],
        [
          attr('count', call('length', ref(`aws_subnet.${v}_public`))),
          attr('subnet_id', ref(`aws_subnet.${v}_public[count.index].id`)),
          attr('route_table_id', ref(`aws_route_table.${v}_public.id`)),
        ],
      ),
    );
  }

  if (has('private')) {
    // One route table per AZ, so each AZ can use its own NAT gateway (NET-03).
    ctx.add(
      'network.tf',
      block(
        'resource',
        ['aws_route_table', `${v}_private`],
        [
          attr('count', call('length', ref(`aws_subnet.${v}_private`))),
          attr('vpc_id', vpcId),
          tags(vpc.names.display, { Name: tpl(vpc.names.display, ' private ', ref('count.index')) }),
        ],
      ),
      block(
        'resource',
        ['aws_route_table_association', `${v}_private`],
        [
          attr('count', call('length', ref(`aws_subnet.${v}_private`))),
          attr('subnet_id', ref(`aws_subnet.${v}_private[count.index].id`)),
          attr('route_table_id', ref(`aws_route_table.${v}_private[count.index].id`)),
        ],
      ),
    );
    if (has('public')) emitNat(ctx, vpc);
  }

  if (has('isolated')) {
    ctx.add(
      'network.tf',
      block(
        'resource',
        ['aws_route_table', `${v}_isolated`],
        [attr('vpc_id', vpcId), tags(`${vpc.names.display} isolated`)],
        ['Isolated subnets have no route out of the VPC.'],
      ),
      block(
        'resource',
        ['aws_route_table_association', `${v}_isolated`],
        [
          attr('count', call('length', ref(`aws_subnet.${v}_isolated`))),
          attr('subnet_id', ref(`aws_subnet.${v}_isolated[count.index].id`)),
          attr('route_table_id', ref(`aws_route_table.${v}_isolated.id`)),
        ],
      ),
    );
  }

  if (vpc.flowLogs.enabled) emitFlowLogs(ctx, vpc);
  ctx.output(`${v}_id`, vpcId, `ID of the VPC "${vpc.names.display}"`);
}

function emitNat(ctx: TfContext, vpc: ResolvedVpc): void {
  const v = vpc.names.tfName;
  const byEnv: Record<string, ReturnType<typeof num>> = {};
  for (const env of ctx.environments) byEnv[env] = num(vpc.natGatewayCount.byEnv[env] ?? vpc.azCount);
  const count = ctx.variable({
    name: `${v}_nat_gateway_count`,
    type: 'number',
    description: `NAT gateways for ${vpc.names.display}: 0 (no egress), 1 (shared, cheaper) or one per AZ (${vpc.azCount})`,
    byEnv,
    validation: {
      condition: call(
        'contains',
        list([num(0), num(1), num(vpc.azCount)]),
        ref(`var.${v}_nat_gateway_count`),
      ),
      message: `NAT gateway count must be 0, 1 or ${vpc.azCount}.`,
    },
  });
  ctx.add(
    'network.tf',
    block(
      'resource',
      ['aws_eip', `${v}_nat`],
      [
        attr('count', count),
        attr('domain', str('vpc')),
        tags(vpc.names.display, { Name: tpl(vpc.names.display, ' NAT ', ref('count.index')) }),
      ],
    ),
    block(
      'resource',
      ['aws_nat_gateway', v],
      [
        attr('count', count),
        attr('allocation_id', ref(`aws_eip.${v}_nat[count.index].id`)),
        attr('subnet_id', ref(`aws_subnet.${v}_public[count.index].id`)),
        tags(vpc.names.display, { Name: tpl(vpc.names.display, ' NAT ', ref('count.index')) }),
        attr('depends_on', list([ref(`aws_internet_gateway.${v}`)])),
      ],
    ),
    block(
      'resource',
      ['aws_route', `${v}_private_nat`],
      [
        attr(
          'count',
          cond(binary(count, '>', num(0)), call('length', ref(`aws_subnet.${v}_private`)), num(0)),
        ),
        attr('route_table_id', ref(`aws_route_table.${v}_private[count.index].id`)),
        attr('destination_cidr_block', str('0.0.0.0/0')),
        attr(
          'nat_gateway_id',
          index(
            ref(`aws_nat_gateway.${v}`),
            call('min', ref('count.index'), binary(count, '-', num(1))),
            'id',
          ),
        ),
      ],
      [
        'Each private AZ routes through its own NAT gateway, or through the shared one when there is only one.',
      ],
    ),
  );
}

function emitFlowLogs(ctx: TfContext, vpc: ResolvedVpc): void {
  const v = vpc.names.tfName;
  const role = ctx.graph.roles.find((r) => r.id === vpc.flowLogs.roleId);
  if (!vpc.flowLogs.logGroupId || !role)
    throw new Error(`VPC "${vpc.id}" has flow logs without a log group and role`);
  ctx.add(
    'network.tf',
    block(
      'resource',
      ['aws_flow_log', v],
      [
        comment('Flow logs for every ENI in the VPC (NET-08).'),
        attr('vpc_id', ref(`aws_vpc.${v}.id`)),
        attr('traffic_type', str('ALL')),
        attr('log_destination', ctx.attribute(vpc.flowLogs.logGroupId, 'arn')),
        attr('iam_role_arn', ctx.roleArn(role)),
        attr('max_aggregation_interval', num(60)),
        tags(`${vpc.names.display} flow logs`),
      ],
    ),
  );
}
