/**
 * Rebuilds the design's VPCs from `aws_vpc`, `aws_subnet`, route tables, routes and gateways: the
 * VPC CIDR, the AZ count, and explicit subnet CIDRs per tier. A subnet is public when its route
 * table routes to an internet gateway, private when it routes to a NAT gateway, isolated otherwise.
 */
import { SUBNET_TIERS, parseCidr, type SubnetTier, type Vpc } from '@archgen/model';
import type { ImportProblem } from '../report.ts';
import { argument, instancesOf, rawAt, type Block, type Configuration } from './config.ts';
import { collectRefs } from './expr.ts';

export interface SubnetInfo {
  vpcId: string;
  tier: SubnetTier;
}

export interface NetworkResult {
  vpcs: Vpc[];
  /** VPC address -> design VPC id. */
  vpcIds: Map<string, string>;
  /** Subnet address -> its VPC and tier (a `count` block: every instance has the same tier). */
  subnets: Map<string, SubnetInfo>;
  /** Network block address -> the design VPC it belongs to (absent: no VPC found). */
  membership: Map<string, string>;
  /** NAT gateways per design VPC, in source order. */
  natGateways: Map<string, Block[]>;
}

interface SubnetInstance {
  block: Block;
  cidr?: string;
  az?: string;
  index: number;
}

/** How many instances a block has (1 without count/for_each; undefined when unknown). */
export function instanceCount(block: Block): number | undefined {
  return instancesOf(block)?.length;
}

export function buildNetwork(
  cfg: Configuration,
  takeId: (address: string, stem: string) => string,
  problems: ImportProblem[],
): NetworkResult {
  const result: NetworkResult = {
    vpcs: [],
    vpcIds: new Map(),
    subnets: new Map(),
    membership: new Map(),
    natGateways: new Map(),
  };
  const blocks = cfg.resources;
  const ofType = (...types: string[]): Block[] => blocks.filter((b) => types.includes(b.type));
  const refsOfType = (b: Block, type: string): string[] =>
    b.refs.filter((a) => cfg.byAddress.get(a)?.type === type);

  const vpcBlocks = ofType('aws_vpc');
  for (const vpc of vpcBlocks) {
    if (result.vpcs.length >= 5) {
      problems.push(info(vpc, `${vpc.address}: a design holds at most 5 VPCs; this one is not drawn`));
      continue;
    }
    result.vpcIds.set(vpc.address, takeId(vpc.address, vpc.name));
  }

  // Membership: a network block belongs to the VPC it (or a block it refers to) names.
  const vpcOf = (b: Block, seen = new Set<string>()): string | undefined => {
    if (result.vpcIds.has(b.address)) return result.vpcIds.get(b.address);
    if (seen.has(b.address)) return undefined;
    seen.add(b.address);
    for (const ref of b.refs) {
      const target = cfg.byAddress.get(ref);
      if (!target || target.mode !== 'resource') continue;
      if (target.type === 'aws_vpc' || target.type in NETWORK_PARENTS) {
        const id = vpcOf(target, seen);
        if (id) return id;
      }
    }
    return undefined;
  };

  // Route tables: which gateways they route to (inline route blocks and aws_route resources).
  const routesTo = new Map<string, Set<string>>();
  for (const rt of ofType('aws_route_table', 'aws_default_route_table')) {
    const targets = new Set<string>();
    for (const ref of collectRefsOf(rt, 'route')) targets.add(ref);
    routesTo.set(rt.address, targets);
  }
  for (const route of ofType('aws_route')) {
    for (const rt of refsOfType(route, 'aws_route_table').concat(
      refsOfType(route, 'aws_default_route_table'),
    )) {
      const set = routesTo.get(rt) ?? new Set<string>();
      for (const ref of route.refs) if (ref !== rt) set.add(ref);
      routesTo.set(rt, set);
    }
  }
  const tierOfTable = (rt: string): SubnetTier => {
    const targets = [...(routesTo.get(rt) ?? [])].map((a) => cfg.byAddress.get(a)?.type);
    if (targets.includes('aws_internet_gateway')) return 'public';
    if (targets.includes('aws_nat_gateway')) return 'private';
    return 'isolated';
  };
  const subnetTier = new Map<string, SubnetTier>();
  for (const assoc of ofType('aws_route_table_association')) {
    const rts = refsOfType(assoc, 'aws_route_table').concat(refsOfType(assoc, 'aws_default_route_table'));
    for (const subnet of refsOfType(assoc, 'aws_subnet')) {
      if (rts[0]) subnetTier.set(subnet, rank(subnetTier.get(subnet), tierOfTable(rts[0])));
    }
  }

  // Subnets per VPC and tier, with their CIDRs and AZs (count blocks expanded when known).
  const byVpc = new Map<string, Map<SubnetTier, SubnetInstance[]>>();
  for (const subnet of ofType('aws_subnet')) {
    const vpcId = vpcOf(subnet);
    if (!vpcId) continue;
    const tier = subnetTier.get(subnet.address) ?? 'isolated';
    if (!subnetTier.has(subnet.address))
      problems.push(
        info(
          subnet,
          `${subnet.address} has no route table association in this configuration; drawn in the isolated tier`,
        ),
      );
    result.subnets.set(subnet.address, { vpcId, tier });
    const instances = instancesOf(subnet) ?? [{}];
    const tiers = byVpc.get(vpcId) ?? new Map<SubnetTier, SubnetInstance[]>();
    const list = tiers.get(tier) ?? [];
    for (const instance of instances) {
      const cidr = argument(subnet, rawAt(subnet.body, 'cidr_block'), instance);
      const az = argument(subnet, rawAt(subnet.body, 'availability_zone'), instance);
      list.push({
        block: subnet,
        ...(typeof cidr === 'string' && parseCidr(cidr) ? { cidr } : {}),
        ...(typeof az === 'string' ? { az } : {}),
        index: list.length,
      });
    }
    tiers.set(tier, list);
    byVpc.set(vpcId, tiers);
  }

  for (const vpcBlock of vpcBlocks) {
    const id = result.vpcIds.get(vpcBlock.address);
    if (!id) continue;
    const cidrValue = argument(vpcBlock, rawAt(vpcBlock.body, 'cidr_block'));
    let cidr = typeof cidrValue === 'string' && parseCidr(cidrValue) ? cidrValue : undefined;
    if (!cidr) {
      cidr = '10.0.0.0/16';
      problems.push(
        info(
          vpcBlock,
          `${vpcBlock.address}: cidr_block is not known before apply (or not an IPv4 CIDR); the VPC is drawn with 10.0.0.0/16`,
          'warning',
        ),
      );
    }
    const tiers = byVpc.get(id) ?? new Map<SubnetTier, SubnetInstance[]>();
    const azs = new Set<string>();
    for (const list of tiers.values()) for (const s of list) if (s.az) azs.add(s.az);
    const perTier = Math.max(0, ...[...tiers.values()].map((l) => l.length));
    let azCount = azs.size > 0 ? azs.size : perTier;
    if (azCount > 3) {
      problems.push(
        info(
          vpcBlock,
          `${vpcBlock.address} spans ${azCount} availability zones; the design draws at most 3`,
          'warning',
        ),
      );
      azCount = 3;
    } else if (azCount < 2) {
      if (tiers.size > 0)
        problems.push(
          info(
            vpcBlock,
            `${vpcBlock.address} has subnets in ${azCount || 'an unknown number of'} availability zone(s); the design draws at least 2`,
            'warning',
          ),
        );
      azCount = 2;
    }
    const azOrder = [...azs].sort();
    const subnetCidrs: Vpc['subnetCidrs'] = {};
    const parent = parseCidr(cidr)!;
    for (const tier of SUBNET_TIERS) {
      const list = tiers.get(tier);
      if (!list) continue;
      const slots: string[] = [];
      const byAz = new Map<number, SubnetInstance>();
      const extra = new Set<string>();
      for (const s of list) {
        const azIndex = s.az ? azOrder.indexOf(s.az) : s.index;
        if (azIndex >= azCount || byAz.has(azIndex)) {
          if (!extra.has(s.block.address))
            problems.push(
              info(
                s.block,
                `${s.block.address} has more ${tier} subnets than the ${azCount} AZs the design draws one ${tier} subnet in; the extra ones are not drawn`,
              ),
            );
          extra.add(s.block.address);
          continue;
        }
        byAz.set(azIndex, s);
      }
      for (let i = 0; i < azCount; i++) {
        const s = byAz.get(i);
        const inside = s?.cidr ? within(parseCidr(s.cidr)!, parent) : false;
        if (!s?.cidr || !inside) break;
        slots.push(s.cidr);
      }
      if (slots.length > 0) subnetCidrs[tier] = slots;
      else if (list.length > 0)
        problems.push(
          info(
            list[0]!.block,
            `${list[0]!.block.address}: the ${tier} subnets' CIDRs are not known before apply; the design carves them from the VPC CIDR`,
          ),
        );
    }
    const tierList = SUBNET_TIERS.filter((t) => tiers.has(t));
    const vpc: Vpc = {
      id,
      name: nameOf(vpcBlock),
      cidr,
      azCount,
      tiers: tierList.length > 0 ? tierList : [...SUBNET_TIERS],
      subnetPrefix: Math.min(28, Math.max(16, parent.prefix + 8, 24)),
      ...(Object.keys(subnetCidrs).length > 0 ? { subnetCidrs } : {}),
      flowLogs: ofType('aws_flow_log').some((f) => f.refs.includes(vpcBlock.address)),
    };
    result.vpcs.push(vpc);
  }

  for (const b of blocks) {
    if (!(b.type in NETWORK_PARENTS) && b.type !== 'aws_vpc' && !OTHER_NETWORK.has(b.type)) continue;
    let id = vpcOf(b);
    // An Elastic IP or a gateway names its VPC through what refers to it (a NAT gateway).
    if (!id)
      for (const other of blocks)
        if (
          other.refs.includes(b.address) &&
          (other.type in NETWORK_PARENTS || OTHER_NETWORK.has(other.type))
        ) {
          id = vpcOf(other);
          if (id) break;
        }
    if (id) result.membership.set(b.address, id);
    if (id && b.type === 'aws_nat_gateway')
      result.natGateways.set(id, [...(result.natGateways.get(id) ?? []), b]);
  }
  return result;
}

/** Network types that name their VPC directly or through a parent network block. */
const NETWORK_PARENTS: Record<string, true> = {
  aws_subnet: true,
  aws_route_table: true,
  aws_internet_gateway: true,
  aws_nat_gateway: true,
  aws_default_route_table: true,
  aws_egress_only_internet_gateway: true,
};

const OTHER_NETWORK = new Set([
  'aws_route_table_association',
  'aws_route',
  'aws_internet_gateway_attachment',
  'aws_eip',
  'aws_main_route_table_association',
  'aws_default_security_group',
  'aws_default_network_acl',
  'aws_network_acl',
  'aws_network_acl_rule',
  'aws_network_acl_association',
  'aws_vpc_dhcp_options',
  'aws_vpc_dhcp_options_association',
  'aws_flow_log',
  'aws_vpc_endpoint',
  'aws_vpc_endpoint_route_table_association',
  'aws_vpc_ipv4_cidr_block_association',
]);

function rank(a: SubnetTier | undefined, b: SubnetTier): SubnetTier {
  const order: SubnetTier[] = ['public', 'private', 'isolated'];
  return a === undefined ? b : order[Math.min(order.indexOf(a), order.indexOf(b))]!;
}

function within(
  inner: { network: number; prefix: number },
  outer: { network: number; prefix: number },
): boolean {
  if (inner.prefix < outer.prefix) return false;
  const size = 2 ** (32 - outer.prefix);
  return inner.network >= outer.network && inner.network < outer.network + size;
}

/** Addresses referred to from inside the block's nested `key` blocks. */
function collectRefsOf(b: Block, key: string): string[] {
  const refs = collectRefs(b.body[key]);
  return b.refs.filter((a) =>
    refs.some((r) => {
      const full = `${b.module.prefix}${r}`;
      return full === a || full.startsWith(`${a}.`) || full.startsWith(`${a}[`);
    }),
  );
}

export function nameOf(b: Block): string {
  const tag = argument(b, rawAt(b.body, 'tags.Name'));
  const name = typeof tag === 'string' && tag.trim() !== '' ? tag : b.name;
  return name.slice(0, 128);
}

function info(b: Block, message: string, severity: 'info' | 'warning' = 'info'): ImportProblem {
  return {
    severity,
    message,
    file: b.file,
    ...(b.line !== undefined ? { line: b.line } : {}),
    sourceId: b.address,
  };
}
