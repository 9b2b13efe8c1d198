/**
 * Terraform -> design. Every `resource` block becomes exactly one report entry: a service node,
 * part of a node, part of a VPC's network, a kept "other resource" node, or skipped with a reason.
 * `module` blocks get an entry each; local modules among the files are read as
 * `module.<name>.<type>.<label>`. Data sources are not resources: they are listed as info.
 *
 * The HCL parser is injected (the CLI passes `parse` from `@cdktf/hcl2json`), so this stays pure.
 */
import {
  DEFAULT_ENVIRONMENTS,
  DESIGN_SCHEMA_VERSION,
  IdSchema,
  RegionSchema,
  TERRAFORM_MODULE,
  getService,
  defaultProperties,
  idStem,
  uniqueId,
  validateProperties,
  type Properties,
  type Design,
  type DesignNode,
  type SubnetTier,
  type Vpc,
} from '@archgen/model';
import type {
  HclParser,
  ImportProblem,
  ImportResult,
  ReportEntry,
  ResourceOutcome,
  SourceFile,
} from '../report.ts';
import {
  argument,
  dirOf,
  known,
  parseHclSafely,
  rawAt,
  readConfiguration,
  resolveRefs,
  type Block,
  type Configuration,
} from './config.ts';
import { collectRefs, evaluate, isKnown } from './expr.ts';
import { inferConnections } from './connections.ts';
import { buildNetwork, instanceCount, nameOf, type NetworkResult } from './network.ts';
import { NETWORK_TYPES, PART_TYPES } from './parts.ts';
import { PropertyReader } from './reader.ts';
import { SERVICE_MAPPINGS } from './services.ts';
import { applyPartEffect } from './effects.ts';
import { moduleGroups } from './groups.ts';

export interface TerraformImportOptions {
  parseHcl: HclParser;
  /** Values of root variables, e.g. from a `.tfvars` file (see `parseTfvars`). */
  variables?: Record<string, unknown>;
}

/** The values a `.tfvars` file sets (literal values; expressions are kept as hcl2json strings). */
export async function parseTfvars(text: string, parseHcl: HclParser): Promise<Record<string, unknown>> {
  const json = await parseHclSafely(parseHcl, 'terraform.tfvars', text);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json)) out[k] = v;
  return out;
}

/** Where `# archgen:layout {...}` puts nodes and VPCs (by source address). */
interface Layout {
  nodes: Map<string, { id?: string; x: number; y: number }>;
  vpcs: Map<string, { id?: string; x: number; y: number }>;
}

const LAYOUT_LINE = /^[ \t]*(?:#|\/\/)[ \t]*archgen:layout[ \t]+(.+)$/gm;

function readLayout(files: readonly SourceFile[], problems: ImportProblem[]): Layout {
  const layout: Layout = { nodes: new Map(), vpcs: new Map() };
  for (const f of files) {
    for (const m of f.text.matchAll(LAYOUT_LINE)) {
      let json: unknown;
      try {
        json = JSON.parse(m[1]!);
      } catch {
        problems.push({
          severity: 'warning',
          message: `${f.path}: the archgen:layout comment is not JSON; positions are laid out afresh`,
          file: f.path,
        });
        continue;
      }
      for (const key of ['nodes', 'vpcs'] as const) {
        const map = (json as Record<string, unknown> | null)?.[key];
        if (!map || typeof map !== 'object') continue;
        for (const [address, v] of Object.entries(map)) {
          const p = v as Record<string, unknown> | null;
          if (
            !p ||
            typeof p.x !== 'number' ||
            typeof p.y !== 'number' ||
            !Number.isFinite(p.x) ||
            !Number.isFinite(p.y)
          )
            continue;
          const id = typeof p.id === 'string' && IdSchema.safeParse(p.id).success ? p.id : undefined;
          layout[key].set(address, { ...(id ? { id } : {}), x: p.x, y: p.y });
        }
      }
    }
  }
  return layout;
}

const NAME_ARGUMENTS = [
  'name',
  'function_name',
  'bucket',
  'identifier',
  'cluster_identifier',
  'replication_group_id',
  'cluster_id',
  'domain_name',
  'alarm_name',
  'queue_name',
];

function displayName(b: Block): string {
  const tag = argument(b, rawAt(b.body, 'tags.Name'));
  if (typeof tag === 'string' && tag.trim() !== '') return tag.slice(0, 128);
  for (const key of NAME_ARGUMENTS) {
    const v = known(b, key);
    if (typeof v === 'string' && v.trim() !== '' && !v.includes('${')) return v.slice(0, 128);
  }
  return nameOf(b);
}

const TARGET_GROUP_TYPES = new Set(['aws_lb_target_group', 'aws_alb_target_group']);

const SECURITY_GROUP_TYPES = new Set([
  'aws_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
]);

function article(word: string): string {
  return /^[aeiouAEIOU]|^(IAM|RDS|X-Ray|API|SNS|SQS|S3)\b/.test(word) && !/^(user|usage)/i.test(word)
    ? `an ${word}`
    : `a ${word}`;
}

const SUBNET_GROUP_TYPES = new Set([
  'aws_db_subnet_group',
  'aws_elasticache_subnet_group',
  'aws_neptune_subnet_group',
  'aws_lb_target_group',
]);

export async function importTerraform(
  files: SourceFile[],
  options: TerraformImportOptions,
): Promise<ImportResult> {
  const cfg = await readConfiguration(files, options.parseHcl, options.variables ?? {});
  const problems: ImportProblem[] = [...cfg.problems];
  if (cfg.texts.length === 0)
    problems.push({
      severity: 'error',
      message: `none of the ${files.length} file(s) is a Terraform .tf or .tf.json file; nothing was imported`,
    });
  const layout = readLayout(cfg.texts, problems);
  // Ids the design parser refuses as record keys are taken from the start.
  const taken = new Set<string>(['constructor', 'prototype']);
  const takeId = (address: string, stem: string, kind: 'nodes' | 'vpcs' = 'nodes'): string => {
    const wanted = layout[kind].get(address)?.id;
    if (wanted && !taken.has(wanted)) {
      taken.add(wanted);
      return wanted;
    }
    const base = idStem(stem.replace(/_/g, '-'));
    const id = taken.has(base) ? uniqueId(base, taken, 2) : base;
    taken.add(id);
    return id;
  };

  const outcomes = new Map<string, ResourceOutcome>();
  const nodes = new Map<string, DesignNode>();
  const readers = new Map<string, PropertyReader>();
  const kept: Block[] = [];
  const partCandidates = new Set<string>();

  // 1. Service nodes, parts and network: what each block is.
  for (const b of cfg.resources) {
    const provider = b.type.split('_')[0];
    if (provider !== 'aws') {
      outcomes.set(b.address, {
        kind: 'skipped',
        reason: `a resource of the ${provider} provider, not AWS infrastructure; the design holds AWS resources only`,
      });
      continue;
    }
    const mapping = SERVICE_MAPPINGS[b.type];
    if (mapping) {
      const service = getService(mapping.service)!;
      const reader = new PropertyReader(b, service, '', problems);
      const keep = mapping.keepBecause?.(reader);
      if (keep) {
        kept.push(b);
        outcomes.set(b.address, { kind: 'kept', nodeId: '', reason: keep });
        continue;
      }
      mapping.read(reader);
      if (b.body.count !== undefined || b.body.for_each !== undefined) {
        const count = instanceCount(b);
        reader.info(
          `${b.address} uses ${b.body.count !== undefined ? 'count' : 'for_each'}${count !== undefined && b.body.for_each === undefined ? ` (${count})` : ''}; drawn as one node`,
        );
      }
      const id = takeId(b.address, b.name);
      nodes.set(b.address, { id, type: service.type, name: displayName(b), properties: {}, placement: null });
      readers.set(b.address, reader);
      outcomes.set(b.address, { kind: 'node', nodeId: id });
      continue;
    }
    if (b.type in PART_TYPES) partCandidates.add(b.address);
  }

  // 2. Network.
  const network = buildNetwork(cfg, (address, stem) => takeId(address, stem, 'vpcs'), problems);
  for (const vpc of network.vpcs) {
    const address = [...network.vpcIds].find(([, id]) => id === vpc.id)?.[0];
    const pos = address ? layout.vpcs.get(address) : undefined;
    if (pos) vpc.position = { x: pos.x, y: pos.y };
  }

  const aliasOfKey = new Map<string, Block>();
  // 3. Parts: which node each serves.
  const partOwner = attributeParts(cfg, nodes, partCandidates);

  // 4. What parts say about their node (versioning, stages, task definitions, cluster instances...).
  const nodeByAddress = new Map([...nodes].map(([a, n]) => [n.id, a]));
  for (const b of cfg.resources) {
    const owner = partOwner.get(b.address);
    if (!owner) continue;
    const address = nodeByAddress.get(owner)!;
    applyPartEffect(b, nodes.get(address)!, readers.get(address)!, cfg);
  }

  // 5. Parts of nothing: a standalone log group or KMS key is a node (a key's alias its part);
  // the rest are kept.
  const standaloneKeys = new Set(
    [...partCandidates].filter((a) => !partOwner.has(a) && cfg.byAddress.get(a)!.type === 'aws_kms_key'),
  );
  for (const address of partCandidates) {
    const b = cfg.byAddress.get(address)!;
    if (partOwner.has(address) || b.type !== 'aws_kms_alias') continue;
    const key = resolveRefs(collectRefs(b.body.target_key_id), b.module, cfg.byAddress, 0).find((a) =>
      standaloneKeys.has(a),
    );
    if (key) aliasOfKey.set(key, b);
  }
  for (const address of partCandidates) {
    if (partOwner.has(address)) continue;
    const b = cfg.byAddress.get(address)!;
    if (b.type === 'aws_kms_alias' && [...aliasOfKey.values()].includes(b)) continue;
    if (b.type === 'aws_kms_key') {
      const reader = new PropertyReader(b, getService('kms-key')!, '', problems);
      const rotation = reader.value('enable_key_rotation');
      reader.set('enableKeyRotation', rotation === true, 'enable_key_rotation (absent: no rotation)');
      reader.num('pendingWindowDays', 'deletion_window_in_days');
      if (b.body.deletion_window_in_days === undefined)
        reader.set('pendingWindowDays', 30, 'deletion_window_in_days (absent: AWS uses 30)');
      const alias = aliasOfKey.get(address);
      if (alias) {
        const name = reader.value('name', alias);
        const m = typeof name === 'string' ? /^alias\/([A-Za-z0-9/_-]+)$/.exec(name) : null;
        if (m) reader.set('alias', m[1]!, `${alias.address} name`, alias);
      }
      const id = takeId(b.address, b.name);
      nodes.set(b.address, { id, type: 'kms-key', name: displayName(b), properties: {}, placement: null });
      readers.set(b.address, reader);
      outcomes.set(b.address, { kind: 'node', nodeId: id });
      if (alias) partOwner.set(alias.address, id);
    } else if (b.type === 'aws_cloudwatch_log_group') {
      const service = getService('log-group')!;
      const reader = new PropertyReader(b, service, '', problems);
      reader.num('retentionDays', 'retention_in_days');
      if (b.body.retention_in_days === undefined)
        reader.info(
          `${b.address} keeps logs forever (no retention_in_days); the design's log group needs a retention, so it takes the catalog default`,
        );
      reader.set('kmsEncryption', b.body.kms_key_id !== undefined, 'kms_key_id');
      const id = takeId(b.address, b.name);
      nodes.set(b.address, { id, type: 'log-group', name: displayName(b), properties: {}, placement: null });
      readers.set(b.address, reader);
      outcomes.set(b.address, { kind: 'node', nodeId: id });
    } else {
      kept.push(b);
      const role = PART_TYPES[b.type]!.role;
      const user = cfg.resources.find(
        (o) => o.refs.includes(b.address) && !partCandidates.has(o.address) && !nodes.has(o.address),
      );
      const reason = user
        ? `${article(role)} of ${user.address}, which the design keeps as an other resource too`
        : `${article(role)} that serves no node this configuration draws`;
      outcomes.set(b.address, { kind: 'kept', nodeId: '', reason });
    }
  }
  for (const [address, owner] of partOwner) {
    outcomes.set(address, {
      kind: 'part-of',
      nodeId: owner,
      role: PART_TYPES[cfg.byAddress.get(address)!.type]!.role,
    });
  }

  // 6. Placement: the tier of the subnets a node (or its subnet group) uses.
  for (const [address, node] of nodes) {
    const b = cfg.byAddress.get(address)!;
    placeNode(b, node, network, cfg, problems);
  }

  // 7. Network entries, and one NAT gateway node per VPC with NAT gateways.
  for (const b of cfg.resources) {
    if (outcomes.has(b.address)) continue;
    const role = NETWORK_TYPES[b.type];
    if (role === undefined) continue;
    const vpcId = network.membership.get(b.address);
    if (!vpcId) {
      kept.push(b);
      outcomes.set(b.address, {
        kind: 'kept',
        nodeId: '',
        reason: `${article(role)} of no VPC in this configuration`,
      });
      continue;
    }
    const vpc = network.vpcs.find((v) => v.id === vpcId)!;
    const nats = network.natGateways.get(vpcId) ?? [];
    if (
      b.type === 'aws_nat_gateway' &&
      nats[0] === b &&
      vpc.tiers.includes('public') &&
      vpc.tiers.includes('private')
    ) {
      const id = takeId(b.address, b.name);
      const total = nats.reduce((sum, n) => sum + (instanceCount(n) ?? 1), 0);
      const mode = total >= vpc.azCount ? 'per-az' : 'single';
      nodes.set(b.address, {
        id,
        type: 'nat-gateway',
        name: displayName(b),
        properties: { mode },
        placement: { vpcId, tier: 'public' },
      });
      outcomes.set(b.address, { kind: 'node', nodeId: id });
      continue;
    }
    outcomes.set(b.address, { kind: 'network', vpcId, role });
  }

  // 8. Everything else is kept as an other resource.
  for (const b of cfg.resources) {
    if (outcomes.has(b.address)) continue;
    kept.push(b);
    outcomes.set(b.address, { kind: 'kept', nodeId: '', reason: `the catalog has no service for ${b.type}` });
  }
  for (const b of kept) {
    const id = takeId(b.address, b.name);
    const previous = outcomes.get(b.address);
    const reason = previous?.kind === 'kept' ? previous.reason : `the catalog has no service for ${b.type}`;
    nodes.set(b.address, {
      id,
      type: 'other-resource',
      name: displayName(b),
      properties: { terraformType: b.type, terraformArguments: b.body as never },
      placement: null,
    });
    outcomes.set(b.address, { kind: 'kept', nodeId: id, reason });
  }

  // A module whose source was not read is kept as its call (IMP-04 says its resources are not in
  // the design); the Terraform export prints the call back, so what uses its outputs resolves.
  const moduleOutcomes = new Map<string, ResourceOutcome>();
  for (const m of cfg.modules) {
    if (m.instance !== undefined) continue;
    const id = takeId(m.address, m.name);
    nodes.set(m.address, {
      id,
      type: 'other-resource',
      name: m.name.slice(0, 128),
      properties: { terraformType: TERRAFORM_MODULE, terraformArguments: m.body as never },
      placement: null,
    });
    moduleOutcomes.set(m.address, {
      kind: 'kept',
      nodeId: id,
      reason: `the module's source "${m.source}" is not among the imported files: kept as the module call, its resources are not read`,
    });
  }

  // Nodes of a local module's blocks are drawn inside a group named after the module call.
  const groups = moduleGroups(cfg, nodes, taken);

  // Properties read, positions from the layout comment.
  for (const [address, node] of nodes) {
    const reader = readers.get(address);
    if (reader) node.properties = consistent(reader, problems);
    const pos = layout.nodes.get(address);
    if (pos) node.position = { x: pos.x, y: pos.y };
  }

  // 9. Connections.
  const serviceNodes = new Map([...nodes].filter(([, n]) => n.type !== 'other-resource'));
  const connections = inferConnections(cfg, { nodes: serviceNodes, partOwner }, problems, taken);

  // 10. Report: resources and modules in source order; data sources as info.
  const entries: (ReportEntry & { line?: number })[] = [];
  for (const b of cfg.resources)
    entries.push({
      sourceId: b.address,
      sourceType: b.type,
      file: b.file,
      outcome: outcomes.get(b.address)!,
      ...(b.line !== undefined ? { line: b.line } : {}),
    });
  for (const m of cfg.modules) {
    const read = m.instance !== undefined;
    entries.push({
      sourceId: m.address,
      sourceType: 'module',
      file: m.file,
      outcome: moduleOutcomes.get(m.address) ?? {
        kind: 'skipped',
        reason: `a local module: its resources are imported one by one as ${m.address}.<type>.<name>${groups.some((g) => g.name === m.address) ? `, drawn in the group ${m.address}` : ''}`,
      },
      ...(m.line !== undefined ? { line: m.line } : {}),
    });
    problems.push({
      severity: read ? 'info' : 'warning',
      message: read
        ? `${m.address} (source "${m.source}") is drawn through its resources, with addresses ${m.address}.*${groups.some((g) => g.name === m.address) ? `, inside a group named ${m.address}; the exports write them flat (IMP-05)` : ''}`
        : `${m.address} (source "${m.source}") is kept as its module call: its resources are not read unless its source is a local folder included in the import`,
      file: m.file,
      ...(m.line !== undefined ? { line: m.line } : {}),
      sourceId: m.address,
    });
  }
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0)));
  for (const d of cfg.data)
    problems.push({
      severity: 'info',
      message: `${d.address} is a data source (it reads, it creates nothing); it is not a resource of the design${d.type === 'aws_iam_policy_document' ? ' (its statements are read for connections)' : ''}`,
      file: d.file,
      ...(d.line !== undefined ? { line: d.line } : {}),
      sourceId: d.address,
    });

  const design: Design = {
    schemaVersion: DESIGN_SCHEMA_VERSION,
    name: designName(files),
    description: `Imported from Terraform (${cfg.texts.length} file${cfg.texts.length === 1 ? '' : 's'}).`,
    region: region(cfg, problems),
    environments: DEFAULT_ENVIRONMENTS.map((name) => ({ name, overrides: {} })),
    tags: defaultTags(cfg),
    vpcs: network.vpcs,
    nodes: orderNodes(cfg, nodes),
    connections,
    acceptedRisks: [],
    notes: [],
    usage: {},
    ...(groups.length > 0 ? { groups } : {}),
  };
  return {
    design,
    report: { format: 'terraform', resources: entries.map(({ line: _line, ...e }) => e), problems },
  };
}

/**
 * The node's properties once the service's cross-field checks pass (a log retention CloudWatch
 * does not offer, a Fargate size AWS refuses, ...): each value they fault falls back to the
 * catalog default, with an info problem, so the design always parses.
 */
function consistent(reader: PropertyReader, problems: ImportProblem[]): Properties {
  const props: Properties = { ...reader.props };
  for (let guard = 0; guard < 20; guard++) {
    const issues = validateProperties(reader.service, { ...defaultProperties(reader.service), ...props });
    const key = issues.map((i) => i.path.split(/[.[]/)[0]!).find((k) => k in props);
    if (key === undefined) break;
    problems.push({
      severity: 'info',
      message: `${reader.block.address}: ${issues.find((i) => i.path.startsWith(key))!.message}; ${key} keeps the catalog default`,
      file: reader.block.file,
      ...(reader.block.line !== undefined ? { line: reader.block.line } : {}),
      sourceId: reader.block.address,
    });
    delete props[key];
  }
  return props;
}

function orderNodes(cfg: Configuration, nodes: Map<string, DesignNode>): DesignNode[] {
  const order = new Map(cfg.resources.map((b, i) => [b.address, i]));
  return [...nodes].sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).map(([, n]) => n);
}

function designName(files: readonly SourceFile[]): string {
  const dirs = files.filter((f) => f.path.endsWith('.tf')).map((f) => dirOf(f.path));
  let common = dirs[0] ?? '';
  for (const d of dirs) while (common && d !== common && !d.startsWith(`${common}/`)) common = dirOf(common);
  const last = common.split('/').pop();
  return last ? last.slice(0, 128) : 'Imported Terraform configuration';
}

function region(cfg: Configuration, problems: ImportProblem[]): string {
  for (const root of cfg.roots) {
    for (const provider of root.providers) {
      const r = evaluate(provider.region, root.scope);
      if (typeof r === 'string' && RegionSchema.safeParse(r).success) return r;
    }
  }
  problems.push({
    severity: 'info',
    message: 'No AWS provider region is known before apply; the design uses us-east-1',
  });
  return 'us-east-1';
}

function defaultTags(cfg: Configuration): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const root of cfg.roots) {
    for (const provider of root.providers) {
      const v = evaluate(rawAt(provider, 'default_tags.tags'), root.scope);
      if (!v || typeof v !== 'object' || Array.isArray(v) || !isKnown(v)) continue;
      for (const [k, value] of Object.entries(v))
        if (typeof value === 'string' && k.length > 0 && k.length <= 128 && value.length <= 256)
          tags[k] = value;
    }
  }
  return tags;
}

/** Parts -> the node each serves: what its owner arguments name, what refers to it, what it refers to. */
function attributeParts(
  cfg: Configuration,
  nodes: Map<string, DesignNode>,
  parts: Set<string>,
): Map<string, string> {
  const owner = new Map<string, string>();
  const ownerOf = (a: string): string | undefined => nodes.get(a)?.id ?? owner.get(a);
  const referrers = new Map<string, Block[]>();
  for (const b of cfg.resources) for (const r of b.refs) referrers.set(r, [...(referrers.get(r) ?? []), b]);
  const partBlocks = cfg.resources.filter((b) => parts.has(b.address));
  const keyRefs = new Map<string, string[]>();
  for (const p of partBlocks) {
    const keys = PART_TYPES[p.type]!.ownerKeys ?? [];
    keyRefs.set(
      p.address,
      keys.flatMap((k) => resolveRefs(collectRefs(rawAt(p.body, k)), p.module, cfg.byAddress, 0)),
    );
  }
  const logGroupOwner = logGroupsByName(cfg, nodes);
  const assign = (p: Block, o: string | undefined): boolean => {
    if (!o) return false;
    owner.set(p.address, o);
    return true;
  };
  const strong = (): boolean => {
    let changed = false;
    for (const p of partBlocks) {
      if (owner.has(p.address)) continue;
      const fromKey = keyRefs.get(p.address)!.map(ownerOf).find(Boolean);
      const byName = p.type === 'aws_cloudwatch_log_group' ? logGroupOwner(p) : undefined;
      // A target group is its load balancer's (through a listener), not the service registered in it.
      const referrer = TARGET_GROUP_TYPES.has(p.type)
        ? undefined
        : (referrers.get(p.address) ?? []).map((r) => nodes.get(r.address)?.id).find(Boolean);
      changed = assign(p, fromKey ?? byName ?? referrer) || changed;
    }
    return changed;
  };
  const weak = (): boolean => {
    // A part referred to by an owned part (a policy by its attachment, a target group by a listener).
    for (const p of partBlocks) {
      if (owner.has(p.address)) continue;
      // Not a security group through another group's rules: those say who may connect, not whose it is.
      const o = (referrers.get(p.address) ?? [])
        .filter((r) => !(p.type === 'aws_security_group' && SECURITY_GROUP_TYPES.has(r.type)))
        .map((r) => (parts.has(r.address) ? owner.get(r.address) : undefined))
        .find(Boolean);
      if (assign(p, o)) return true;
    }
    // A part whose owner arguments name nothing here: what it refers to.
    for (const p of partBlocks) {
      if (owner.has(p.address)) continue;
      if (keyRefs.get(p.address)!.some((a) => parts.has(a))) continue;
      if (p.type === 'aws_security_group') continue;
      if (assign(p, p.refs.map(ownerOf).find(Boolean))) return true;
    }
    return false;
  };
  for (let guard = 0; guard < 10_000; guard++) {
    while (strong());
    if (!weak()) break;
  }
  for (const p of partBlocks)
    if (!owner.has(p.address) && TARGET_GROUP_TYPES.has(p.type))
      assign(p, (referrers.get(p.address) ?? []).map((r) => nodes.get(r.address)?.id).find(Boolean));
  return owner;
}

/** `/aws/lambda/<function name>` log groups written as text belong to that function. */
function logGroupsByName(
  cfg: Configuration,
  nodes: Map<string, DesignNode>,
): (b: Block) => string | undefined {
  const byName = new Map<string, string>();
  for (const [address, node] of nodes) {
    const b = cfg.byAddress.get(address);
    if (!b) continue;
    const fn =
      b.type === 'aws_lambda_function'
        ? known(b, 'function_name')
        : b.type === 'aws_sfn_state_machine'
          ? known(b, 'name')
          : undefined;
    if (typeof fn === 'string') {
      byName.set(`/aws/lambda/${fn}`, node.id);
      byName.set(`/aws/vendedlogs/states/${fn}`, node.id);
    }
  }
  return (b) => {
    const name = known(b, 'name');
    return typeof name === 'string' ? byName.get(name) : undefined;
  };
}

function placeNode(
  b: Block,
  node: DesignNode,
  network: NetworkResult,
  cfg: Configuration,
  problems: ImportProblem[],
): void {
  const service = getService(node.type);
  if (!service || node.placement) return;
  const vpcTiers = service.placements.filter((p): p is SubnetTier => p !== 'regional');
  if (vpcTiers.length === 0) return;
  const subnetAddresses = new Set<string>();
  for (const ref of b.refs) {
    if (network.subnets.has(ref)) subnetAddresses.add(ref);
    const target = cfg.byAddress.get(ref);
    if (target && SUBNET_GROUP_TYPES.has(target.type))
      for (const r of target.refs) if (network.subnets.has(r)) subnetAddresses.add(r);
  }
  const counts = new Map<string, number>();
  for (const s of subnetAddresses) {
    const info = network.subnets.get(s)!;
    const key = `${info.vpcId}\u0000${info.tier}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const best = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0];
  if (best) {
    const [vpcId, tier] = best.split('\u0000') as [string, SubnetTier];
    node.placement = { vpcId, tier };
    return;
  }
  if (service.placements[0] === 'regional') return;
  // A VPC service whose subnets are not in the configuration (data sources, variables).
  const vpc: Vpc | undefined = network.vpcs[0];
  const where = `${b.address} uses subnets that are not read from this configuration`;
  if (!vpc) {
    problems.push({
      severity: 'warning',
      message: `${where}, and the configuration has no VPC: it is drawn outside any VPC (PLC-02 flags it)`,
      file: b.file,
      sourceId: b.address,
    });
    return;
  }
  const tier = vpcTiers.find((t) => vpc.tiers.includes(t)) ?? vpc.tiers[0]!;
  node.placement = { vpcId: vpc.id, tier };
  problems.push({
    severity: 'info',
    message: `${where}; drawn in the ${tier} tier of ${vpc.name}`,
    file: b.file,
    sourceId: b.address,
  });
}
