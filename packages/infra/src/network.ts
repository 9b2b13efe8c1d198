/**
 * Network decisions: subnets, AZs and NAT gateways per VPC, flow logs, and the allow-only
 * security groups derived from traffic connections (rules NET-03, NET-08, SG-01..03).
 */
import {
  availabilityZones,
  designRegions,
  environmentRegion,
  getService,
  hasExplicitSubnetCidrs,
  orderedTiers,
  planSubnets,
} from '@archgen/model';
import type { Connection, DesignNode } from '@archgen/model';
import { logWriteStatement } from './iam-actions.ts';
import { derivedLogGroup } from './derived.ts';
import type { LowerContext } from './context.ts';
import type { ResolvedComponent, ResolvedNames, SecurityGroupRule } from './types.ts';

/** Flow logs are kept long enough for a security investigation. */
export const FLOW_LOG_RETENTION_DAYS = 90;

export function lowerVpcs(ctx: LowerContext, vpcNames: ReadonlyMap<string, ResolvedNames>): void {
  for (const vpc of ctx.vpcs) {
    const names = vpcNames.get(vpc.id)!;
    // A region with fewer zones than asked for (us-west-1 has two) gets what it has; every
    // environment builds the same subnets, so the region with the fewest zones decides (of all
    // the design's environments, so exporting one environment does not change its subnets).
    const zonesOf = (region: string) => availabilityZones(region, vpc.azCount);
    const envRegions = ctx.envs.map((env) => environmentRegion(ctx.design, env));
    const azCount = Math.min(vpc.azCount, ...designRegions(ctx.design).map((r) => zonesOf(r).length));
    const zones = zonesOf(ctx.design.region).slice(0, azCount);
    // Explicit CIDRs as the design gives them, automatic ones carved around them (model/cidr.ts).
    const subnets = planSubnets({ ...vpc, azCount }).map((s) => ({
      tier: s.tier,
      azIndex: s.azIndex,
      cidr: s.cidr,
      names: ctx.derivedNames(
        names,
        `${s.tier} Subnet ${s.azIndex + 1}`,
        `${vpc.name} ${s.tier} subnet ${s.azIndex + 1}`,
      ),
    }));
    const hasPrivateTier = vpc.tiers.includes('private');
    const natNodes = ctx.nodes.filter(
      (n) => n.type === 'nat-gateway' && n.placement?.vpcId === vpc.id && n.placement.tier === 'public',
    );
    // Per environment: the largest need among the VPC's NAT nodes (per-az beats single).
    const natCounts = ctx.envs.map((env) => {
      if (!hasPrivateTier) return 0;
      return Math.max(
        0,
        ...natNodes.map((n) => (ctx.component(n.id)?.props.mode?.byEnv[env] === 'single' ? 1 : azCount)),
      );
    });

    let flowLogs: { enabled: boolean; logGroupId?: string; roleId?: string; retentionDays: number } = {
      enabled: false,
      retentionDays: FLOW_LOG_RETENTION_DAYS,
    };
    if (vpc.flowLogs) {
      const logGroup = derivedLogGroup(ctx, {
        ownerId: vpc.id,
        id: `${vpc.id}.flow-logs`,
        parentNames: names,
        suffix: 'Flow Logs',
        display: `${vpc.name} flow logs`,
        retention: ctx.constant(FLOW_LOG_RETENTION_DAYS),
        reason: 'VPC flow logs (NET-08)',
      });
      const role = ctx.addRole({
        id: `${vpc.id}.flow-logs-role`,
        componentId: logGroup.id,
        names: ctx.derivedNames(names, 'Flow Logs Role', `${vpc.name} flow logs role`),
        assumedBy: 'vpc-flow-logs.amazonaws.com',
        purpose: 'service',
        managedPolicies: [],
        statements: [logWriteStatement('WriteFlowLogs', logGroup.id, ['logs:DescribeLogStreams'])],
      });
      logGroup.roleIds.push(role.id);
      flowLogs = {
        enabled: true,
        logGroupId: logGroup.id,
        roleId: role.id,
        retentionDays: FLOW_LOG_RETENTION_DAYS,
      };
    }

    ctx.resolvedVpcs.push({
      id: vpc.id,
      names,
      cidr: vpc.cidr,
      azCount,
      availabilityZones: zones,
      availabilityZonesByEnv: Object.fromEntries(
        ctx.envs.map((env, i) => [env, zonesOf(envRegions[i]!).slice(0, azCount)]),
      ),
      // Plan order, whatever order the design lists them in: CDK carves subnets in group order.
      tiers: orderedTiers(vpc),
      subnets,
      explicitSubnetCidrs: hasExplicitSubnetCidrs(vpc),
      natGatewayCount: ctx.envValue(natCounts),
      flowLogs,
      acknowledgements: [],
    });
  }
}

/** Services that live in a VPC and get a security group when placed in one. */
export const SECURITY_GROUP_TYPES: ReadonlySet<string> = new Set([
  'alb',
  'msk-cluster',
  'efs',
  'ecs-fargate',
  'ec2-asg',
  'eks',
  'lambda',
  'rds',
  'aurora',
  'elasticache',
  'opensearch',
  'neptune',
  'bastion',
]);

/** Compute that calls AWS APIs (ECR pulls, logs, SDK calls; a bastion's SSM agent) and so needs 443 out. */
const COMPUTE_TYPES: ReadonlySet<string> = new Set(['ecs-fargate', 'ec2-asg', 'eks', 'lambda', 'bastion']);

/** Characters EC2 accepts in group and rule descriptions; everything else becomes a space. */
export function sgDescription(text: string): string {
  return text
    .replace(/[^A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255)
    .trim();
}

const PORT_NAMES: Readonly<Record<number, string>> = {
  80: 'HTTP',
  443: 'HTTPS',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  6379: 'Redis',
  8182: 'Gremlin',
  11211: 'Memcached',
};

/** "HTTPS", "PostgreSQL", "HTTP 8080", "TCP 9000": what a rule description calls a port. */
export function portName(port: number, protocol?: string): string {
  return (
    PORT_NAMES[port] ??
    `${protocol === 'http' || protocol === 'https' ? protocol.toUpperCase() : 'TCP'} ${port}`
  );
}

function protocolOf(target: DesignNode, connection: Connection): string | undefined {
  return connection.protocol ?? getService(target.type)?.listener?.protocol;
}

function displayFor(component: ResolvedComponent): string {
  return sgDescription(component.names.display) || component.names.logicalId;
}

/** The port a traffic connection reaches on its target: the connection's, else the target's own. */
export function trafficPort(ctx: LowerContext, target: DesignNode, connectionPort?: number): number {
  if (connectionPort !== undefined) return connectionPort;
  const props = ctx.props(target);
  const listener = getService(target.type)?.listener?.port ?? 443;
  const numeric = (key: string): number =>
    typeof props[key] === 'number' ? (props[key] as number) : listener;
  switch (target.type) {
    case 'ecs-fargate':
      return numeric('containerPort');
    case 'ec2-asg':
    case 'rds':
      return numeric('port');
    case 'aurora':
      return props.engine === 'aurora-mysql' ? 3306 : 5432;
    case 'elasticache':
      return props.engine === 'memcached' ? 11211 : 6379;
    default:
      return listener;
  }
}

/**
 * The ALB's listener ports, which are what its security group opens (a connection's port does
 * not change the listeners): 443 when any environment has a certificate, 80 when HTTP redirects
 * to HTTPS or when an environment has no certificate (HTTP then forwards).
 */
export function albListenerPorts(alb: ResolvedComponent): number[] {
  // A drawn certificate (certificates.ts) serves HTTPS in every environment.
  const certs = alb.certificateId ? ['drawn'] : Object.values(alb.props.certificateArn?.byEnv ?? {});
  const redirects = Object.values(alb.props.httpRedirect?.byEnv ?? {});
  const ports: number[] = [];
  if (certs.some((c) => typeof c === 'string' && c !== '')) ports.push(443);
  if (certs.some((c) => c === '' || c === null) || redirects.some((r) => r === true)) ports.push(80);
  return ports.length > 0 ? ports : [443];
}

export function lowerSecurityGroups(ctx: LowerContext): void {
  for (const node of ctx.nodes) {
    const component = ctx.component(node.id);
    if (!component?.placement || !SECURITY_GROUP_TYPES.has(node.type)) continue;
    if (!ctx.vpcsById.has(component.placement.vpcId)) continue;
    const id = `${node.id}.sg`;
    ctx.addSecurityGroup({
      id,
      componentId: node.id,
      vpcId: component.placement.vpcId,
      names: ctx.derivedNames(component.names, 'Sg', `${node.name} security group`, {
        nodeId: node.id,
        key: 'securityGroup',
      }),
      description:
        sgDescription(`Security group for ${node.name}`) || `Security group for ${component.names.logicalId}`,
      ingress: [],
      egress: [],
      allowHttpsEgress: false,
    });
    component.securityGroupId = id;
  }

  for (const connection of ctx.connections) {
    if (connection.kind !== 'traffic') continue;
    const source = ctx.nodesById.get(connection.from);
    const target = ctx.nodesById.get(connection.to);
    if (!source || !target) continue;
    const targetSg = ctx.securityGroupOf(target.id);
    const targetComponent = ctx.component(target.id);
    if (!targetSg || !targetComponent) continue;
    const label = connection.label ? sgDescription(connection.label) : '';

    if (source.type === 'users' || source.type === 'cloudfront') {
      // Internet-facing entry points: a CIDR peer is the only option (CloudFront's origin-facing
      // prefix list needs a lookup that breaks offline plans). Internal ALBs admit the VPC only.
      const vpc = ctx.vpcsById.get(targetSg.vpcId)!;
      const internetFacing = target.type === 'alb' && ctx.props(target).scheme !== 'internal';
      const cidr = internetFacing ? '0.0.0.0/0' : vpc.cidr;
      const ports =
        target.type === 'alb'
          ? albListenerPorts(targetComponent)
          : [trafficPort(ctx, target, connection.port)];
      const from =
        source.type === 'users'
          ? internetFacing
            ? 'the internet'
            : 'the VPC'
          : displayFor(ctx.component(source.id)!);
      for (const port of ports)
        addRule(targetSg.ingress, {
          peer: { cidr },
          port,
          protocol: 'tcp',
          description: label || `${portName(port, protocolOf(target, connection))} from ${from}`,
          connectionId: connection.id,
        });
      continue;
    }

    const sourceSg = ctx.securityGroupOf(source.id);
    const sourceComponent = ctx.component(source.id);
    // A source outside the VPC (e.g. a regional Lambda) cannot be a peer; rules report it.
    if (!sourceSg || !sourceComponent) continue;
    const ports =
      target.type === 'alb' ? albListenerPorts(targetComponent) : [trafficPort(ctx, target, connection.port)];
    const protocol = protocolOf(target, connection);
    for (const port of ports) {
      addRule(targetSg.ingress, {
        peer: { componentId: source.id },
        port,
        protocol: 'tcp',
        description: label || `${portName(port, protocol)} from ${displayFor(sourceComponent)}`,
        connectionId: connection.id,
      });
      addRule(sourceSg.egress, {
        peer: { componentId: target.id },
        port,
        protocol: 'tcp',
        description: label || `${portName(port, protocol)} to ${displayFor(targetComponent)}`,
        connectionId: connection.id,
      });
    }
  }
}

/** After roles exist: compute calling AWS APIs gets 443 out (through NAT or endpoints). */
export function markHttpsEgress(ctx: LowerContext): void {
  for (const sg of ctx.securityGroups) {
    const component = ctx.component(sg.componentId)!;
    if (!COMPUTE_TYPES.has(component.type)) continue;
    if (component.type !== 'lambda') {
      sg.allowHttpsEgress = true;
      continue;
    }
    // A VPC Lambda needs it only when it calls an AWS API: a grant, or X-Ray tracing.
    sg.allowHttpsEgress =
      ctx.grants.some((g) => g.granteeId === component.id) || ctx.anyEnv(component, 'tracing');
  }
}

function addRule(rules: SecurityGroupRule[], rule: SecurityGroupRule): void {
  const key = (r: SecurityGroupRule) => `${'cidr' in r.peer ? r.peer.cidr : r.peer.componentId}:${r.port}`;
  if (!rules.some((r) => key(r) === key(rule))) rules.push(rule);
}
