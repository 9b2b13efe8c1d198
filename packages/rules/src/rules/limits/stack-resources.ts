/**
 * How many CloudFormation resources a design makes in one environment's stack, estimated from
 * the catalog: each node's `stackResources` (its own resources and what the lowering derives for
 * it), each connection's, each VPC's network, and the shared resources once. Rules cannot import
 * the lowering (it imports them), so this follows what generators/cloudformation emits; the
 * tests hold it to the real templates within a stated tolerance (stack-resources.test.ts).
 */
import {
  SHARED_STACK_RESOURCES,
  availabilityZones,
  designRegions,
  findAcceptedConnection,
  getService,
  type SharedStackResource,
  type Vpc,
} from '@archgen/model';
import type { RuleContext } from '../../types.ts';

/** CloudFormation's quota: resources per stack (cfn-lint E3010). */
export const STACK_RESOURCE_LIMIT = 500;

export interface StackEstimatePart {
  /** "ECS Fargate service", "connections", "VPC networks", "shared alarm topic". */
  label: string;
  /** How many nodes (services), connections or VPCs the part holds. */
  items: number;
  resources: number;
}

export interface StackEstimate {
  total: number;
  /** Where the resources come from, largest first. */
  parts: StackEstimatePart[];
}

/** The environment's value for a VPC setting, else the VPC's own. */
function vpcSetting<T>(ctx: RuleContext, vpc: Vpc, env: string, key: 'azCount' | 'flowLogs', base: T): T {
  const value = ctx.design.environments.find((e) => e.name === env)?.overrides[vpc.id]?.[key];
  return typeof value === typeof base ? (value as T) : base;
}

/**
 * A VPC's network: the VPC; a subnet and its route table association per tier and AZ; route
 * tables (one public, one per AZ for private, one isolated); the internet gateway, its
 * attachment and default route; flow logs (log, log group, role); and the NAT gateways of its
 * NAT nodes (an Elastic IP and a gateway each, a route per private route table).
 */
export function vpcStackResources(ctx: RuleContext, vpc: Vpc, env: string): number {
  const requested = vpcSetting(ctx, vpc, env, 'azCount', vpc.azCount);
  // A region with fewer zones than asked for gets what it has, as in the lowering: every
  // environment builds the same subnets, so the region (of any environment) with the fewest decides.
  const az = Math.min(
    requested,
    ...designRegions(ctx.design).map((region) => availabilityZones(region, requested).length),
  );
  const has = (tier: Vpc['tiers'][number]) => vpc.tiers.includes(tier);
  let count = 1 + 2 * vpc.tiers.length * az;
  count += (has('public') ? 1 : 0) + (has('private') ? az : 0) + (has('isolated') ? 1 : 0);
  if (has('public')) count += 3;
  if (vpcSetting(ctx, vpc, env, 'flowLogs', vpc.flowLogs)) count += 3;
  const nats = ctx
    .nodesInVpc(vpc.id)
    .filter((n) => n.type === 'nat-gateway' && n.placement?.tier === 'public');
  if (has('public') && has('private') && nats.length > 0) {
    // Per environment the largest need among the VPC's NAT nodes: per-az beats single.
    const gateways = Math.max(
      ...nats.map((nat) => (ctx.props(nat, env || undefined).mode === 'single' ? 1 : az)),
    );
    count += 2 * gateways + az;
  }
  return count;
}

/**
 * The estimate for the one CloudFormation template that holds every environment (conditions pick
 * each environment's resources, and CloudFormation counts every resource a template declares):
 * each part at its largest across `envs`.
 */
export function estimateTemplateResources(ctx: RuleContext, envs: readonly string[]): StackEstimate {
  const largest = new Map<string, StackEstimatePart>();
  for (const env of envs.length > 0 ? envs : ['']) {
    for (const part of estimateStackResources(ctx, env).parts) {
      const seen = largest.get(part.label);
      if (!seen || part.resources > seen.resources) largest.set(part.label, part);
    }
  }
  const parts = [...largest.values()].sort((a, b) => b.resources - a.resources);
  return { total: parts.reduce((sum, p) => sum + p.resources, 0), parts };
}

/** The estimate for one environment ("" when the design has none: its base values). */
export function estimateStackResources(ctx: RuleContext, env: string): StackEstimate {
  const byType = new Map<string, StackEstimatePart>();
  const shared = new Set<SharedStackResource>();
  for (const node of ctx.design.nodes) {
    const service = getService(node.type);
    if (!service) continue;
    const outgoing = (ctx.outgoing.get(node.id) ?? []).map((c) => ({
      kind: c.kind,
      toType: ctx.nodesById.get(c.to)?.type ?? '',
    }));
    const incoming = (ctx.incoming.get(node.id) ?? []).map((c) => ({
      kind: c.kind,
      fromType: ctx.nodesById.get(c.from)?.type ?? '',
    }));
    const estimate = service.stackResources({
      props: ctx.props(node, env || undefined),
      inVpc: node.placement !== null && ctx.vpcsById.has(node.placement.vpcId),
      outgoing,
      incoming,
    });
    for (const s of estimate.shared ?? []) shared.add(s);
    const part = byType.get(service.type) ?? { label: service.displayName, items: 0, resources: 0 };
    part.items += 1;
    part.resources += estimate.count;
    byType.set(service.type, part);
  }
  const connections: StackEstimatePart = { label: 'connections', items: 0, resources: 0 };
  for (const c of ctx.design.connections) {
    const from = ctx.nodesById.get(c.from);
    const to = ctx.nodesById.get(c.to);
    const accepted = from && to ? findAcceptedConnection(from.type, to.type, c.kind) : undefined;
    connections.items += 1;
    connections.resources += accepted?.stackResources?.count ?? 0;
    for (const s of accepted?.stackResources?.shared ?? []) shared.add(s);
  }
  const network: StackEstimatePart = { label: 'VPC networks', items: 0, resources: 0 };
  for (const vpc of ctx.design.vpcs) {
    network.items += 1;
    network.resources += vpcStackResources(ctx, vpc, env);
  }
  const sharedParts = [...shared].map((s) => ({
    label: `shared ${s.replace('-', ' ')}`,
    items: 1,
    resources: SHARED_STACK_RESOURCES[s],
  }));
  const parts = [...byType.values(), connections, network, ...sharedParts]
    .filter((p) => p.resources > 0)
    .sort((a, b) => b.resources - a.resources);
  return { total: parts.reduce((sum, p) => sum + p.resources, 0), parts };
}

/**
 * Pairs of services that the exports keep in one stack because each side's resources name the
 * other (the lowering's stacks.ts binds them both ways): a bucket and what its notifications
 * reach, a rule and the queue it targets, an API and its integrations, a load balancer and a
 * function behind it, a distribution and its bucket origin.
 */
function bindsBothWays(fromType: string, toType: string): boolean {
  return (
    (fromType === 's3' && ['lambda', 'sns', 'sqs'].includes(toType)) ||
    (fromType === 'eventbridge-rule' && toType === 'sqs') ||
    fromType === 'api-gateway' ||
    (fromType === 'alb' && toType === 'lambda') ||
    (fromType === 'cloudfront' && toType === 's3')
  );
}

/** Services that must share one stack, with their estimated resources (largest first). */
export interface BoundGroup {
  nodeIds: string[];
  resources: number;
}

/**
 * The groups of two or more services the exports must keep in one stack (bindsBothWays), each
 * at its largest across `envs`: a group over the quota cannot be split into nested stacks.
 */
export function boundGroups(ctx: RuleContext, envs: readonly string[]): BoundGroup[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  for (const node of ctx.design.nodes) parent.set(node.id, node.id);
  for (const c of ctx.design.connections) {
    const from = ctx.nodesById.get(c.from);
    const to = ctx.nodesById.get(c.to);
    if (!from || !to || !bindsBothWays(from.type, to.type)) continue;
    const [a, b] = [find(from.id), find(to.id)];
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  const members = new Map<string, string[]>();
  for (const node of ctx.design.nodes) {
    const root = find(node.id);
    members.set(root, [...(members.get(root) ?? []), node.id]);
  }
  const groups = [...members.values()].filter((ids) => ids.length > 1);
  if (groups.length === 0) return [];
  const largest = new Map<string[], number>();
  for (const env of envs.length > 0 ? envs : ['']) {
    const perNode = new Map<string, number>();
    for (const node of ctx.design.nodes) {
      const service = getService(node.type);
      if (!service) continue;
      const outgoing = (ctx.outgoing.get(node.id) ?? []).map((c) => ({
        kind: c.kind,
        toType: ctx.nodesById.get(c.to)?.type ?? '',
      }));
      const incoming = (ctx.incoming.get(node.id) ?? []).map((c) => ({
        kind: c.kind,
        fromType: ctx.nodesById.get(c.from)?.type ?? '',
      }));
      let count = service.stackResources({
        props: ctx.props(node, env || undefined),
        inVpc: node.placement !== null && ctx.vpcsById.has(node.placement.vpcId),
        outgoing,
        incoming,
      }).count;
      for (const c of ctx.outgoing.get(node.id) ?? []) {
        const to = ctx.nodesById.get(c.to);
        count += (to && findAcceptedConnection(node.type, to.type, c.kind)?.stackResources?.count) || 0;
      }
      perNode.set(node.id, count);
    }
    for (const ids of groups) {
      const total = ids.reduce((sum, id) => sum + (perNode.get(id) ?? 0), 0);
      largest.set(ids, Math.max(largest.get(ids) ?? 0, total));
    }
  }
  return groups
    .map((nodeIds) => ({ nodeIds, resources: largest.get(nodeIds) ?? 0 }))
    .sort((a, b) => b.resources - a.resources);
}
