/**
 * Builders for designs: the app's "new design", and the fixtures tests across the repo use.
 *
 * Everything here is deterministic: ids come from the service type plus a counter that counts
 * within one design (never a global counter), so the same calls always give the same design.
 *
 *   const d = design('Orders')
 *     .vpc()
 *     .node('alb', { id: 'web' })            // placed in the public tier of "main"
 *     .node('ecs-fargate', { id: 'api' })    // private tier (its recommended placement)
 *     .node('rds', { id: 'db' })             // isolated tier
 *     .connect('web', 'api', 'traffic')
 *     .connect('api', 'db', 'traffic')
 *     .override('prod', 'db', { multiAz: true })
 *     .build();
 */
import {
  DEFAULT_ENVIRONMENTS,
  DESIGN_SCHEMA_VERSION,
  SUBNET_TIERS,
  type Connection,
  type ConnectionKind,
  type Design,
  type DesignGroup,
  type DesignNode,
  type Properties,
  type SubnetTier,
  type Vpc,
} from './schema.ts';
import { getService } from '../catalog/index.ts';

const MAX_ID_LENGTH = 64;

/** A fresh design with the defaults a new file gets: us-east-1, dev/staging/prod, nothing else. */
export function createDesign(partial: Partial<Design> = {}): Design {
  return {
    schemaVersion: DESIGN_SCHEMA_VERSION,
    name: 'Untitled design',
    description: '',
    region: 'us-east-1',
    environments: DEFAULT_ENVIRONMENTS.map((name) => ({ name, overrides: {} })),
    tags: {},
    vpcs: [],
    nodes: [],
    connections: [],
    acceptedRisks: [],
    notes: [],
    usage: {},
    ...partial,
  };
}

export const DEFAULT_VPC_ID = 'main';

/** The default VPC: 10.0.0.0/16 over 2 AZs with public, private and isolated /24 subnets. */
export function createVpc(overrides: Partial<Vpc> = {}): Vpc {
  return {
    id: DEFAULT_VPC_ID,
    name: 'Main VPC',
    cidr: '10.0.0.0/16',
    azCount: 2,
    tiers: [...SUBNET_TIERS],
    subnetPrefix: 24,
    flowLogs: true,
    ...overrides,
  };
}

/** What "New design" opens: an empty canvas with one VPC ready to drop services into. */
export function newBlankDesign(name: string): Design {
  return createDesign({ name, vpcs: [createVpc()] });
}

/** A valid id prefix from free text: "ecs-fargate" stays, "3 things!" becomes "n3-things". */
export function idStem(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  const stem = /^[A-Za-z]/.test(cleaned) ? cleaned : `n${cleaned}`;
  return stem.slice(0, MAX_ID_LENGTH - 4);
}

/** `${stem}-1`, `${stem}-2`, ... (from `${stem}-${first}`): the first one not in `taken`. */
export function uniqueId(stem: string, taken: ReadonlySet<string>, first = 1): string {
  for (let n = first; ; n++) {
    const id = `${stem}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A node with no properties set (every property then has its catalog default). */
export function createNode(type: string, overrides: Partial<DesignNode> = {}): DesignNode {
  return {
    id: `${idStem(type)}-1`,
    type,
    name: getService(type)?.displayName ?? type,
    properties: {},
    placement: null,
    ...overrides,
  };
}

function connectionStem(from: string, to: string, kind: ConnectionKind): string {
  return `${from}-${kind}-${to}`.slice(0, MAX_ID_LENGTH - 4);
}

export function createConnection(
  from: string,
  to: string,
  kind: ConnectionKind,
  extra: Partial<Connection> = {},
): Connection {
  return { id: connectionStem(from, to, kind), from, to, kind, ...extra };
}

/** `node()` options: any node field, or `tier` (and `vpcId`) as a shorthand for placement. */
export interface NodeOptions extends Partial<DesignNode> {
  tier?: SubnetTier;
  vpcId?: string;
}

/** A fluent builder for test fixtures; see the example at the top of this file. */
export class DesignBuilder {
  private readonly doc: Design;
  private readonly taken = new Set<string>();

  constructor(name = 'Test design') {
    this.doc = createDesign({ name });
  }

  region(region: string): this {
    this.doc.region = region;
    return this;
  }

  description(description: string): this {
    this.doc.description = description;
    return this;
  }

  /** Replaces the environments (default dev, staging, prod). */
  environments(...names: string[]): this {
    this.doc.environments = names.map((name) => ({ name, overrides: {} }));
    return this;
  }

  /** Sets where an environment deploys: its own region and, optionally, account. */
  deployTo(env: string, target: { region?: string; account?: string }): this {
    const environment = this.environment(env);
    if (target.region !== undefined) environment.region = target.region;
    if (target.account !== undefined) environment.account = target.account;
    return this;
  }

  tag(key: string, value: string): this {
    this.doc.tags[key] = value;
    return this;
  }

  /** Adds a VPC: the first is "main" on 10.0.0.0/16, later ones vpc-2, vpc-3 on 10.1.0.0/16, ... */
  vpc(overrides: Partial<Vpc> = {}): this {
    const index = this.doc.vpcs.length;
    const id =
      overrides.id ??
      (index === 0 && !this.taken.has(DEFAULT_VPC_ID)
        ? DEFAULT_VPC_ID
        : uniqueId('vpc', this.taken, index + 1));
    this.claim(id);
    this.doc.vpcs.push(
      createVpc({
        name: index === 0 ? 'Main VPC' : `VPC ${index + 1}`,
        cidr: `10.${index}.0.0/16`,
        ...overrides,
        id,
      }),
    );
    return this;
  }

  /**
   * Adds a node. Without `id` it gets `<type>-<n>`; without a placement it goes where the catalog
   * recommends, when that is a tier of a VPC in the design (pass `placement: null` to keep it out).
   */
  node(type: string, options: NodeOptions = {}): this {
    const { tier, vpcId, ...fields } = options;
    const id = fields.id ?? uniqueId(idStem(type), this.taken);
    this.claim(id);
    const sameType = this.doc.nodes.filter((n) => n.type === type).length;
    const displayName = getService(type)?.displayName ?? type;
    const placement =
      'placement' in fields ? (fields.placement ?? null) : this.placementFor(type, tier, vpcId);
    this.doc.nodes.push(
      createNode(type, {
        name: sameType === 0 ? displayName : `${displayName} ${sameType + 1}`,
        ...fields,
        id,
        placement,
      }),
    );
    return this;
  }

  connect(from: string, to: string, kind: ConnectionKind, extra: Partial<Connection> = {}): this {
    const id = extra.id ?? this.connectionId(from, to, kind);
    this.claim(id);
    this.doc.connections.push(createConnection(from, to, kind, { ...extra, id }));
    return this;
  }

  /** Sets per-environment values for a node or VPC; the environment must exist. */
  override(env: string, targetId: string, values: Properties): this {
    const environment = this.environment(env);
    environment.overrides[targetId] = { ...environment.overrides[targetId], ...values };
    return this;
  }

  note(targetId: string, text: string, id?: string): this {
    const noteId = id ?? uniqueId('note', this.taken);
    this.claim(noteId);
    this.doc.notes.push({ id: noteId, targetId, text });
    return this;
  }

  acceptRisk(ruleId: string, targetId: string, reason: string): this {
    this.doc.acceptedRisks.push({ ruleId, targetId, reason });
    return this;
  }

  /** Adds a group (kind "drawn" unless given) and puts the named nodes, already added, in it. */
  group(id: string, name: string, memberIds: string[], extra: Partial<DesignGroup> = {}): this {
    this.claim(id);
    (this.doc.groups ??= []).push({ id, name, kind: 'drawn', ...extra });
    for (const memberId of memberIds) {
      const node = this.doc.nodes.find((n) => n.id === memberId);
      if (!node) throw new Error(`DesignBuilder: no node "${memberId}" to put in group "${id}"`);
      node.group = id;
    }
    return this;
  }

  usage(nodeId: string, metrics: Record<string, number>): this {
    this.doc.usage[nodeId] = { ...this.doc.usage[nodeId], ...metrics };
    return this;
  }

  /** A copy of the design so far; the builder can keep going and build again. */
  build(): Design {
    return JSON.parse(JSON.stringify(this.doc)) as Design;
  }

  private environment(env: string): Design['environments'][number] {
    const environment = this.doc.environments.find((e) => e.name === env);
    if (!environment)
      throw new Error(
        `DesignBuilder: no environment "${env}" (have ${this.doc.environments.map((e) => e.name).join(', ')})`,
      );
    return environment;
  }

  private claim(id: string): void {
    if (this.taken.has(id)) throw new Error(`DesignBuilder: id "${id}" is already used`);
    this.taken.add(id);
  }

  private connectionId(from: string, to: string, kind: ConnectionKind): string {
    const stem = connectionStem(from, to, kind);
    return this.taken.has(stem) ? uniqueId(stem, this.taken, 2) : stem;
  }

  private placementFor(
    type: string,
    tier: SubnetTier | undefined,
    vpcId: string | undefined,
  ): DesignNode['placement'] {
    const vpcs = vpcId ? this.doc.vpcs.filter((v) => v.id === vpcId) : this.doc.vpcs;
    if (tier) return { vpcId: vpcId ?? vpcs[0]?.id ?? DEFAULT_VPC_ID, tier };
    const recommended = getService(type)?.placements[0];
    if (!recommended || recommended === 'regional') return null;
    const vpc = vpcs.find((v) => v.tiers.includes(recommended));
    return vpc ? { vpcId: vpc.id, tier: recommended } : null;
  }
}

/** Starts a fixture: `design('Orders').vpc().node('lambda').build()`. */
export function design(name?: string): DesignBuilder {
  return new DesignBuilder(name);
}
