/**
 * Parameterised design operations (the inspector, canvas, problems panel and node buttons call
 * these). Each is one `commit`, so each is one undo step. The fixed, parameterless operations
 * the toolbar and shortcuts share live in commands.ts and call into these.
 */
import {
  allowedConnectionKinds,
  getService,
  type ConnectionKind,
  type Design,
  type Placement,
  type PropertyValue,
  type SubnetTier,
  isProductionEnvironment,
} from '@archgen/model';
import { applyFix, type Finding } from '@archgen/rules';
import type { AppStore } from '../store/appStore.ts';
import * as ops from '../store/designOps.ts';
import { MAX_AZS, MIN_AZS, MAX_VPCS } from '../store/designOps.ts';
import { computeLayout, recommendedSpot, settlePositions } from '@archgen/layout';

const nodeName = (design: Design, id: string) => design.nodes.find((n) => n.id === id)?.name ?? id;

/**
 * `next` with every node stored where the canvas draws it: `movers` (what this command placed)
 * go to the nearest free grid spot in their band, so no command leaves a node on another.
 */
function settled(next: Design, movers: Iterable<string> = [], snap = true): Design {
  return settlePositions(next, { movers: new Set(movers), snapMovers: snap });
}

export function addServiceAt(
  store: AppStore,
  type: string,
  topLeft: ops.XY,
  placement: Placement | null,
): string {
  const { design, commit, select } = store.getState();
  const result = ops.addServiceNode(design, type, topLeft, placement);
  commit(settled(result.design, [result.id]), `Add ${getService(type)?.displayName ?? type}`);
  select({ nodeIds: [result.id] });
  return result.id;
}

/**
 * Enter or double-click on a palette item: the service goes to its recommended subnet (or
 * outside the VPCs when it is regional), near `near`, the centre of the view.
 */
export function addServiceRecommended(store: AppStore, type: string, near: ops.XY): string {
  const { placement, position } = recommendedSpot(computeLayout(store.getState().design), type, near);
  return addServiceAt(store, type, position, placement);
}

/**
 * `mergeKey` joins quick repeated moves (arrow-key nudges) into one undo step; nudges move by
 * less than a grid step, so they are not snapped.
 */
export function moveNodes(store: AppStore, moves: ops.NodeMove[], mergeKey?: string): void {
  const { design, commit } = store.getState();
  if (moves.length === 0) return;
  const label = moves.length === 1 ? `Move ${nodeName(design, moves[0]!.id)}` : `Move ${moves.length} nodes`;
  const next = ops.moveNodes(design, moves);
  commit(
    next === design
      ? design
      : settled(
          next,
          moves.map((m) => m.id),
          mergeKey === undefined,
        ),
    label,
    mergeKey,
  );
}

/**
 * Moves a VPC and everything placed in it by the same offset. `drawnAt` and `nodePositions`
 * are where the canvas drew them (a VPC without a stored position wraps its nodes).
 */
export function moveVpc(
  store: AppStore,
  vpcId: string,
  drawnAt: ops.XY,
  to: ops.XY,
  nodePositions: ReadonlyMap<string, ops.XY>,
): void {
  const { design, commit } = store.getState();
  const vpc = design.vpcs.find((v) => v.id === vpcId);
  if (!vpc) return;
  const dx = to.x - drawnAt.x;
  const dy = to.y - drawnAt.y;
  const moves = design.nodes
    .filter((n) => n.placement?.vpcId === vpcId)
    .flatMap((n) => {
      const at = nodePositions.get(n.id) ?? n.position;
      return at ? [{ id: n.id, position: { x: at.x + dx, y: at.y + dy } }] : [];
    });
  const next = ops.moveNodes(ops.updateVpc(design, vpcId, { position: ops.roundXY(to) }), moves);
  commit(settled(next), `Move VPC ${vpc.name}`);
}

export function renameNode(store: AppStore, id: string, name: string): void {
  const { design, commit } = store.getState();
  commit(ops.updateNode(design, id, { name }), `Rename ${nodeName(design, id)}`, `name:${id}`);
}

export function placeNode(store: AppStore, id: string, placement: Placement | null): void {
  const { design, commit } = store.getState();
  commit(settled(ops.updateNode(design, id, { placement }), [id]), `Place ${nodeName(design, id)}`);
}

export function setProperty(
  store: AppStore,
  id: string,
  key: string,
  value: PropertyValue | undefined,
  env: string | null,
): void {
  const { design, commit } = store.getState();
  const next = env
    ? ops.setOverride(design, env, id, key, value)
    : ops.setNodeProperty(design, id, key, value);
  const what = value === undefined ? 'Reset' : 'Set';
  const label = `${what} ${key} of ${nodeName(design, id)}${env ? ` (${env})` : ''}`;
  commit(next, label, value === undefined ? undefined : `prop:${id}:${env ?? ''}:${key}`);
}

export type ConnectPlan =
  | { outcome: 'refuse'; reason: string }
  | { outcome: 'connect'; kind: ConnectionKind }
  | { outcome: 'choose'; kinds: ConnectionKind[] };

/** Decides what a drag from one handle to another means, from the catalog's accepted pairs. */
export function planConnection(design: Design, from: string, to: string): ConnectPlan {
  const source = design.nodes.find((n) => n.id === from);
  const target = design.nodes.find((n) => n.id === to);
  if (!source || !target) return { outcome: 'refuse', reason: 'Both ends must be services on the canvas.' };
  const sourceName = getService(source.type)?.displayName ?? source.type;
  const targetService = getService(target.type);
  const targetName = targetService?.displayName ?? target.type;
  if (from === to) return { outcome: 'refuse', reason: `${sourceName} cannot connect to itself.` };
  const kinds = allowedConnectionKinds(source.type, target.type);
  const existing = new Set(
    design.connections.filter((c) => c.from === from && c.to === to).map((c) => c.kind),
  );
  const fresh = kinds.filter((k) => !existing.has(k));
  if (kinds.length > 0 && fresh.length === 0)
    return { outcome: 'refuse', reason: `${source.name} is already connected to ${target.name}.` };
  if (fresh.length === 1) return { outcome: 'connect', kind: fresh[0]! };
  if (fresh.length > 1) return { outcome: 'choose', kinds: fresh };
  const reverse = allowedConnectionKinds(target.type, source.type);
  const senders = [...new Set((targetService?.accepts ?? []).flatMap((a) => a.from))]
    .map((t) => getService(t)?.displayName ?? t)
    .slice(0, 6);
  // Some refusals have a better answer than the list of senders (NAT egress is a route, not an edge).
  if (targetService?.refusalHint && !reverse.length)
    return {
      outcome: 'refuse',
      reason: `${sourceName} cannot connect to ${targetName}: ${targetService.refusalHint}`,
    };
  const why = reverse.length
    ? `connections go the other way (${targetName} → ${sourceName}).`
    : senders.length
      ? `${targetName} only accepts connections from ${senders.join(', ')}.`
      : `${targetName} accepts no incoming connections.`;
  return { outcome: 'refuse', reason: `${sourceName} cannot connect to ${targetName}: ${why}` };
}

export function connect(store: AppStore, from: string, to: string, kind: ConnectionKind): string {
  const { design, commit, select } = store.getState();
  const result = ops.addConnection(design, from, to, kind);
  commit(result.design, `Connect ${nodeName(design, from)} to ${nodeName(design, to)}`);
  select({ connectionIds: [result.id] });
  return result.id;
}

export function updateConnection(
  store: AppStore,
  id: string,
  patch: Parameters<typeof ops.updateConnection>[2],
): void {
  const { design, commit } = store.getState();
  commit(
    ops.updateConnection(design, id, patch),
    'Edit connection',
    `connection:${id}:${Object.keys(patch).join()}`,
  );
}

/** Sets (or with `undefined` resets) one of a connection's settings, e.g. an event source's batch size. */
export function setConnectionProperty(
  store: AppStore,
  id: string,
  key: string,
  value: PropertyValue | undefined,
): void {
  const { design, commit } = store.getState();
  commit(
    ops.setConnectionProperty(design, id, key, value),
    `${value === undefined ? 'Reset' : 'Set'} ${key} of connection ${id}`,
    value === undefined ? undefined : `connection-prop:${id}:${key}`,
  );
}

export function removeElements(store: AppStore, ids: ops.ElementIds, label = 'Delete'): void {
  const { design, commit, pruneSelection } = store.getState();
  commit(ops.removeElements(design, ids), label);
  pruneSelection();
}

export function setAzCount(store: AppStore, vpcId: string, azCount: number): void {
  const { design, commit } = store.getState();
  if (azCount < MIN_AZS || azCount > MAX_AZS) return;
  const vpc = design.vpcs.find((v) => v.id === vpcId);
  if (!vpc || vpc.azCount === azCount) return;
  commit(
    ops.setAzCount(design, vpcId, azCount),
    `${azCount > vpc.azCount ? 'Add' : 'Remove'} availability zone`,
  );
}

/** Makes a tier's subnet CIDRs explicit (starting from the current ones) or automatic again. */
export function setSubnetCidrMode(
  store: AppStore,
  vpcId: string,
  tier: SubnetTier,
  mode: 'explicit' | 'automatic',
): void {
  const { design, commit, toast } = store.getState();
  const next = ops.setSubnetCidrs(design, vpcId, tier, mode === 'explicit' ? 'explicit' : null);
  const vpc = next.vpcs.find((v) => v.id === vpcId);
  if (mode === 'explicit' && !vpc?.subnetCidrs?.[tier]) {
    toast('error', `The VPC has no room for ${tier} subnets: change its CIDR or subnet size first.`);
    return;
  }
  commit(
    next,
    `${mode === 'explicit' ? 'Set' : 'Carve'} ${tier} subnet CIDRs ${mode === 'explicit' ? 'by hand' : 'automatically'}`,
  );
}

/** One AZ's CIDR of an explicit tier; typing into the same field is one undo step. */
export function setSubnetCidr(
  store: AppStore,
  vpcId: string,
  tier: SubnetTier,
  azIndex: number,
  cidr: string,
): void {
  const { design, commit } = store.getState();
  const next = ops.setSubnetCidr(design, vpcId, tier, azIndex, cidr);
  if (next === design) return;
  commit(next, `Change ${tier} subnet CIDR`, `vpc:${vpcId}:subnetCidrs:${tier}:${azIndex}`);
}

export function updateVpc(
  store: AppStore,
  vpcId: string,
  patch: Parameters<typeof ops.updateVpc>[2],
  label: string,
): void {
  const { design, commit } = store.getState();
  commit(ops.updateVpc(design, vpcId, patch), label, `vpc:${vpcId}:${Object.keys(patch).join()}`);
}

export function setVpcTiers(
  store: AppStore,
  vpcId: string,
  tiers: Parameters<typeof ops.setVpcTiers>[2],
): void {
  const { design, commit } = store.getState();
  commit(ops.setVpcTiers(design, vpcId, tiers), 'Change subnet tiers');
}

export function addVpc(store: AppStore, position: ops.XY): void {
  const { design, commit, select } = store.getState();
  if (design.vpcs.length >= MAX_VPCS) {
    store.getState().toast('error', `A design holds at most ${MAX_VPCS} VPCs.`);
    return;
  }
  const result = ops.addVpc(design, position);
  commit(result.design, 'Add VPC');
  select({ vpcIds: [result.id] });
}

export function removeVpc(store: AppStore, vpcId: string): void {
  const vpc = store.getState().design.vpcs.find((v) => v.id === vpcId);
  removeElements(
    store,
    { nodeIds: [], connectionIds: [], vpcIds: [vpcId] },
    `Remove VPC ${vpc?.name ?? vpcId}`,
  );
}

/**
 * Remove VPC as a person asks for it: a VPC with services in it asks first, saying how many will
 * be taken out of it (they stay on the canvas, outside any VPC); an empty one goes at once.
 */
export function requestRemoveVpc(store: AppStore, vpcId: string): void {
  const { design, askConfirmation } = store.getState();
  const vpc = design.vpcs.find((v) => v.id === vpcId);
  if (!vpc) return;
  const inside = design.nodes.filter((n) => n.placement?.vpcId === vpcId).length;
  if (inside === 0) {
    removeVpc(store, vpcId);
    return;
  }
  const services = inside === 1 ? '1 service' : `${inside} services`;
  askConfirmation({
    title: `Remove VPC ${vpc.name}?`,
    message: `${services} inside it will be taken out of the VPC: they stay on the canvas, outside any subnet, and the checks will flag them until they are placed again. Undo brings everything back.`,
    confirmLabel: 'Remove VPC',
    onConfirm: () => removeVpc(store, vpcId),
  });
}

/** The quick-fix button: applies a finding's fix as one undoable step. */
export function applyFindingFix(store: AppStore, finding: Finding): void {
  const fix = finding.fix;
  if (!fix || fix.actions.length === 0) return;
  const { design, commit } = store.getState();
  try {
    // A node the fix re-placed (or added) goes to a free spot in its new band, not onto another.
    const next = applyFix(design, fix);
    const before = new Map(design.nodes.map((n) => [n.id, n]));
    const movers = next.nodes
      .filter((n) => {
        const was = before.get(n.id);
        return (
          !was || was.placement?.vpcId !== n.placement?.vpcId || was.placement?.tier !== n.placement?.tier
        );
      })
      .map((n) => n.id);
    commit(settled(next, movers), fix.title);
  } catch (error) {
    store.getState().toast('error', `Could not apply "${fix.title}": ${(error as Error).message}`);
  }
}

/** Sets where an environment deploys (empty: the design's region); one undo step per edit burst. */
export function setEnvironmentRegion(store: AppStore, env: string, region: string | undefined): void {
  const { design, commit } = store.getState();
  const current = design.environments.find((e) => e.name === env);
  if (!current || current.region === region) return;
  const environments = design.environments.map((e) => {
    if (e.name !== env) return e;
    const { region: _old, ...rest } = e;
    return region === undefined ? rest : { ...rest, region };
  });
  commit({ ...design, environments }, `Change ${env} region`, `env-region:${env}`);
}

/**
 * Marks an environment as production or not: its databases, tables and buckets are then kept
 * when its stack is deleted (protection.ts). The flag is written out even where it matches the
 * name heuristic, so a renamed environment keeps what the user chose.
 */
export function setEnvironmentProduction(store: AppStore, env: string, production: boolean): void {
  const { design, commit } = store.getState();
  const current = design.environments.find((e) => e.name === env);
  if (!current || isProductionEnvironment(current) === production) return;
  const environments = design.environments.map((e) => (e.name === env ? { ...e, production } : e));
  commit(
    { ...design, environments },
    production ? `Mark ${env} as production` : `Mark ${env} as not production`,
  );
}

export function updateDesignMeta(
  store: AppStore,
  patch: Partial<Pick<Design, 'name' | 'description' | 'region'>>,
  label: string,
): void {
  const { design, commit } = store.getState();
  commit({ ...design, ...patch }, label, `design:${Object.keys(patch).join()}`);
}
