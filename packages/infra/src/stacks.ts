/**
 * How the design is cut into CloudFormation stacks, decided once for every target.
 *
 * CloudFormation allows 500 resources per stack (and 1 MB per template). A design estimated at
 * up to SPLIT_THRESHOLD resources stays one stack. A larger one is cut into several, each under
 * STACK_BUDGET estimated resources, which the CloudFormation and CDK outputs deploy as nested
 * stacks of one root stack per environment:
 *
 * 1. Units: a VPC (its network, flow logs), or a design node with what the lowering derived for
 *    it (its role, security group, log group, DLQ, secret, alarm), weighed by the catalog's
 *    `stackResources` estimate (the one LIM-01 uses).
 * 2. Edges: unit A depends on unit B when A's resources refer to B's (placement in a VPC, an IAM
 *    statement naming B, an environment variable, a DLQ, a log group, a secret, an event source,
 *    a subscription, a rule target, a route, an alarm). Relationship resources that only join
 *    two units (security group rules, event source mappings, permissions, subscriptions) are
 *    not edges: a target puts them in the later of the two stacks.
 * 3. Units that depend on each other (a strongly connected component, e.g. two functions that
 *    invoke each other by name) always share a stack.
 * 4. The components are walked in a topological order that prefers layers (network, data,
 *    messaging, application, edge) and cut into contiguous stacks under the budget. A later stack
 *    may refer to an earlier one, never the other way round: no cross-stack cycle.
 *
 * Pure and deterministic: units are visited in the graph's order.
 */
import { findAcceptedConnection, getService, resolveProperties, type Design } from '@archgen/model';
import type { ResolvedGraph, ResolvedStack, ResourceRef, StackLayer } from './types.ts';

/** CloudFormation's quota: resources per stack. */
export const STACK_RESOURCE_QUOTA = 500;
/** Designs estimated at up to this many resources stay one stack (LIM-01 speaks from 400). */
export const SPLIT_THRESHOLD = 400;
/**
 * Estimated resources per stack when a design is split: room under the quota for the estimate's
 * error (within 5%), what a target adds (CDK's custom resources, nested stack parameters) and the
 * relationship resources that land in the later of two stacks. At about 0.8 KB of YAML per
 * resource, a stack of this size prints well under 1 MB.
 */
export const STACK_BUDGET = 350;
/**
 * Distinct units one stack may refer to in earlier stacks: each becomes a nested stack parameter
 * or two (CloudFormation allows 200 parameters and 200 outputs per template).
 */
export const STACK_IMPORT_BUDGET = 60;

/**
 * Components per stack: each gives the nested template an output or two (its name, ARN or URL,
 * and what later stacks take from it), and a template holds at most 200 outputs.
 */
export const STACK_COMPONENT_BUDGET = 75;

const LAYER_ORDER: readonly StackLayer[] = ['network', 'data', 'messaging', 'app', 'edge'];

const LAYER_NAMES: Record<StackLayer, { name: string; holds: string }> = {
  network: { name: 'Network', holds: 'VPCs, subnets, routes and NAT gateways' },
  data: { name: 'Data', holds: 'databases, tables, buckets, caches, streams and secrets' },
  messaging: { name: 'Messaging', holds: 'queues, topics and event buses' },
  app: { name: 'App', holds: 'compute, workflows, event rules and alarms' },
  edge: { name: 'Edge', holds: 'load balancers, APIs and CDN distributions' },
};

const LAYER_BY_TYPE: Record<string, StackLayer> = {
  'nat-gateway': 'network',
  rds: 'data',
  aurora: 'data',
  dynamodb: 'data',
  s3: 'data',
  elasticache: 'data',
  opensearch: 'data',
  neptune: 'data',
  timestream: 'data',
  'kinesis-stream': 'data',
  secret: 'data',
  'cognito-user-pool': 'data',
  'log-group': 'data',
  'athena-workgroup': 'data',
  // Like the stores above, what their clients (app) refer to: deployed before them.
  'msk-cluster': 'data',
  'ecr-repository': 'data',
  efs: 'data',
  // Audit logs: with the buckets they write to (which they share a stack with, see below).
  cloudtrail: 'data',
  'config-recorder': 'data',
  sqs: 'messaging',
  firehose: 'messaging',
  sns: 'messaging',
  'eventbridge-bus': 'messaging',
  alb: 'edge',
  cloudfront: 'edge',
  'api-gateway': 'edge',
  // Alias records name the front doors; a web ACL and the front doors it protects refer to each other.
  'route53-zone': 'edge',
  'waf-web-acl': 'edge',
  // A plan names the stores it backs up (and a drawn vault key): deployed after them, like alarms.
  'backup-plan': 'app',
  // A certificate is validated in a zone whose alias records name the front doors that use it:
  // the four always share a stack (see the edges below).
  'acm-certificate': 'edge',
};

interface Unit {
  key: string;
  layer: StackLayer;
  weight: number;
  /** VPC ids, component ids, role ids and security group ids it holds, in graph order. */
  ids: string[];
  vpcIds: string[];
  componentIds: string[];
  deps: Set<number>;
}

/** The parts a partition is computed from (a ResolvedGraph without its stacks). */
export type StackInput = Omit<ResolvedGraph, 'stacks'>;

/** The estimated CloudFormation resources of each design node, at its largest across environments. */
function nodeWeights(design: Design, envs: readonly string[]): Map<string, number> {
  const nodesById = new Map(design.nodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, { kind: Design['connections'][number]['kind']; toType: string }[]>();
  const incoming = new Map<string, { kind: Design['connections'][number]['kind']; fromType: string }[]>();
  const weights = new Map<string, number>();
  const add = (id: string, count: number) => weights.set(id, (weights.get(id) ?? 0) + count);
  for (const c of design.connections) {
    const from = nodesById.get(c.from);
    const to = nodesById.get(c.to);
    if (!from || !to) continue;
    outgoing.set(from.id, [...(outgoing.get(from.id) ?? []), { kind: c.kind, toType: to.type }]);
    incoming.set(to.id, [...(incoming.get(to.id) ?? []), { kind: c.kind, fromType: from.type }]);
    add(from.id, findAcceptedConnection(from.type, to.type, c.kind)?.stackResources?.count ?? 0);
  }
  const vpcIds = new Set(design.vpcs.map((v) => v.id));
  for (const node of design.nodes) {
    const service = getService(node.type);
    if (!service) continue;
    let largest = 0;
    for (const env of envs.length > 0 ? envs : [undefined]) {
      const estimate = service.stackResources({
        props: resolveProperties(design, node, env),
        inVpc: node.placement !== null && vpcIds.has(node.placement.vpcId),
        outgoing: outgoing.get(node.id) ?? [],
        incoming: incoming.get(node.id) ?? [],
      });
      largest = Math.max(largest, estimate.count);
    }
    add(node.id, largest);
  }
  return weights;
}

/** A VPC's network resources (as LIM-01's vpcStackResources counts them). */
function vpcWeight(vpc: StackInput['vpcs'][number]): number {
  const az = vpc.azCount;
  const has = (tier: string) => vpc.tiers.includes(tier as never);
  let count = 1 + 2 * vpc.tiers.length * az;
  count += (has('public') ? 4 : 0) + (has('private') ? az : 0) + (has('isolated') ? 1 : 0);
  if (vpc.flowLogs.enabled) count += 3;
  const nats = Math.max(0, ...Object.values(vpc.natGatewayCount.byEnv));
  return count + 2 * nats + (nats > 0 ? az : 0);
}

/** One stack holding everything: what every design under SPLIT_THRESHOLD gets. */
function singleStack(graph: StackInput, estimate: number): ResolvedStack[] {
  return [
    {
      name: 'Main',
      layer: 'app',
      description: 'the whole design',
      vpcIds: graph.vpcs.map((v) => v.id),
      componentIds: graph.components.map((c) => c.id),
      ids: [
        ...graph.vpcs.map((v) => v.id),
        ...graph.components.map((c) => c.id),
        ...graph.roles.map((r) => r.id),
        ...graph.securityGroups.map((g) => g.id),
      ],
      estimatedResources: estimate,
    },
  ];
}

export function partitionStacks(design: Design, graph: StackInput): ResolvedStack[] {
  const weights = nodeWeights(design, graph.environments);
  const units: Unit[] = [];
  const unitIndex = new Map<string, number>();
  const newUnit = (key: string, layer: StackLayer): number => {
    const index = units.length;
    units.push({ key, layer, weight: 0, ids: [], vpcIds: [], componentIds: [], deps: new Set() });
    unitIndex.set(key, index);
    return index;
  };
  for (const vpc of graph.vpcs) {
    const u = newUnit(vpc.id, 'network');
    units[u]!.weight += vpcWeight(vpc);
    units[u]!.vpcIds.push(vpc.id);
    units[u]!.ids.push(vpc.id);
  }
  /** Component or VPC id -> its unit. */
  const owner = new Map<string, number>(graph.vpcs.map((v) => [v.id, unitIndex.get(v.id)!]));
  for (const component of graph.components) {
    const key = [component.nodeId, component.derived?.from].find((k) => k && unitIndex.has(k));
    const nodeKey = key ?? (weights.has(component.nodeId ?? '') ? component.nodeId! : component.id);
    const u = unitIndex.get(nodeKey) ?? newUnit(nodeKey, LAYER_BY_TYPE[component.type] ?? 'app');
    const unit = units[u]!;
    if (nodeKey === component.id) unit.layer = LAYER_BY_TYPE[component.type] ?? 'app';
    unit.componentIds.push(component.id);
    unit.ids.push(component.id);
    owner.set(component.id, u);
  }
  for (const [nodeId, weight] of weights) {
    const u = unitIndex.get(nodeId);
    if (u !== undefined) units[u]!.weight += weight;
  }
  // What is not a node (the graph-wide alarm topic, an account-level role) weighs a little.
  for (const unit of units) if (unit.weight === 0) unit.weight = 3;
  const unitOf = (id: string): number => {
    const u = owner.get(id);
    if (u !== undefined) return u;
    const made = newUnit(id, 'app');
    units[made]!.weight = 2;
    owner.set(id, made);
    return made;
  };
  for (const role of graph.roles) {
    const u = unitOf(role.componentId);
    units[u]!.ids.push(role.id);
    owner.set(role.id, u);
  }
  for (const group of graph.securityGroups) {
    const u = owner.get(group.componentId) ?? unitOf(group.vpcId);
    units[u]!.ids.push(group.id);
    owner.set(group.id, u);
  }

  const total = units.reduce((sum, u) => sum + u.weight, 0);
  if (total <= SPLIT_THRESHOLD) return singleStack(graph, total);

  // Edges: dependent -> dependency. A reference by physical name binds both ways (same stack).
  const dependsOn = (from: string | undefined, to: string | undefined, both = false) => {
    if (!from || !to) return;
    const a = unitOf(from);
    const b = unitOf(to);
    if (a === b) return;
    units[a]!.deps.add(b);
    if (both) units[b]!.deps.add(a);
  };
  const refers = (from: string, ref: ResourceRef) => dependsOn(from, ref.componentId, ref.byName === true);
  for (const vpc of graph.vpcs) dependsOn(vpc.id, vpc.flowLogs.logGroupId);
  for (const c of graph.components) {
    dependsOn(c.id, c.placement?.vpcId);
    for (const field of [
      c.logGroupId,
      c.secretId,
      c.deadLetterQueueId,
      c.functionDeadLetterQueueId,
      c.eventBusId,
      c.userPoolId,
      c.outputBucketId,
      c.managedByDatabase,
      c.encryption?.keyId,
    ])
      dependsOn(c.id, field);
    for (const variable of c.environment) if ('componentId' in variable.value) refers(c.id, variable.value);
    for (const selected of c.backupPlan?.resourceIds ?? []) dependsOn(c.id, selected);
    dependsOn(c.id, c.backupPlan?.vaultKeyId);
    // A trail or recorder and its bucket share a stack: the bucket's policy names the trail (by
    // its stack-prefixed name) and the trail or delivery channel waits for that policy.
    dependsOn(c.id, c.trail?.bucketId, true);
    dependsOn(c.id, c.configRecorder?.bucketId, true);
    // A front door's association names its drawn web ACL, and the ACL's stack took the front
    // door's references (the dense design's ALB and its ACL in two app stacks made a cycle).
    dependsOn(c.id, c.webAcl?.drawnId, true);
  }
  for (const group of graph.securityGroups) dependsOn(group.componentId, group.vpcId);
  for (const role of graph.roles)
    for (const statement of role.statements) for (const r of statement.resources) refers(role.componentId, r);
  // Where each side's resources name the other in some target, both share a stack ("both"): a
  // bucket's notification rule and its target; a queue's policy names the rule that targets it; CDK puts an API's or a
  // load balancer's invoke permission with the function, and a distribution's origin access
  // statement in the bucket's policy.
  const typeOf = new Map(graph.components.map((c) => [c.id, c.type]));
  for (const source of graph.eventSources) {
    dependsOn(source.functionId, source.sourceId);
    dependsOn(source.functionId, source.sourceAccess?.secretId);
  }
  // A bucket's notification rule names the bucket and the target, whose permission or policy
  // names the rule.
  for (const notification of graph.bucketNotifications ?? [])
    dependsOn(notification.bucketId, notification.targetId, true);
  for (const subscription of graph.subscriptions) dependsOn(subscription.subscriberId, subscription.topicId);
  for (const target of graph.ruleTargets) {
    dependsOn(target.ruleId, target.targetId, target.targetKind === 'sqs');
    dependsOn(target.ruleId, target.deadLetterQueueId, true);
  }
  for (const route of graph.routes) {
    const target = typeOf.get(route.targetId);
    // A service registers with its load balancer's target group; a function is the group's target.
    if (route.kind === 'alb-target' && target !== 'lambda') dependsOn(route.targetId, route.frontDoorId);
    else
      dependsOn(
        route.frontDoorId,
        route.targetId,
        route.kind === 'api-integration' || target === 'lambda' || target === 's3',
      );
  }
  // A zone's alias records name their targets; a certificate names the zone that validates it;
  // a front door names its certificate. Zone -> ALB -> certificate -> zone is a cycle of units
  // (not of resources), so they share a stack.
  for (const c of graph.components) {
    for (const record of c.hostedZone?.records ?? []) dependsOn(c.id, record.targetId);
    dependsOn(c.id, c.acmCertificate?.zoneId);
    dependsOn(c.id, c.certificateId);
  }
  const componentIds = new Set(graph.components.map((c) => c.id));
  for (const alarm of graph.alarms) {
    if (!componentIds.has(alarm.id)) continue;
    dependsOn(alarm.id, alarm.targetId);
    dependsOn(alarm.id, alarm.topicId);
    dependsOn(alarm.id, alarm.dimension.ref.componentId);
  }

  const sccs = stronglyConnected(units);
  return cutIntoStacks(units, sccs);
}

/** Tarjan's algorithm, iterative; components come out in the units' order of first visit. */
function stronglyConnected(units: readonly Unit[]): number[][] {
  const index = new Array<number>(units.length).fill(-1);
  const low = new Array<number>(units.length).fill(0);
  const onStack = new Array<boolean>(units.length).fill(false);
  const stack: number[] = [];
  const result: number[][] = [];
  let counter = 0;
  const sortedDeps = units.map((u) => [...u.deps].sort((a, b) => a - b));
  for (let start = 0; start < units.length; start++) {
    if (index[start] !== -1) continue;
    const work: [number, number][] = [[start, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [v, i] = frame;
      if (i === 0) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = true;
      }
      const deps = sortedDeps[v]!;
      if (i < deps.length) {
        frame[1] = i + 1;
        const w = deps[i]!;
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]]!, low[v]!);
      if (low[v] === index[v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = false;
          members.push(w);
        } while (w !== v);
        result.push(members.sort((a, b) => a - b));
      }
    }
  }
  return result;
}

function cutIntoStacks(units: readonly Unit[], sccs: readonly number[][]): ResolvedStack[] {
  const sccOf = new Array<number>(units.length);
  sccs.forEach((members, s) => members.forEach((u) => (sccOf[u] = s)));
  const layerRank = (s: number) => Math.min(...sccs[s]!.map((u) => LAYER_ORDER.indexOf(units[u]!.layer)));
  const first = (s: number) => sccs[s]![0]!;
  const deps = sccs.map((members) => {
    const out = new Set<number>();
    for (const u of members) for (const d of units[u]!.deps) if (sccOf[d] !== sccOf[u]) out.add(sccOf[d]!);
    return out;
  });
  const waiting = deps.map((d) => d.size);
  const dependents: number[][] = sccs.map(() => []);
  deps.forEach((d, s) => d.forEach((t) => dependents[t]!.push(s)));

  // Kahn's algorithm: of the ready components, the lowest layer first, then graph order.
  const ready = new Set<number>();
  waiting.forEach((w, s) => w === 0 && ready.add(s));
  const order: number[] = [];
  while (ready.size > 0) {
    let best = -1;
    for (const s of ready)
      if (
        best === -1 ||
        layerRank(s) < layerRank(best) ||
        (layerRank(s) === layerRank(best) && first(s) < first(best))
      )
        best = s;
    ready.delete(best);
    order.push(best);
    for (const d of dependents[best]!) if (--waiting[d]! === 0) ready.add(d);
  }

  interface Draft {
    sccs: number[];
    weight: number;
    components: number;
    imports: Set<number>;
  }
  const drafts: Draft[] = [];
  let current: Draft = { sccs: [], weight: 0, components: 0, imports: new Set() };
  const placed = new Set<number>();
  let previousLayer = -1;
  for (const s of order) {
    const weight = sccs[s]!.reduce((sum, u) => sum + units[u]!.weight, 0);
    const components = sccs[s]!.reduce((sum, u) => sum + units[u]!.componentIds.length, 0);
    const external = [...deps[s]!].filter((d) => !current.sccs.includes(d));
    const imports = new Set([...current.imports, ...external]);
    const layer = layerRank(s);
    const full =
      current.weight + weight > STACK_BUDGET ||
      current.components + components > STACK_COMPONENT_BUDGET ||
      imports.size > STACK_IMPORT_BUDGET ||
      // The network is a stack of its own; another layer starts a new stack once the current one
      // holds a good share of the budget.
      (layer !== previousLayer && (previousLayer === 0 || current.weight >= STACK_BUDGET * 0.4));
    if (current.sccs.length > 0 && full) {
      drafts.push(current);
      current = { sccs: [], weight: 0, components: 0, imports: new Set() };
    }
    current.sccs.push(s);
    current.weight += weight;
    current.components += components;
    for (const d of deps[s]!) if (!current.sccs.includes(d)) current.imports.add(d);
    placed.add(s);
    previousLayer = layer;
  }
  if (current.sccs.length > 0) drafts.push(current);

  const used = new Map<string, number>();
  return drafts.map((draft) => {
    const members = draft.sccs.flatMap((s) => sccs[s]!).sort((a, b) => a - b);
    // Named after the layer most of its resources belong to.
    const byLayer = new Map<StackLayer, number>();
    for (const u of members)
      byLayer.set(units[u]!.layer, (byLayer.get(units[u]!.layer) ?? 0) + units[u]!.weight);
    const layer = [...byLayer.entries()].sort(
      (a, b) => b[1] - a[1] || LAYER_ORDER.indexOf(a[0]) - LAYER_ORDER.indexOf(b[0]),
    )[0]![0];
    const seen = (used.get(layer) ?? 0) + 1;
    used.set(layer, seen);
    const { name } = LAYER_NAMES[layer];
    const holds = LAYER_ORDER.filter((l) => byLayer.has(l)).map((l) => LAYER_NAMES[l].holds);
    return {
      name: seen === 1 ? name : `${name}${seen}`,
      layer,
      description: holds.join('; '),
      vpcIds: members.flatMap((u) => units[u]!.vpcIds),
      componentIds: members.flatMap((u) => units[u]!.componentIds),
      ids: members.flatMap((u) => units[u]!.ids),
      estimatedResources: draft.weight,
    };
  });
}

/** Which stack (index into graph.stacks) holds a VPC, component, role or security group. */
export function stackIndexById(stacks: readonly ResolvedStack[]): Map<string, number> {
  const byId = new Map<string, number>();
  stacks.forEach((stack, index) => stack.ids.forEach((id) => byId.set(id, index)));
  return byId;
}
