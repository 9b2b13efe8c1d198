/**
 * The template's VPCs rebuilt as design VPCs: CIDR, AZ count and explicit subnet CIDRs per tier.
 * A subnet is public when its route table sends 0.0.0.0/0 to an internet gateway, private when
 * it sends it to a NAT gateway (or a NAT instance), isolated otherwise.
 */
import type { SubnetTier, Vpc } from '@archgen/model';
import { UNRESOLVED, referencesIn } from './intrinsics.ts';

export interface NetResource {
  id: string;
  type: string;
  props: Record<string, unknown>;
}

export interface SubnetInfo {
  id: string;
  vpc: string | undefined;
  tier: SubnetTier;
  cidr?: string;
  az?: number;
}

export interface RebuiltNetwork {
  /** Per source VPC logical ID. */
  vpcs: Map<string, { vpc: Vpc; natCount: number; natIds: string[] }>;
  subnets: Map<string, SubnetInfo>;
  /** Source network resource -> the VPC logical ID it belongs to. */
  owner: Map<string, string>;
  problems: string[];
}

const refTarget = (v: unknown): string | undefined => referencesIn(v)[0]?.target;

/** The value of a subnet's Tier tag, lower case. */
function tierTag(tags: unknown, value: (v: unknown) => unknown): string | undefined {
  for (const tag of Array.isArray(tags) ? tags : []) {
    const t = tag as Record<string, unknown>;
    if (typeof t === 'object' && t !== null && value(t.Key) === 'Tier') {
      const v = value(t.Value);
      return typeof v === 'string' ? v.toLowerCase() : undefined;
    }
  }
  return undefined;
}

export function rebuildNetwork(
  resources: readonly NetResource[],
  value: (v: unknown) => unknown,
  layoutId: (logicalId: string) => string | undefined,
  takenIds: Set<string>,
): RebuiltNetwork {
  const problems: string[] = [];
  const byType = (t: string) => resources.filter((r) => r.type === t);
  const igws = new Set(byType('AWS::EC2::InternetGateway').map((r) => r.id));
  const nats = new Set(byType('AWS::EC2::NatGateway').map((r) => r.id));
  // Route table -> where its default route goes.
  const defaultRoute = new Map<string, 'igw' | 'nat'>();
  for (const route of byType('AWS::EC2::Route')) {
    const dest = value(route.props.DestinationCidrBlock);
    if (dest !== '0.0.0.0/0') continue;
    const table = refTarget(route.props.RouteTableId);
    if (!table) continue;
    const gateway = refTarget(route.props.GatewayId);
    if (gateway && igws.has(gateway)) defaultRoute.set(table, 'igw');
    else if (
      (refTarget(route.props.NatGatewayId) ?? '') !== '' ||
      route.props.InstanceId !== undefined ||
      route.props.NetworkInterfaceId !== undefined
    )
      defaultRoute.set(table, defaultRoute.get(table) ?? 'nat');
    else if (gateway) defaultRoute.set(table, 'igw'); // a gateway passed as a parameter
  }
  const subnetTable = new Map<string, string>();
  for (const assoc of byType('AWS::EC2::SubnetRouteTableAssociation')) {
    const subnet = refTarget(assoc.props.SubnetId);
    const table = refTarget(assoc.props.RouteTableId);
    if (subnet && table) subnetTable.set(subnet, table);
  }
  const subnets = new Map<string, SubnetInfo>();
  for (const s of byType('AWS::EC2::Subnet')) {
    const table = subnetTable.get(s.id);
    const route = table ? defaultRoute.get(table) : undefined;
    const mapsPublic =
      value(s.props.MapPublicIpOnLaunch) === true || value(s.props.MapPublicIpOnLaunch) === 'true';
    // Without a default route, a subnet tagged Tier=private (archgen's export writes the tag) is a
    // private subnet that reaches AWS through VPC endpoints rather than a NAT gateway.
    const tagged = tierTag(s.props.Tags, value);
    const tier: SubnetTier =
      route === 'igw'
        ? 'public'
        : route === 'nat'
          ? 'private'
          : !table && mapsPublic
            ? 'public'
            : tagged === 'private'
              ? 'private'
              : 'isolated';
    const cidr = value(s.props.CidrBlock);
    const azValue = value(s.props.AvailabilityZone);
    const az = azIndex(s.props.AvailabilityZone, azValue);
    subnets.set(s.id, {
      id: s.id,
      vpc: refTarget(s.props.VpcId),
      tier,
      ...(typeof cidr === 'string' && cidr !== (UNRESOLVED as unknown) ? { cidr } : {}),
      ...(az !== undefined ? { az } : {}),
    });
  }

  const vpcs = new Map<string, { vpc: Vpc; natCount: number; natIds: string[] }>();
  const owner = new Map<string, string>();
  for (const v of byType('AWS::EC2::VPC')) {
    const cidrValue = value(v.props.CidrBlock);
    let cidr =
      typeof cidrValue === 'string' && /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(cidrValue) ? cidrValue : undefined;
    if (!cidr) {
      problems.push(
        `VPC ${v.id}: its CIDR block could not be worked out from the template; 10.0.0.0/16 assumed`,
      );
      cidr = '10.0.0.0/16';
    }
    const mine = [...subnets.values()].filter((s) => s.vpc === v.id);
    const byTier = new Map<SubnetTier, SubnetInfo[]>();
    for (const s of mine) byTier.set(s.tier, [...(byTier.get(s.tier) ?? []), s]);
    const tiers = (['public', 'private', 'isolated'] as const).filter((t) => byTier.has(t));
    const perTier = Math.max(0, ...[...byTier.values()].map((l) => l.length));
    const azCount = Math.min(3, Math.max(2, perTier));
    if (perTier > 3)
      problems.push(
        `VPC ${v.id}: ${perTier} subnets in one tier; the design holds up to 3 AZs, the first 3 kept`,
      );
    if (perTier === 1) problems.push(`VPC ${v.id}: one subnet per tier; the design uses at least 2 AZs`);
    const subnetCidrs: Partial<Record<SubnetTier, string[]>> = {};
    for (const [tier, list] of byTier) {
      const sorted = [...list].sort((a, b) => (a.az ?? 99) - (b.az ?? 99));
      const cidrs = sorted.map((s) => s.cidr).filter((c): c is string => typeof c === 'string');
      if (cidrs.length === sorted.length && cidrs.length > 0) subnetCidrs[tier] = cidrs.slice(0, 3);
      else
        problems.push(
          `VPC ${v.id}: the ${tier} subnets' CIDRs could not all be worked out; carved automatically`,
        );
    }
    const natIds = byType('AWS::EC2::NatGateway')
      .filter((n) => {
        const subnet = refTarget(n.props.SubnetId);
        return subnet !== undefined && subnets.get(subnet)?.vpc === v.id;
      })
      .map((n) => n.id);
    const id = uniqueVpcId(layoutId(v.id) ?? v.id, takenIds);
    const name = nameTag(v.props.Tags, value) ?? v.id;
    const flowLogs = byType('AWS::EC2::FlowLog').some((f) => refTarget(f.props.ResourceId) === v.id);
    const vpc: Vpc = {
      id,
      name,
      cidr,
      azCount,
      tiers: tiers.length > 0 ? [...tiers] : ['private'],
      subnetPrefix: 24,
      ...(Object.keys(subnetCidrs).length > 0 ? { subnetCidrs } : {}),
      flowLogs,
    };
    const logicalIds = networkLogicalIds(v.id, tiers, azCount, byTier, resources, subnetTable, defaultRoute);
    if (Object.keys(logicalIds).length > 0) vpc.logicalIds = logicalIds;
    vpcs.set(v.id, { vpc, natCount: natIds.length, natIds });
  }

  // Every network resource is accounted to a VPC: through the subnet, table or gateway it names.
  const vpcOf = (r: NetResource): string | undefined => {
    if (r.type === 'AWS::EC2::VPC') return r.id;
    for (const ref of referencesIn(r.props)) {
      if (vpcs.has(ref.target)) return ref.target;
      const s = subnets.get(ref.target);
      if (s?.vpc && vpcs.has(s.vpc)) return s.vpc;
    }
    return undefined;
  };
  // Tables name the VPC; routes and associations name tables; EIPs are named by NAT gateways.
  for (let pass = 0; pass < 3; pass++)
    for (const r of resources) {
      if (owner.has(r.id)) continue;
      const direct = vpcOf(r);
      if (direct) {
        owner.set(r.id, direct);
        continue;
      }
      for (const ref of referencesIn(r.props)) {
        const o = owner.get(ref.target);
        if (o) {
          owner.set(r.id, o);
          break;
        }
      }
      if (!owner.has(r.id)) {
        // Named by another network resource (an EIP by its NAT gateway, an IGW by its attachment).
        const namer = resources.find(
          (x) => owner.has(x.id) && referencesIn(x.props).some((ref) => ref.target === r.id),
        );
        if (namer) owner.set(r.id, owner.get(namer.id)!);
      }
    }
  void nats;
  return { vpcs, subnets, owner, problems };
}

/**
 * The source's network logical ids, keyed by their position in the network the lowering builds
 * from the design VPC (model Vpc.logicalIds), so a re-export keeps them: subnets tier by tier
 * (public, private, isolated) in AZ order; one route table for the public subnets, one per
 * private subnet, one for the isolated ones, with their default routes and associations; NAT
 * gateway k (and its address) in public subnet k. A source table or route that has no place in
 * that shape (a second public route table) keeps no id: it would name a different resource.
 */
function networkLogicalIds(
  vpcId: string,
  tiers: readonly SubnetTier[],
  azCount: number,
  byTier: ReadonlyMap<SubnetTier, SubnetInfo[]>,
  resources: readonly NetResource[],
  subnetTable: ReadonlyMap<string, string>,
  defaultRoute: ReadonlyMap<string, 'igw' | 'nat'>,
): Record<string, string> {
  const ids: Record<string, string> = { vpc: vpcId };
  const byType = (t: string) => resources.filter((r) => r.type === t);
  const put = (role: string, position: number, id: string) => {
    const key = position === 0 ? role : `${role}:${position}`;
    if (!(key in ids) && !Object.values(ids).includes(id)) ids[key] = id;
  };
  const hasPublic = tiers.includes('public');
  const hasPrivate = tiers.includes('private');
  // Where each tier's tables sit among the route tables the lowering's network makes.
  const tablePosition = (tier: SubnetTier, az: number) =>
    tier === 'public'
      ? az === 0
        ? 0
        : undefined
      : tier === 'private'
        ? (hasPublic ? 1 : 0) + az
        : az === 0
          ? (hasPublic ? 1 : 0) + (hasPrivate ? azCount : 0)
          : undefined;
  const routes = byType('AWS::EC2::Route');
  const tablesSeen = new Set<string>();
  tiers.forEach((tier, t) => {
    const sorted = [...(byTier.get(tier) ?? [])]
      .sort((a, b) => (a.az ?? 99) - (b.az ?? 99))
      .slice(0, azCount);
    sorted.forEach((subnet, az) => {
      const position = t * azCount + az;
      put('subnet', position, subnet.id);
      const assoc = byType('AWS::EC2::SubnetRouteTableAssociation').find(
        (a) => refTarget(a.props.SubnetId) === subnet.id,
      );
      if (assoc) put('routeTableAssociation', position, assoc.id);
      const table = subnetTable.get(subnet.id);
      const at = tablePosition(tier, az);
      if (!table || at === undefined || tablesSeen.has(table)) return;
      // A shared private table has one place only: the first private subnet's.
      tablesSeen.add(table);
      put('routeTable', at, table);
      // Default routes: public first, then one per private subnet (isolated subnets have none).
      const route = routes.find(
        (r) =>
          refTarget(r.props.RouteTableId) === table &&
          defaultRoute.has(table) &&
          JSON.stringify(r.props.DestinationCidrBlock) === '"0.0.0.0/0"',
      );
      if (route && tier !== 'isolated')
        put('route', tier === 'public' ? 0 : (hasPublic ? 1 : 0) + az, route.id);
    });
  });
  const publicSubnets = [...(byTier.get('public') ?? [])].sort((a, b) => (a.az ?? 99) - (b.az ?? 99));
  for (const nat of byType('AWS::EC2::NatGateway')) {
    const k = publicSubnets.findIndex((s) => s.id === refTarget(nat.props.SubnetId));
    if (k < 0 || k >= azCount) continue;
    put('natGateway', k, nat.id);
    const eip = refTarget(nat.props.AllocationId);
    if (eip && byType('AWS::EC2::EIP').some((e) => e.id === eip)) put('natAddress', k, eip);
  }
  const attachment = byType('AWS::EC2::VPCGatewayAttachment').find((a) => refTarget(a.props.VpcId) === vpcId);
  if (attachment) {
    put('gatewayAttachment', 0, attachment.id);
    const igw = refTarget(attachment.props.InternetGatewayId);
    if (igw && byType('AWS::EC2::InternetGateway').some((g) => g.id === igw)) put('internetGateway', 0, igw);
  }
  const flowLog = byType('AWS::EC2::FlowLog').find((f) => refTarget(f.props.ResourceId) === vpcId);
  if (flowLog) put('flowLog', 0, flowLog.id);
  return ids;
}

function azIndex(raw: unknown, evaluated: unknown): number | undefined {
  if (typeof evaluated === 'string') {
    const m = /[a-z]$/.exec(evaluated);
    if (m) return 'abcdef'.indexOf(m[0]);
  }
  // !Select [i, !GetAZs ''] even when the region is unknown.
  const select = (raw as Record<string, unknown> | undefined)?.['Fn::Select'];
  if (Array.isArray(select) && Number.isInteger(Number(select[0]))) return Number(select[0]);
  return undefined;
}

export function nameTag(tags: unknown, value: (v: unknown) => unknown): string | undefined {
  if (!Array.isArray(tags)) return undefined;
  for (const t of tags) {
    const tag = t as Record<string, unknown>;
    if (tag?.Key === 'Name') {
      const v = value(tag.Value);
      if (typeof v === 'string' && v.trim() !== '') return v.slice(0, 128);
    }
  }
  return undefined;
}

function uniqueVpcId(wanted: string, taken: Set<string>): string {
  let id = wanted.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 60) || 'vpc';
  if (!/^[A-Za-z]/.test(id)) id = `v${id}`;
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}
