/**
 * Connections an architect would draw, read from the configuration: IAM statements naming
 * resources (with what they allow), event source mappings, subscriptions, rule targets, bucket
 * notifications, invoke permissions, API integrations, load balancer targets, security group
 * rules between groups, and references in environment variables and state machine definitions.
 * Only kinds the catalog accepts between the two services are drawn; others are reported.
 */
import {
  connectionPropertySchema,
  defaultProperties,
  findAcceptedConnection,
  allowedConnectionKinds,
  validateProperties,
  type Connection,
  type ConnectionKind,
  type DesignNode,
  type Properties,
} from '@archgen/model';
import type { ImportProblem } from '../report.ts';
import { argument, rawAt, resolveRefs, type Block, type Configuration } from './config.ts';
import { collectRefs } from './expr.ts';
import { accessOf, policyGrants, type AccessKind } from './iam.ts';

export interface Ownership {
  /** Address of a node's primary block -> node. */
  nodes: Map<string, DesignNode>;
  /** Address of a part -> the node it belongs to. */
  partOwner: Map<string, string>;
}

interface Candidate {
  from: string;
  to: string;
  kinds: ConnectionKind[];
  why: string;
  block: Block;
  properties?: Properties;
  port?: number;
}

/** Preference when a relation does not say the kind: the first the catalog accepts wins. */
const RELATION_KINDS: ConnectionKind[] = [
  'event-source',
  'subscribe',
  'route',
  'invoke',
  'publish',
  'dead-letter',
  'traffic',
  'read-write',
  'read',
  'write',
];
const REFERENCE_KINDS: ConnectionKind[] = [
  'dead-letter',
  'invoke',
  'publish',
  'read-write',
  'write',
  'read',
  'route',
  'subscribe',
  'traffic',
];

/** Sources an event source mapping polls: the function's read grant on them is the mapping's. */
const STREAM_SOURCES = new Set(['sqs', 'kinesis-stream', 'dynamodb']);

/** Parts whose references name what their owner sends to (`out`) or what calls their owner (`in`). */
const PART_DIRECTION: Readonly<Record<string, 'out' | 'in'>> = {
  aws_lambda_permission: 'in',
  aws_sns_topic_subscription: 'out',
  aws_cloudwatch_event_target: 'out',
  aws_apigatewayv2_integration: 'out',
  aws_apigatewayv2_authorizer: 'out',
  aws_api_gateway_integration: 'out',
  aws_api_gateway_authorizer: 'out',
  aws_lb_target_group_attachment: 'out',
  aws_alb_target_group_attachment: 'out',
  aws_lb_listener: 'out',
  aws_lb_listener_rule: 'out',
  aws_sqs_queue_redrive_policy: 'out',
};

/** Node arguments whose references are connections (not code, roles or network). */
const REFERENCE_KEYS: Readonly<Record<string, readonly string[]>> = {
  aws_lambda_function: ['environment', 'dead_letter_config'],
  aws_sfn_state_machine: ['definition'],
  aws_cloudwatch_event_rule: ['event_bus_name'],
  aws_sqs_queue: ['redrive_policy'],
  aws_cloudwatch_metric_alarm: [
    'dimensions',
    'alarm_actions',
    'ok_actions',
    'insufficient_data_actions',
    'metric_query',
  ],
  aws_ecs_task_definition: ['container_definitions'],
  aws_cloudfront_distribution: ['origin'],
};

export function inferConnections(
  cfg: Configuration,
  own: Ownership,
  problems: ImportProblem[],
  /** Ids already used by nodes and VPCs: connection ids stay clear of them. */
  usedIds: ReadonlySet<string> = new Set(),
): Connection[] {
  const nodeById = new Map([...own.nodes.values()].map((n) => [n.id, n]));
  /** The node a block is or belongs to. */
  const nodeOf = (address: string): string | undefined =>
    own.nodes.get(address)?.id ?? own.partOwner.get(address);
  const candidates: Candidate[] = [];
  const add = (c: Candidate): void => {
    if (c.from !== c.to) candidates.push(c);
  };
  const block = (a: string): Block | undefined => cfg.byAddress.get(a);
  const refsIn = (b: Block, key: string): string[] =>
    resolveRefs(collectRefs(rawAt(b.body, key)), b.module, cfg.byAddress, 0);

  // Event source mappings, bucket notifications, subscriptions, targets, permissions, integrations.
  for (const b of cfg.resources) {
    const owner = own.partOwner.get(b.address);
    if (b.type === 'aws_lambda_event_source_mapping') {
      const fn = nodeOf(refsIn(b, 'function_name')[0] ?? '') ?? owner;
      for (const src of refsIn(b, 'event_source_arn')) {
        const from = nodeOf(src);
        if (from && fn)
          add({
            from,
            to: fn,
            kinds: ['event-source'],
            why: `${b.address} (event source mapping)`,
            block: b,
            properties: batching(b),
          });
      }
      continue;
    }
    if (b.type === 'aws_s3_bucket_notification' && owner) {
      for (const key of ['lambda_function', 'queue', 'topic']) {
        for (const target of refsIn(b, key)) {
          const to = nodeOf(target);
          if (to)
            add({
              from: owner,
              to,
              kinds: key === 'lambda_function' ? ['event-source'] : ['publish'],
              why: `${b.address} (bucket notification)`,
              block: b,
            });
        }
      }
      continue;
    }
    if (b.type === 'aws_pipes_pipe') continue;
    const direction = PART_DIRECTION[b.type];
    if (direction && owner) {
      for (const ref of b.refs) {
        const other = nodeOf(ref);
        if (!other || other === owner) continue;
        const [from, to] = direction === 'out' ? [owner, other] : [other, owner];
        add({ from, to, kinds: RELATION_KINDS, why: `${b.address}`, block: b });
      }
    }
  }

  // Load balancer target groups named by a service: the load balancer sends it traffic.
  for (const [address, node] of own.nodes) {
    const b = block(address);
    if (!b) continue;
    for (const ref of b.refs) {
      const part = block(ref);
      const owner = own.partOwner.get(ref);
      if (!part || !owner || owner === node.id) continue;
      if (part.type === 'aws_lb_target_group' || part.type === 'aws_alb_target_group') {
        const port = argument(b, rawAt(b.body, 'load_balancer.container_port'));
        add({
          from: owner,
          to: node.id,
          kinds: ['traffic'],
          why: `${b.address} registers with ${ref}`,
          block: b,
          ...(typeof port === 'number' ? { port } : {}),
        });
      }
    }
  }

  // Security group rules between groups: ingress into A's node from B's node.
  const sgOwner = (a: string): string | undefined =>
    block(a)?.type === 'aws_security_group' ? own.partOwner.get(a) : undefined;
  for (const b of cfg.resources) {
    if (b.type === 'aws_security_group') {
      const to = own.partOwner.get(b.address);
      for (const rule of asArray(b.body.ingress)) {
        const sources = resolveRefs(
          collectRefs((rule as Record<string, unknown>).security_groups),
          b.module,
          cfg.byAddress,
          0,
        );
        const port = argument(b, (rule as Record<string, unknown>).from_port);
        for (const s of sources) {
          const from = sgOwner(s);
          if (from && to)
            add({
              from,
              to,
              kinds: ['traffic'],
              why: `${b.address} ingress from ${s}`,
              block: b,
              ...(typeof port === 'number' && port > 0 ? { port } : {}),
            });
        }
      }
    }
    if (b.type === 'aws_security_group_rule' || b.type === 'aws_vpc_security_group_ingress_rule') {
      const type = argument(b, b.body.type);
      if (b.type === 'aws_security_group_rule' && type !== 'ingress') continue;
      const target = refsIn(b, 'security_group_id')[0];
      const source = refsIn(
        b,
        b.type === 'aws_security_group_rule' ? 'source_security_group_id' : 'referenced_security_group_id',
      )[0];
      const to = target ? sgOwner(target) : undefined;
      const from = source ? sgOwner(source) : undefined;
      const port = argument(b, b.body.from_port);
      if (from && to)
        add({
          from,
          to,
          kinds: ['traffic'],
          why: `${b.address}`,
          block: b,
          ...(typeof port === 'number' && port > 0 ? { port } : {}),
        });
    }
  }

  // IAM: what each compute node's roles allow on the configuration's resources.
  const iamPairs = new Set<string>();
  for (const [address, node] of own.nodes) {
    const b = block(address);
    if (!b) continue;
    const roles = rolesOf(b, cfg);
    const access = new Map<string, Set<AccessKind>>();
    for (const policy of roles.flatMap((r) => policiesOf(r, cfg))) {
      for (const grant of policyGrants(policy.raw, policy.block, cfg)) {
        for (const target of grant.targets) {
          const to = nodeOf(target);
          if (!to || to === node.id) continue;
          const set = access.get(to) ?? new Set<AccessKind>();
          for (const action of grant.actions) {
            const kind = accessOf(action);
            if (kind) set.add(kind);
          }
          access.set(to, set);
        }
      }
    }
    for (const [to, kinds] of access) {
      const target = nodeById.get(to);
      if (!target) continue;
      // Reading the stream or queue that triggers the function is what the event source means.
      if (
        STREAM_SOURCES.has(target.type) &&
        candidates.some((c) => c.from === to && c.to === node.id && c.kinds[0] === 'event-source')
      ) {
        kinds.delete('read');
        kinds.delete('consume');
      }
      const wanted = kindsFor(kinds);
      if (wanted.length === 0) continue;
      iamPairs.add(`${node.id}\u0000${to}`);
      add({
        from: node.id,
        to,
        kinds: wanted,
        why: `IAM policy of ${b.address} (${[...kinds].join(', ')})`,
        block: b,
      });
    }
  }

  // References in environment variables, state machine definitions, alarm dimensions, ...
  for (const [address, node] of own.nodes) {
    const b = block(address);
    if (!b) continue;
    const sources: Block[] = [b];
    for (const ref of b.refs)
      if (own.partOwner.get(ref) === node.id && block(ref)?.type === 'aws_ecs_task_definition')
        sources.push(block(ref)!);
    for (const src of sources) {
      for (const key of REFERENCE_KEYS[src.type] ?? []) {
        for (const ref of refsIn(src, key)) {
          const other = nodeOf(ref);
          if (!other || other === node.id || iamPairs.has(`${node.id}\u0000${other}`)) continue;
          const targetType = nodeById.get(other)?.type ?? '';
          const forward = allowedConnectionKinds(node.type, targetType).length > 0;
          const [from, to] = forward ? [node.id, other] : [other, node.id];
          add({
            from,
            to,
            kinds: REFERENCE_KINDS,
            why: `${src.address} ${key} refers to ${ref}`,
            block: src,
          });
        }
      }
    }
  }

  return settle(candidates, nodeById, problems, usedIds);
}

function kindsFor(access: Set<AccessKind>): ConnectionKind[] {
  const read = access.has('read') || access.has('all');
  const write = access.has('write') || access.has('all');
  const out: ConnectionKind[] = [];
  if (access.has('invoke')) out.push('invoke');
  if (access.has('publish')) out.push('publish');
  if (read && write) out.push('read-write');
  if (write) out.push('write', 'publish');
  if (read) out.push('read');
  if (access.has('all')) out.push('invoke', 'publish');
  return [...new Set(out)];
}

function batching(b: Block): Properties {
  const out: Properties = {};
  const size = argument(b, b.body.batch_size);
  const window = argument(b, b.body.maximum_batching_window_in_seconds);
  if (typeof size === 'number') out.batchSize = size;
  if (typeof window === 'number') out.maxBatchingWindowSeconds = window;
  return out;
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v.filter((x) => x && typeof x === 'object') : [];
}

/** The roles a node runs as: referenced by it or by its parts (task definition, instance profile). */
function rolesOf(b: Block, cfg: Configuration): Block[] {
  const out = new Map<string, Block>();
  const visit = (x: Block, depth: number): void => {
    for (const ref of x.refs) {
      const target = cfg.byAddress.get(ref);
      if (!target) continue;
      if (target.type === 'aws_iam_role') out.set(ref, target);
      else if (
        depth === 0 &&
        ['aws_ecs_task_definition', 'aws_iam_instance_profile', 'aws_launch_template'].includes(target.type)
      )
        visit(target, 1);
    }
  };
  visit(b, 0);
  return [...out.values()];
}

/** The policy documents attached to a role: inline, role policies, attached managed policies. */
function policiesOf(role: Block, cfg: Configuration): { raw: unknown; block: Block }[] {
  const out: { raw: unknown; block: Block }[] = [];
  for (const inline of asArray(role.body.inline_policy))
    out.push({ raw: (inline as Record<string, unknown>).policy, block: role });
  for (const b of cfg.resources) {
    if (!b.refs.includes(role.address)) continue;
    if (b.type === 'aws_iam_role_policy') out.push({ raw: b.body.policy, block: b });
    if (b.type === 'aws_iam_role_policy_attachment' || b.type === 'aws_iam_policy_attachment')
      for (const ref of b.refs) {
        const policy = cfg.byAddress.get(ref);
        if (policy?.type === 'aws_iam_policy') out.push({ raw: policy.body.policy, block: policy });
      }
  }
  for (const ref of role.refs) {
    const policy = cfg.byAddress.get(ref);
    if (policy?.type === 'aws_iam_policy') out.push({ raw: policy.body.policy, block: policy });
  }
  return out;
}

/** Picks each pair's kind (the first the catalog accepts), merges duplicates, reports refusals. */
function settle(
  candidates: Candidate[],
  nodes: Map<string, DesignNode>,
  problems: ImportProblem[],
  usedIds: ReadonlySet<string>,
): Connection[] {
  const connections: Connection[] = [];
  const byPair = new Map<string, Connection>();
  const refused = new Set<string>();
  const taken = new Set<string>(usedIds);
  for (const c of candidates) {
    const from = nodes.get(c.from);
    const to = nodes.get(c.to);
    if (!from || !to) continue;
    const pair = `${c.from}\u0000${c.to}`;
    const kind = c.kinds.find((k) => findAcceptedConnection(from.type, to.type, k));
    if (!kind) {
      const key = `${pair}\u0000${c.kinds.join(',')}`;
      if (!refused.has(key)) {
        refused.add(key);
        problems.push({
          severity: 'info',
          message: `${c.why}: ${from.name} (${from.type}) -> ${to.name} (${to.type}) is not a connection the design draws (${c.kinds.length === 1 ? `no ${c.kinds[0]} connection` : 'no connection kind'} between them); not drawn`,
          file: c.block.file,
          ...(c.block.line !== undefined ? { line: c.block.line } : {}),
          sourceId: c.block.address,
        });
      }
      continue;
    }
    const existing = byPair.get(pair);
    if (existing) {
      // read and write from two statements make read-write when the target accepts it.
      if (
        ((existing.kind === 'read' && kind === 'write') || (existing.kind === 'write' && kind === 'read')) &&
        findAcceptedConnection(from.type, to.type, 'read-write')
      )
        existing.kind = 'read-write';
      continue;
    }
    let id = `${c.from}-${kind}-${c.to}`.slice(0, 60);
    for (let n = 2; taken.has(id); n++) id = `${`${c.from}-${kind}-${c.to}`.slice(0, 56)}-${n}`;
    taken.add(id);
    const connection: Connection = { id, from: c.from, to: c.to, kind };
    if (c.port !== undefined && kind === 'traffic' && c.port >= 1 && c.port <= 65535)
      connection.port = c.port;
    if (c.properties && Object.keys(c.properties).length > 0) {
      const accepted = findAcceptedConnection(from.type, to.type, kind);
      const schema = connectionPropertySchema(accepted, from.type, to.type);
      const props: Properties = {};
      const single = { displayName: schema.displayName, properties: schema.properties };
      for (const [k, v] of Object.entries(c.properties))
        if (validateProperties(single, { [k]: v }).length === 0) props[k] = v;
      if (
        Object.keys(props).length > 0 &&
        validateProperties(schema, { ...defaultProperties(schema), ...props }).length === 0
      )
        connection.properties = props;
    }
    byPair.set(pair, connection);
    connections.push(connection);
  }
  return connections;
}
