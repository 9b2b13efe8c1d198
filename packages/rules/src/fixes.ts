/**
 * Applies a suggested fix to a design. Pure: returns a new design and leaves the input (and
 * every object in it) untouched, so the app can push the old design onto its undo stack.
 */
import { allowedConnectionKinds, withAzCount, withSubnetCidrs } from '@archgen/model';
import type { Connection, ConnectionKind, Design, DesignNode } from '@archgen/model';
import type { FixAction, SuggestedFix } from './types.ts';

const MAX_ID_LENGTH = 64;

/** Design values are plain JSON, so a JSON round trip is a full copy (no shared references). */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `base`, or `base-2`, `base-3`, ... : the first not in `taken` (ids stay within 64 chars). */
function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, MAX_ID_LENGTH);
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const candidate = stem.slice(0, MAX_ID_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

function requireNode(design: Design, nodeId: string): DesignNode {
  const node = design.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`Fix refers to node "${nodeId}", which is not in the design`);
  return node;
}

function updateNode(design: Design, nodeId: string, update: (node: DesignNode) => DesignNode): Design {
  requireNode(design, nodeId);
  return { ...design, nodes: design.nodes.map((n) => (n.id === nodeId ? update(n) : n)) };
}

function connectionKind(from: DesignNode, to: DesignNode, requested?: ConnectionKind): ConnectionKind {
  if (requested) return requested;
  const kind = allowedConnectionKinds(from.type, to.type)[0];
  if (!kind) throw new Error(`No connection kind joins ${from.type} to ${to.type}`);
  return kind;
}

function addNode(design: Design, action: Extract<FixAction, { kind: 'add-node' }>): Design {
  const nodeIds = new Set(design.nodes.map((n) => n.id));
  const node: DesignNode = { ...copy(action.node), id: uniqueId(action.node.id, nodeIds) };
  const connections = [...design.connections];
  const connectionIds = new Set(connections.map((c) => c.id));
  const connect = (from: DesignNode, to: DesignNode) => {
    const id = uniqueId(`${from.id}-to-${to.id}`, connectionIds);
    connectionIds.add(id);
    const connection: Connection = {
      id,
      from: from.id,
      to: to.id,
      kind: connectionKind(from, to, action.connectionKind),
    };
    connections.push(connection);
  };
  if (action.connectFrom !== undefined) connect(requireNode(design, action.connectFrom), node);
  if (action.connectTo !== undefined) connect(node, requireNode(design, action.connectTo));
  return { ...design, nodes: [...design.nodes, node], connections };
}

/**
 * The tags with `oldKey` replaced by `newKey` = `value`, in place (the rest keep their order). A
 * null-prototype copy, as parseDesign makes, so a key like "__proto__" stays data.
 */
function withTag(tags: Design['tags'], oldKey: string, newKey: string, value: string): Design['tags'] {
  const out = Object.create(null) as Design['tags'];
  let placed = false;
  for (const key of Object.keys(tags)) {
    if (key === newKey && key !== oldKey) continue;
    if (key === oldKey) {
      out[newKey] = value;
      placed = true;
    } else out[key] = tags[key]!;
  }
  if (!placed) out[newKey] = value;
  return out;
}

function applyAction(design: Design, action: FixAction): Design {
  switch (action.kind) {
    case 'set-property':
      return updateNode(design, action.nodeId, (n) => ({
        ...n,
        properties: { ...n.properties, [action.key]: copy(action.value) },
      }));
    case 'move-node':
      if (!design.vpcs.some((v) => v.id === action.vpcId))
        throw new Error(`Fix moves a node into VPC "${action.vpcId}", which is not in the design`);
      return updateNode(design, action.nodeId, (n) => ({
        ...n,
        placement: { vpcId: action.vpcId, tier: action.tier },
      }));
    case 'clear-placement':
      return updateNode(design, action.nodeId, (n) => ({ ...n, placement: null }));
    case 'set-vpc':
      if (!design.vpcs.some((v) => v.id === action.vpcId))
        throw new Error(`Fix refers to VPC "${action.vpcId}", which is not in the design`);
      return {
        ...design,
        vpcs: design.vpcs.map((v) =>
          v.id !== action.vpcId
            ? v
            : action.key === 'azCount'
              ? // Explicit subnet CIDRs stay one per AZ.
                withAzCount(v, action.value as number)
              : { ...v, flowLogs: action.value as boolean },
        ),
      };
    case 'set-subnet-cidrs':
      if (!design.vpcs.some((v) => v.id === action.vpcId))
        throw new Error(`Fix refers to VPC "${action.vpcId}", which is not in the design`);
      return {
        ...design,
        vpcs: design.vpcs.map((v) =>
          v.id === action.vpcId ? withSubnetCidrs(v, action.tier, action.cidrs && [...action.cidrs]) : v,
        ),
      };
    case 'add-node':
      return addNode(design, action);
    case 'remove-connection':
      return { ...design, connections: design.connections.filter((c) => c.id !== action.connectionId) };
    case 'set-connection': {
      if (!design.connections.some((c) => c.id === action.connectionId))
        throw new Error(`Fix refers to connection "${action.connectionId}", which is not in the design`);
      return {
        ...design,
        connections: design.connections.map((c) =>
          c.id === action.connectionId
            ? {
                ...c,
                ...(action.port !== undefined ? { port: action.port } : {}),
                ...(action.protocol !== undefined ? { protocol: action.protocol } : {}),
              }
            : c,
        ),
      };
    }
    case 'set-tag':
      return { ...design, tags: withTag(design.tags, action.key, action.key, action.value) };
    case 'rename-tag': {
      if (!Object.hasOwn(design.tags, action.key))
        throw new Error(`Fix renames tag "${action.key}", which is not in the design`);
      return { ...design, tags: withTag(design.tags, action.key, action.newKey, design.tags[action.key]!) };
    }
    case 'set-design-text':
      return { ...design, [action.field]: action.value };
    case 'rename-node':
      return updateNode(design, action.nodeId, (n) => ({ ...n, name: action.name }));
    case 'rename-vpc':
      if (!design.vpcs.some((v) => v.id === action.vpcId))
        throw new Error(`Fix renames VPC "${action.vpcId}", which is not in the design`);
      return {
        ...design,
        vpcs: design.vpcs.map((v) => (v.id === action.vpcId ? { ...v, name: action.name } : v)),
      };
    case 'set-env-override': {
      if (!design.environments.some((e) => e.name === action.env))
        throw new Error(`Fix refers to environment "${action.env}", which is not in the design`);
      return {
        ...design,
        environments: design.environments.map((e) =>
          e.name === action.env
            ? {
                ...e,
                overrides: {
                  ...e.overrides,
                  [action.targetId]: { ...e.overrides[action.targetId], [action.key]: copy(action.value) },
                },
              }
            : e,
        ),
      };
    }
  }
}

/** The design with every action of the fix applied in order. Throws if an action names a missing id. */
export function applyFix(design: Design, fix: SuggestedFix | readonly FixAction[]): Design {
  const actions = 'actions' in fix ? fix.actions : fix;
  return actions.reduce(applyAction, design);
}
