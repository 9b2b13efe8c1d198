/**
 * The working state of one lowering run: the design's nodes, VPCs and connections sorted by id,
 * the names claimed so far and everything resolved so far. Every step of lower.ts reads and
 * appends here, always iterating in id order so the graph never depends on insertion order.
 */
import { getService, iamSafeDescription, resolveProperties } from '@archgen/model';
import type { Connection, Design, DesignNode, Properties, PropertyValue, Vpc } from '@archgen/model';
import { NameRegistry, compareIds } from './naming.ts';
import type {
  EnvValue,
  ResolvedAlarm,
  ResolvedBucketNotification,
  ResolvedComponent,
  ResolvedEventSource,
  ResolvedGrant,
  ResolvedNames,
  ResolvedRole,
  ResolvedRoute,
  ResolvedRuleTarget,
  ResolvedSecurityGroup,
  ResolvedSubscription,
  ResolvedVpc,
} from './types.ts';

/** Structural equality for property values (plain JSON data). */
export function sameValue(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const ra = a as Record<string, PropertyValue>;
  const rb = b as Record<string, PropertyValue>;
  const keys = Object.keys(ra);
  return (
    keys.length === Object.keys(rb).length &&
    keys.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]))
  );
}

export class LowerContext {
  readonly names = new NameRegistry();
  readonly nodes: readonly DesignNode[];
  readonly vpcs: readonly Vpc[];
  readonly connections: readonly Connection[];
  readonly nodesById: ReadonlyMap<string, DesignNode>;
  readonly vpcsById: ReadonlyMap<string, Vpc>;
  /** Connections leaving / entering each node, in id order. */
  readonly outgoing = new Map<string, Connection[]>();
  readonly incoming = new Map<string, Connection[]>();

  readonly resolvedVpcs: ResolvedVpc[] = [];
  readonly securityGroups: ResolvedSecurityGroup[] = [];
  readonly roles: ResolvedRole[] = [];
  /** Grants made here always name their role. */
  readonly grants: (ResolvedGrant & { roleId: string })[] = [];
  readonly eventSources: ResolvedEventSource[] = [];
  readonly subscriptions: ResolvedSubscription[] = [];
  readonly ruleTargets: ResolvedRuleTarget[] = [];
  readonly routes: ResolvedRoute[] = [];
  readonly alarms: ResolvedAlarm[] = [];
  readonly bucketNotifications: ResolvedBucketNotification[] = [];

  private readonly componentsById = new Map<string, ResolvedComponent>();
  /** Components grouped by owner (a node or VPC id, or "graph"), so each node is followed by what was derived for it. */
  private readonly componentsByOwner = new Map<string, ResolvedComponent[]>();
  private readonly rolesById = new Map<string, ResolvedRole>();
  private readonly securityGroupsByComponent = new Map<string, ResolvedSecurityGroup>();
  private readonly baseProps = new Map<string, Properties>();

  constructor(
    readonly design: Design,
    readonly envs: readonly string[],
  ) {
    this.nodes = [...design.nodes].sort((a, b) => compareIds(a.id, b.id));
    this.vpcs = [...design.vpcs].sort((a, b) => compareIds(a.id, b.id));
    this.connections = [...design.connections].sort((a, b) => compareIds(a.id, b.id));
    this.nodesById = new Map(this.nodes.map((n) => [n.id, n]));
    this.vpcsById = new Map(this.vpcs.map((v) => [v.id, v]));
    for (const c of this.connections) {
      if (!this.nodesById.has(c.from) || !this.nodesById.has(c.to)) continue;
      push(this.outgoing, c.from, c);
      push(this.incoming, c.to, c);
    }
  }

  /** The node's properties without environment overrides: used for structural decisions. */
  props(node: DesignNode): Properties {
    let props = this.baseProps.get(node.id);
    if (!props) {
      props = resolveProperties(this.design, node);
      this.baseProps.set(node.id, props);
    }
    return props;
  }

  /** Every catalog property of the node, per environment. */
  envProps(node: DesignNode): Record<string, EnvValue> {
    const service = getService(node.type);
    const base = this.props(node);
    // Most nodes have no override in most environments: those share the base values.
    const perEnv = this.envs.map((env) =>
      this.overriddenIn(env, node.id) ? resolveProperties(this.design, node, env) : base,
    );
    const out: Record<string, EnvValue> = {};
    for (const def of service?.properties ?? [])
      out[def.key] = this.envValue(perEnv.map((p) => p[def.key] ?? null));
    return out;
  }

  private overriddenIn(env: string, id: string): boolean {
    const overrides = this.design.environments.find((e) => e.name === env)?.overrides;
    return overrides !== undefined && Object.hasOwn(overrides, id);
  }

  /** An EnvValue from one value per environment (in `envs` order). */
  envValue<T extends PropertyValue>(values: readonly T[]): EnvValue<T> {
    const byEnv: Record<string, T> = {};
    this.envs.forEach((env, i) => (byEnv[env] = values[i]!));
    return { byEnv, varies: values.some((v) => !sameValue(v, values[0])) };
  }

  constant<T extends PropertyValue>(value: T): EnvValue<T> {
    return this.envValue(this.envs.map(() => value));
  }

  /** True when the component's property is `true` in at least one environment. */
  anyEnv(component: ResolvedComponent, key: string): boolean {
    const value = component.props[key];
    return value !== undefined && Object.values(value.byEnv).some((v) => v === true);
  }

  addComponent(component: ResolvedComponent, ownerId: string): ResolvedComponent {
    if (this.componentsById.has(component.id)) throw new Error(`Duplicate component id "${component.id}"`);
    this.componentsById.set(component.id, component);
    push(this.componentsByOwner, ownerId, component);
    return component;
  }

  component(id: string): ResolvedComponent | undefined {
    return this.componentsById.get(id);
  }

  /** Components in a stable order: VPC-owned, then each node and what was derived for it, then graph-wide. */
  orderedComponents(): ResolvedComponent[] {
    // A VPC and a node may share an id; each owner's group is listed once.
    const owners = new Set([...this.vpcs.map((v) => v.id), ...this.nodes.map((n) => n.id), GRAPH_OWNER]);
    return [...owners].flatMap((id) => this.componentsByOwner.get(id) ?? []);
  }

  addRole(role: ResolvedRole): ResolvedRole {
    // IAM takes Latin-1 only: a user's name in another script must not fail the deployment.
    const owner = this.component(role.componentId)?.names.display ?? role.names.display;
    role.description ??= iamSafeDescription(`${role.purpose} role of ${owner}`);
    this.roles.push(role);
    this.rolesById.set(role.id, role);
    return role;
  }

  role(id: string): ResolvedRole | undefined {
    return this.rolesById.get(id);
  }

  addSecurityGroup(sg: ResolvedSecurityGroup): void {
    this.securityGroups.push(sg);
    this.securityGroupsByComponent.set(sg.componentId, sg);
  }

  securityGroupOf(componentId: string): ResolvedSecurityGroup | undefined {
    return this.securityGroupsByComponent.get(componentId);
  }

  /** Names of a derived resource ("OrdersQueueDlq") with a readable display name. */
  derivedNames(
    parent: ResolvedNames,
    suffix: string,
    display: string,
    kept?: { nodeId: string; key: string },
  ): ResolvedNames {
    const keptId = kept ? this.names.keptLogicalId(kept.nodeId, kept.key) : undefined;
    return this.names.derive(parent, suffix, display, keptId);
  }
}

/** Owner key of graph-wide derived components (the shared alarm topic); "." keeps it apart from node ids. */
export const GRAPH_OWNER = '.graph';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
