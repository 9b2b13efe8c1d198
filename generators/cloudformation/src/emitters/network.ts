/**
 * One VPC: subnets per tier and AZ (AZs are parameters defaulting to the lowering's choice),
 * internet gateway and public routes, NAT gateways per environment (the second and third exist
 * only where the environment asks for one per AZ), private and isolated route tables, flow logs.
 */
import { zonesIn, type ResolvedVpc } from '@archgen/infra';
import { ENVIRONMENT_PARAMETER, type EmitContext, type Flag } from '../context.ts';
import { getAtt, ifCondition, join, ref, type TemplateValue } from '../template/intrinsics.ts';

const NETWORK_GROUP = 'Network';

export function emitVpc(vpc: ResolvedVpc, ctx: EmitContext): void {
  const t = ctx.template;
  const vpcId = vpc.names.logicalId;
  const azParameters = vpc.availabilityZones.map((zone, i) =>
    t.addParameter(
      `${vpcId}Az${i + 1}`,
      {
        Type: 'AWS::EC2::AvailabilityZone::Name',
        Description: `Availability zone ${i + 1} of ${vpc.names.display}`,
        Default: zone,
      },
      NETWORK_GROUP,
    ),
  );
  for (const [i, name] of azParameters.entries()) {
    ctx.parameterValues.set(
      name,
      // Each environment's own region's zones (the default is the design region's).
      Object.fromEntries(ctx.environments.map((env) => [env, zonesIn(vpc, env)[i]!])),
    );
  }

  t.addResource(vpcId, {
    Type: 'AWS::EC2::VPC',
    Metadata: ctx.metadata(vpc.acknowledgements ?? []),
    Properties: {
      CidrBlock: vpc.cidr,
      EnableDnsHostnames: true,
      EnableDnsSupport: true,
      Tags: ctx.tags(vpc.names.display),
    },
  });

  for (const subnet of vpc.subnets) {
    t.addResource(subnet.names.logicalId, {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: ref(vpcId),
        CidrBlock: subnet.cidr,
        AvailabilityZone: ref(azParameters[subnet.azIndex]!),
        // Nothing gets a public IP by itself, not even in public subnets (NET-05): the ALB and
        // NAT gateways have their own addresses.
        MapPublicIpOnLaunch: false,
        Tags: [...ctx.tags(subnet.names.display), { Key: 'Tier', Value: subnet.tier }],
      },
    });
  }

  const subnetsOf = (tier: string) =>
    vpc.subnets.filter((s) => s.tier === tier).sort((a, b) => a.azIndex - b.azIndex);
  const associate = (routeTable: string, subnetLogicalId: string) =>
    t.addResource(`${subnetLogicalId}RouteTableAssociation`, {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { RouteTableId: ref(routeTable), SubnetId: ref(subnetLogicalId) },
    });

  const publicSubnets = subnetsOf('public');
  const attachment = `${vpcId}GatewayAttachment`;
  if (publicSubnets.length > 0) {
    const gateway = t.addResource(`${vpcId}InternetGateway`, {
      Type: 'AWS::EC2::InternetGateway',
      Properties: { Tags: ctx.tags(`${vpc.names.display} internet gateway`) },
    });
    t.addResource(attachment, {
      Type: 'AWS::EC2::VPCGatewayAttachment',
      Properties: { VpcId: ref(vpcId), InternetGatewayId: ref(gateway) },
    });
    const routeTable = t.addResource(`${vpcId}PublicRouteTable`, {
      Type: 'AWS::EC2::RouteTable',
      Properties: { VpcId: ref(vpcId), Tags: ctx.tags(`${vpc.names.display} public routes`) },
    });
    t.addResource(`${vpcId}PublicDefaultRoute`, {
      Type: 'AWS::EC2::Route',
      DependsOn: [attachment],
      Properties: {
        RouteTableId: ref(routeTable),
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: ref(gateway),
      },
    });
    for (const subnet of publicSubnets) associate(routeTable, subnet.names.logicalId);
  }

  // NAT gateway i exists in the environments that need more than i of them.
  const natFlags: Flag[] = publicSubnets.map((_, i) =>
    ctx.when(
      Object.fromEntries(ctx.environments.map((env) => [env, (vpc.natGatewayCount.byEnv[env] ?? 0) > i])),
      `${vpcId}HasNatGateway${i + 1}`,
    ),
  );
  const natGateways: (string | undefined)[] = natFlags.map((flag, i) => {
    if (flag === false) return undefined;
    const condition = typeof flag === 'string' ? flag : undefined;
    const subnet = publicSubnets[i]!;
    const eip = t.addResource(`${vpcId}NatEip${i + 1}`, {
      Type: 'AWS::EC2::EIP',
      Condition: condition,
      DependsOn: [attachment],
      Properties: { Domain: 'vpc', Tags: ctx.tags(`${vpc.names.display} NAT ${i + 1}`) },
    });
    return t.addResource(
      `${vpcId}NatGateway${i + 1}`,
      {
        Type: 'AWS::EC2::NatGateway',
        Condition: condition,
        Properties: {
          AllocationId: getAtt(eip, 'AllocationId'),
          SubnetId: ref(subnet.names.logicalId),
          Tags: ctx.tags(`${vpc.names.display} NAT ${i + 1}`),
        },
      },
      i > 0 && condition
        ? `One NAT gateway per AZ only where ${ENVIRONMENT_PARAMETER} asks for it; elsewhere AZ ${i + 1} shares NAT 1.`
        : undefined,
    );
  });

  for (const subnet of subnetsOf('private')) {
    const az = subnet.azIndex;
    const routeTable = t.addResource(`${subnet.names.logicalId}RouteTable`, {
      Type: 'AWS::EC2::RouteTable',
      Properties: { VpcId: ref(vpcId), Tags: ctx.tags(`${subnet.names.display} routes`) },
    });
    associate(routeTable, subnet.names.logicalId);
    const target = natTarget(natGateways, natFlags, Math.min(az, natGateways.length - 1));
    if (target) {
      t.addResource(`${subnet.names.logicalId}DefaultRoute`, {
        Type: 'AWS::EC2::Route',
        Condition: typeof natFlags[0] === 'string' ? natFlags[0] : undefined,
        Properties: {
          RouteTableId: ref(routeTable),
          DestinationCidrBlock: '0.0.0.0/0',
          NatGatewayId: target,
        },
      });
    }
  }

  const isolated = subnetsOf('isolated');
  if (isolated.length > 0) {
    // No routes beyond the VPC: isolated subnets reach nothing outside it (NET-04).
    const routeTable = t.addResource(`${vpcId}IsolatedRouteTable`, {
      Type: 'AWS::EC2::RouteTable',
      Properties: { VpcId: ref(vpcId), Tags: ctx.tags(`${vpc.names.display} isolated routes`) },
    });
    for (const subnet of isolated) associate(routeTable, subnet.names.logicalId);
  }

  if (vpc.flowLogs.enabled && vpc.flowLogs.logGroupId && vpc.flowLogs.roleId) {
    t.addResource(`${vpcId}FlowLog`, {
      Type: 'AWS::EC2::FlowLog',
      Properties: {
        ResourceId: ref(vpcId),
        ResourceType: 'VPC',
        TrafficType: 'ALL',
        LogDestinationType: 'cloud-watch-logs',
        LogGroupName: ref(ctx.logicalId(vpc.flowLogs.logGroupId)),
        DeliverLogsPermissionArn: ctx.roleArn(vpc.flowLogs.roleId),
        Tags: ctx.tags(`${vpc.names.display} flow log`),
      },
    });
  }

  t.addOutput(`${vpcId}Id`, {
    Description: `${vpc.names.display} VPC id`,
    Value: ref(vpcId),
    exportName: `${vpcId}Id`,
  });
  for (const tier of vpc.tiers) {
    const ids = subnetsOf(tier).map((s) => ref(s.names.logicalId));
    if (ids.length === 0) continue;
    const name = `${vpcId}${tier[0]!.toUpperCase()}${tier.slice(1)}SubnetIds`;
    t.addOutput(name, {
      Description: `${vpc.names.display} ${tier} subnet ids`,
      Value: join(',', ids),
      exportName: name,
    });
  }
}

/** The NAT gateway AZ `az` routes through: its own where it exists, else the nearest lower one. */
function natTarget(
  natGateways: (string | undefined)[],
  flags: Flag[],
  az: number,
): TemplateValue | undefined {
  let target: TemplateValue | undefined;
  for (let i = 0; i <= az; i++) {
    const gateway = natGateways[i];
    if (!gateway) continue;
    const flag = flags[i]!;
    target =
      target === undefined || flag === true
        ? ref(gateway)
        : ifCondition(flag as string, ref(gateway), target);
  }
  return target;
}
