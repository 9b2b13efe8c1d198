/**
 * Immutable edits of the design document used by the commands. Each returns a new Design and
 * leaves untouched parts (nodes, connections) as the same objects, so memoized views only
 * re-render what changed. No validation lives here: the rules package judges the result.
 */
import {
  SUBNET_TIERS,
  getService,
  idStem,
  planSubnets,
  withAzCount,
  withSubnetCidrs,
  uniqueId as firstFreeId,
  type Connection,
  type ConnectionKind,
  type Design,
  type DesignNode,
  type Placement,
  type PropertyValue,
  type SubnetTier,
  type Vpc,
} from '@archgen/model';

export interface XY {
  x: number;
  y: number;
}

function usedIds(design: Design): Set<string> {
  return new Set([
    ...design.vpcs.map((v) => v.id),
    ...design.nodes.map((n) => n.id),
    ...design.connections.map((c) => c.id),
    ...design.notes.map((n) => n.id),
    ...(design.groups ?? []).map((g) => g.id),
  ]);
}

/** `base-1`, `base-2`, ...: the first id not used anywhere in the design (or in `taken`, which it joins). */
export function uniqueId(design: Design, base: string, taken: Set<string> = usedIds(design)): string {
  const id = firstFreeId(idStem(base), taken);
  taken.add(id);
  return id;
}

function uniqueName(design: Design, base: string): string {
  const names = new Set(design.nodes.map((n) => n.name));
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base} ${n}`)) return `${base} ${n}`;
}

export function addServiceNode(
  design: Design,
  type: string,
  position: XY,
  placement: Placement | null,
): { design: Design; id: string } {
  const service = getService(type);
  const id = uniqueId(design, type);
  const node: DesignNode = {
    id,
    type,
    name: uniqueName(design, service?.displayName ?? type),
    properties: {},
    placement,
    position: roundXY(position),
  };
  return { design: { ...design, nodes: [...design.nodes, node] }, id };
}

export function roundXY(p: XY): XY {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}

function mapNodes(design: Design, ids: ReadonlySet<string>, fn: (n: DesignNode) => DesignNode): Design {
  let changed = false;
  const nodes = design.nodes.map((n) => {
    if (!ids.has(n.id)) return n;
    const next = fn(n);
    if (next !== n) changed = true;
    return next;
  });
  return changed ? { ...design, nodes } : design;
}

export interface NodeMove {
  id: string;
  position: XY;
  /** undefined = keep the current placement. */
  placement?: Placement | null;
}

export function moveNodes(design: Design, moves: readonly NodeMove[]): Design {
  const byId = new Map(moves.map((m) => [m.id, m]));
  return mapNodes(design, new Set(byId.keys()), (n) => {
    const move = byId.get(n.id)!;
    const position = roundXY(move.position);
    const placement = move.placement === undefined ? n.placement : move.placement;
    const samePlacement =
      placement === n.placement ||
      (placement !== null &&
        n.placement !== null &&
        placement.vpcId === n.placement.vpcId &&
        placement.tier === n.placement.tier);
    if (samePlacement && n.position?.x === position.x && n.position?.y === position.y) return n;
    return { ...n, position, placement: samePlacement ? n.placement : placement };
  });
}

export function updateNode(
  design: Design,
  id: string,
  patch: Partial<Pick<DesignNode, 'name' | 'placement'>>,
): Design {
  return mapNodes(design, new Set([id]), (n) => ({ ...n, ...patch }));
}

/** Sets a base property value; `undefined` removes it (back to the catalog default). */
export function setNodeProperty(
  design: Design,
  id: string,
  key: string,
  value: PropertyValue | undefined,
): Design {
  return mapNodes(design, new Set([id]), (n) => {
    const properties = { ...n.properties };
    if (value === undefined) delete properties[key];
    else properties[key] = value;
    return { ...n, properties };
  });
}

/** Sets a per-environment override; `undefined` removes it (back to the base value). */
export function setOverride(
  design: Design,
  env: string,
  targetId: string,
  key: string,
  value: PropertyValue | undefined,
): Design {
  return {
    ...design,
    environments: design.environments.map((e) => {
      if (e.name !== env) return e;
      const current = { ...(e.overrides[targetId] ?? {}) };
      if (value === undefined) delete current[key];
      else current[key] = value;
      const overrides = { ...e.overrides };
      if (Object.keys(current).length === 0) delete overrides[targetId];
      else overrides[targetId] = current;
      return { ...e, overrides };
    }),
  };
}

export function addConnection(
  design: Design,
  from: string,
  to: string,
  kind: ConnectionKind,
): { design: Design; id: string } {
  const target = design.nodes.find((n) => n.id === to);
  const listener = target ? getService(target.type)?.listener : undefined;
  const id = uniqueId(design, `${from}-to-${to}`.slice(0, 50));
  const connection: Connection = { id, from, to, kind };
  if (kind === 'traffic' && listener) {
    connection.port = listener.port;
    connection.protocol = listener.protocol;
  }
  return { design: { ...design, connections: [...design.connections, connection] }, id };
}

export function updateConnection(
  design: Design,
  id: string,
  patch: Partial<Pick<Connection, 'kind' | 'port' | 'protocol' | 'label'>>,
): Design {
  return {
    ...design,
    connections: design.connections.map((c) => {
      if (c.id !== id) return c;
      const next: Connection = { ...c, ...patch };
      for (const key of ['port', 'protocol', 'label'] as const) if (next[key] === undefined) delete next[key];
      // Settings belong to the kind they were made for (an event source's batching).
      if (patch.kind !== undefined && patch.kind !== c.kind) delete next.properties;
      return next;
    }),
  };
}

/** Sets one of a connection's settings; `undefined` removes it (back to the catalog default). */
export function setConnectionProperty(
  design: Design,
  id: string,
  key: string,
  value: PropertyValue | undefined,
): Design {
  return {
    ...design,
    connections: design.connections.map((c) => {
      if (c.id !== id) return c;
      const properties = { ...(c.properties ?? {}) };
      if (value === undefined) delete properties[key];
      else properties[key] = value;
      const next: Connection = { ...c, properties };
      if (Object.keys(properties).length === 0) delete next.properties;
      return next;
    }),
  };
}

export interface ElementIds {
  nodeIds: readonly string[];
  connectionIds: readonly string[];
  vpcIds: readonly string[];
}

/**
 * Deletes nodes, connections and VPCs plus everything that refers to them (connections of a
 * deleted node, overrides, notes, usage, accepted risks), so the result still parses.
 * Nodes of a deleted VPC are kept, unplaced: work is never lost silently.
 */
export function removeElements(design: Design, ids: ElementIds): Design {
  const nodeIds = new Set(ids.nodeIds);
  const vpcIds = new Set(ids.vpcIds);
  const connectionIds = new Set(ids.connectionIds);
  for (const c of design.connections) if (nodeIds.has(c.from) || nodeIds.has(c.to)) connectionIds.add(c.id);
  if (nodeIds.size === 0 && vpcIds.size === 0 && connectionIds.size === 0) return design;
  const gone = new Set([...nodeIds, ...vpcIds, ...connectionIds]);
  const usage = { ...design.usage };
  for (const id of gone) delete usage[id];
  return {
    ...design,
    vpcs: design.vpcs.filter((v) => !vpcIds.has(v.id)),
    nodes: design.nodes
      .filter((n) => !nodeIds.has(n.id))
      .map((n) => (n.placement && vpcIds.has(n.placement.vpcId) ? { ...n, placement: null } : n)),
    connections: design.connections.filter((c) => !connectionIds.has(c.id)),
    environments: design.environments.map((e) => {
      if (!Object.keys(e.overrides).some((k) => gone.has(k))) return e;
      const overrides = { ...e.overrides };
      for (const id of gone) delete overrides[id];
      return { ...e, overrides };
    }),
    notes: design.notes.filter((n) => !gone.has(n.targetId)),
    acceptedRisks: design.acceptedRisks.filter((r) => !gone.has(r.targetId)),
    usage,
  };
}

export function updateVpc(design: Design, id: string, patch: Partial<Omit<Vpc, 'id'>>): Design {
  return { ...design, vpcs: design.vpcs.map((v) => (v.id === id ? { ...v, ...patch } : v)) };
}

function mapVpc(design: Design, id: string, update: (vpc: Vpc) => Vpc): Design {
  return { ...design, vpcs: design.vpcs.map((v) => (v.id === id ? update(v) : v)) };
}

/**
 * Removing a tier unplaces the nodes that lived in it (the rules then flag them) and forgets its
 * explicit CIDRs.
 */
export function setVpcTiers(design: Design, id: string, tiers: SubnetTier[]): Design {
  const ordered = SUBNET_TIERS.filter((t) => tiers.includes(t));
  const next = mapVpc(design, id, (vpc) =>
    SUBNET_TIERS.filter((t) => !ordered.includes(t) && vpc.subnetCidrs?.[t]).reduce(
      (v, t) => withSubnetCidrs(v, t, null),
      { ...vpc, tiers: ordered },
    ),
  );
  return {
    ...next,
    nodes: next.nodes.map((n) =>
      n.placement?.vpcId === id && !ordered.includes(n.placement.tier) ? { ...n, placement: null } : n,
    ),
  };
}

/** A new AZ count; explicit tiers keep one CIDR per AZ (the next free block for a new AZ). */
export function setAzCount(design: Design, id: string, azCount: number): Design {
  return mapVpc(design, id, (vpc) => withAzCount(vpc, azCount));
}

/**
 * A tier's subnet CIDRs: `'explicit'` starts from the CIDRs the tier has now (so nothing moves
 * until one is edited), a list sets them (one per AZ), null makes the tier automatic again.
 */
export function setSubnetCidrs(
  design: Design,
  id: string,
  tier: SubnetTier,
  cidrs: readonly string[] | 'explicit' | null,
): Design {
  return mapVpc(design, id, (vpc) => {
    const list =
      cidrs === 'explicit'
        ? planSubnets(vpc)
            .filter((s) => s.tier === tier)
            .map((s) => s.cidr)
        : cidrs;
    return withSubnetCidrs(vpc, tier, list);
  });
}

/**
 * One AZ's CIDR of an explicit tier. A tier that lists fewer CIDRs than it has AZs (a hand-edited
 * file) fills the gap with the CIDRs it is drawn with, so the list never has a hole; unchanged
 * when there is no CIDR to fill it with.
 */
export function setSubnetCidr(
  design: Design,
  id: string,
  tier: SubnetTier,
  azIndex: number,
  cidr: string,
): Design {
  const vpc = design.vpcs.find((v) => v.id === id);
  const current = vpc?.subnetCidrs?.[tier];
  if (!vpc || !current) return design;
  const planned = planSubnets(vpc);
  const list = Array.from({ length: Math.max(current.length, azIndex + 1) }, (_, i) =>
    i === azIndex ? cidr : (current[i] ?? planned.find((s) => s.tier === tier && s.azIndex === i)?.cidr),
  );
  if (list.some((c) => c === undefined)) return design;
  return setSubnetCidrs(design, id, tier, list as string[]);
}

export const MIN_AZS = 2;
export const MAX_AZS = 3;
export const MAX_VPCS = 5;

/** A new VPC like newBlankDesign's: the next free 10.x.0.0/16, 2 AZs, all three tiers. */
export function addVpc(design: Design, position: XY): { design: Design; id: string } {
  const id = uniqueId(design, 'vpc');
  const usedSecondOctets = new Set(design.vpcs.map((v) => Number(v.cidr.split('.')[1])));
  let octet = 0;
  while (usedSecondOctets.has(octet)) octet++;
  const vpc: Vpc = {
    id,
    name: design.vpcs.length === 0 ? 'main' : `vpc-${design.vpcs.length + 1}`,
    cidr: `10.${octet}.0.0/16`,
    azCount: 2,
    tiers: ['public', 'private', 'isolated'],
    subnetPrefix: 24,
    flowLogs: true,
    position: roundXY(position),
  };
  return { design: { ...design, vpcs: [...design.vpcs, vpc] }, id };
}

/** Copies of the clipboard nodes with fresh ids, offset, and the connections among them. */
export function pasteElements(
  design: Design,
  content: { nodes: readonly DesignNode[]; connections: readonly Connection[] },
  offset: XY,
): { design: Design; nodeIds: string[] } {
  const taken = usedIds(design);
  const vpcIds = new Set(design.vpcs.map((v) => v.id));
  const idMap = new Map<string, string>();
  const nodes = content.nodes.map((n) => {
    const id = uniqueId(design, n.type, taken);
    idMap.set(n.id, id);
    const position = n.position ? { x: n.position.x + offset.x, y: n.position.y + offset.y } : undefined;
    // A copy is drawn, not imported: it joins no module's group (which the target may not have).
    const { group: _group, ...copy } = structuredClone(n);
    return {
      ...copy,
      id,
      placement: n.placement && vpcIds.has(n.placement.vpcId) ? n.placement : null,
      ...(position ? { position } : {}),
    };
  });
  const connections = content.connections.flatMap((c) => {
    const from = idMap.get(c.from);
    const to = idMap.get(c.to);
    if (!from || !to) return [];
    return [{ ...c, id: uniqueId(design, `${from}-to-${to}`.slice(0, 50), taken), from, to }];
  });
  return {
    design: {
      ...design,
      nodes: [...design.nodes, ...nodes],
      connections: [...design.connections, ...connections],
    },
    nodeIds: nodes.map((n) => n.id),
  };
}
