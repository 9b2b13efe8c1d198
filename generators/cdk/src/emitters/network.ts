/** The VPCs: ec2.Vpc with one subnet group per tier, NAT gateways from config, flow logs. */
import { zonesIn, type ResolvedVpc } from '@archgen/infra';
import type { StackContext } from '../context.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, cond, eq, id, lit, newExpr, obj } from '../ts/ast.ts';
import { camelCase } from '../naming.ts';
import { SUBNET_CIDRS_CLASS } from '../files/subnet-cidrs.ts';
import { SUBNET_GROUP, nagRuleIds, retentionDays } from './common.ts';

function prefixLength(vpc: ResolvedVpc): number {
  const first = vpc.subnets[0]?.cidr.split('/')[1];
  return first ? Number(first) : 24;
}

/**
 * How ec2.Vpc gets its addresses: it carves the subnets itself (one mask for every group) when
 * the plan is that carving, else the subnet CIDRs are given to it (lib/subnet-cidrs.ts).
 */
function ipAddresses(ctx: StackContext, vpc: ResolvedVpc): Expr {
  if (!vpc.explicitSubnetCidrs) return call(ctx.api('ec2', 'IpAddresses.cidr'), lit(vpc.cidr));
  ctx.usesExplicitSubnetCidrs = true;
  const byGroup = vpc.tiers.map((tier): [string, Expr] => [
    SUBNET_GROUP[tier],
    arr(
      vpc.subnets
        .filter((s) => s.tier === tier)
        .sort((a, b) => a.azIndex - b.azIndex)
        .map((s) => lit(s.cidr)),
    ),
  ]);
  return newExpr(id(SUBNET_CIDRS_CLASS), lit(vpc.cidr), obj(byGroup));
}

export function emitVpc(ctx: StackContext, vpc: ResolvedVpc): void {
  const name = camelCase(vpc.names.logicalId) || 'vpc';
  ctx.section(
    `VPC "${vpc.names.display}": ${vpc.cidr} across ${vpc.azCount} AZs` +
      (vpc.explicitSubnetCidrs ? ', with the subnet CIDRs the design gives' : ''),
  );

  const first = ctx.graph.environments[0] ?? '';
  const natByEnv = vpc.natGatewayCount.byEnv;
  const natGateways: Expr = vpc.natGatewayCount.varies
    ? ctx.configMember(
        ctx.addConfigEntry(`${name}NatGateways`, natByEnv, `NAT gateways of VPC ${vpc.names.display}`),
      )
    : lit(natByEnv[first] ?? 0);

  const zonesByEnv = Object.fromEntries(ctx.graph.environments.map((env) => [env, zonesIn(vpc, env)]));
  const availabilityZones: Expr = ctx.graph.environments.some(
    (env) => zonesByEnv[env]!.join() !== vpc.availabilityZones.join(),
  )
    ? ctx.configMember(
        ctx.addConfigEntry(
          `${name}AvailabilityZones`,
          zonesByEnv,
          `Availability zones of VPC ${vpc.names.display} (the environment's region's)`,
        ),
      )
    : arr(vpc.availabilityZones.map((az) => lit(az)));

  const anyNat = Object.values(natByEnv).some((n) => n > 0);
  const everyNat = Object.values(natByEnv).every((n) => n > 0);
  // Given CIDRs may differ in size, and ec2.Vpc does not carve them: no mask then.
  const cidrMask = vpc.explicitSubnetCidrs ? undefined : lit(prefixLength(vpc));
  const subnetConfiguration = vpc.tiers.map((tier) => {
    let subnetType: Expr;
    if (tier === 'public') subnetType = ctx.api('ec2', 'SubnetType.PUBLIC');
    else if (tier === 'isolated') subnetType = ctx.api('ec2', 'SubnetType.PRIVATE_ISOLATED');
    else if (everyNat) subnetType = ctx.api('ec2', 'SubnetType.PRIVATE_WITH_EGRESS');
    else if (!anyNat) subnetType = ctx.api('ec2', 'SubnetType.PRIVATE_ISOLATED');
    // Private subnets route through NAT only where the environment has NAT gateways.
    else
      subnetType = cond(
        eq(natGateways, lit(0)),
        ctx.api('ec2', 'SubnetType.PRIVATE_ISOLATED'),
        ctx.api('ec2', 'SubnetType.PRIVATE_WITH_EGRESS'),
      );
    return obj({ name: lit(SUBNET_GROUP[tier]), subnetType, cidrMask });
  });

  let flowLogs: Expr | undefined;
  if (vpc.flowLogs.enabled) {
    const logGroup = vpc.flowLogs.logGroupId
      ? ctx.handle(vpc.flowLogs.logGroupId).construct
      : ctx.declare(
          `${name}FlowLogs`,
          newExpr(
            ctx.api('logs', 'LogGroup'),
            ctx.scope,
            lit(`${vpc.names.logicalId}FlowLogs`),
            obj({ retention: retentionDays(ctx, vpc.flowLogs.retentionDays) }),
          ),
        );
    const role = vpc.flowLogs.roleId ? ctx.roles.get(vpc.flowLogs.roleId) : undefined;
    flowLogs = obj({
      all: obj({
        destination: role
          ? call(ctx.api('ec2', 'FlowLogDestination.toCloudWatchLogs'), logGroup, role)
          : call(ctx.api('ec2', 'FlowLogDestination.toCloudWatchLogs'), logGroup),
        trafficType: ctx.api('ec2', 'FlowLogTrafficType.ALL'),
      }),
    });
  }

  // An explicit provider exposes the NAT gateway ids (for alarms on a NAT gateway).
  const natProvider = anyNat
    ? ctx.declare(`${name}Nat`, call(ctx.api('ec2', 'NatProvider.gateway')))
    : undefined;
  if (natProvider) ctx.natProviders.set(vpc.id, natProvider);
  const construct = newExpr(
    ctx.api('ec2', 'Vpc'),
    ctx.scope,
    lit(vpc.names.logicalId),
    obj({
      ipAddresses: ipAddresses(ctx, vpc),
      // Explicit AZs instead of maxAzs: no account/region lookup at synth time. Zone names belong
      // to a region, so environments in different regions read theirs from lib/config.ts.
      availabilityZones,
      natGateways,
      natGatewayProvider: natProvider,
      subnetConfiguration: arr(subnetConfiguration),
      flowLogs,
    }),
  );
  const variable = ctx.declare(name, construct, 'Vpc');
  ctx.vpcs.set(vpc.id, variable);
  for (const ack of vpc.acknowledgements ?? [])
    for (const ruleId of nagRuleIds(ack.equivalents))
      ctx.acknowledge(variable, ruleId, `Accepted in the design (${ack.ruleId}): ${ack.reason}`);
}
