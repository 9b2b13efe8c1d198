/**
 * Forward migrations of the design document, keyed by the version they migrate from.
 *
 * A migration works on untrusted JSON (it runs before validation): it reshapes what it recognises,
 * passes everything else through for the schema to report, and never mutates its input.
 * Adding a version: bump DESIGN_SCHEMA_VERSION, add `MIGRATIONS[old]`, add v<old> fixtures to
 * migrate.test.ts.
 */
import { DEFAULT_ENVIRONMENTS, DESIGN_SCHEMA_VERSION, SUBNET_TIERS } from './schema.ts';
import { parseCidr } from './cidr.ts';
import { defaultRetries } from '../catalog/services/step-functions.ts';

type JsonObject = Record<string, unknown>;

export interface Migration {
  /** What changed, shown to the user after loading an old file. */
  description: string;
  /** Turns a document of version `from` into one of version `from + 1`; `warn` reports guesses. */
  up(doc: JsonObject, warn: (message: string) => void): JsonObject;
}

export interface MigrationResult {
  value: unknown;
  /** The version the input was in (the current version when nothing was migrated). */
  from: number;
  /** Descriptions of the migrations applied, oldest first. */
  applied: string[];
  /** Decisions a migration had to make that the user may want to check. */
  warnings: string[];
}

/** Thrown for a version this build cannot read; `path` points at the version field. */
export class DesignVersionError extends Error {
  readonly path: string;
  /** Set when the document is from a newer archgen, so callers can keep it rather than drop it. */
  readonly newerVersion?: NewerVersion;
  constructor(path: string, message: string, newerVersion?: NewerVersion) {
    super(message);
    this.name = 'DesignVersionError';
    this.path = path;
    if (newerVersion) this.newerVersion = newerVersion;
  }
}

/** A document version this build cannot read because it is newer: `found` > `supported`. */
export interface NewerVersion {
  found: number;
  supported: number;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A prefix for an id that is not yet taken, e.g. "main", else "main-2". */
function freeId(stem: string, taken: ReadonlySet<string>): string {
  if (!taken.has(stem)) return stem;
  let n = 2;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

function collectIds(items: unknown): Set<string> {
  const ids = new Set<string>();
  if (Array.isArray(items))
    for (const item of items) if (isObject(item) && typeof item.id === 'string') ids.add(item.id);
  return ids;
}

const V1_DEFAULT_VPC_CIDR = '10.0.0.0/16';
const DEFAULT_SUBNET_PREFIX = 24;

/** The largest subnets (at most /24) that fit every tier in every AZ, so a v1 VPC stays valid. */
function subnetPrefixFor(cidr: unknown, subnetCount: number): number {
  const parsed = typeof cidr === 'string' ? parseCidr(cidr) : null;
  if (!parsed) return DEFAULT_SUBNET_PREFIX;
  const needed = parsed.prefix + Math.ceil(Math.log2(subnetCount));
  return Math.min(28, Math.max(DEFAULT_SUBNET_PREFIX, needed));
}

/**
 * Version 1: `version: 1`, `services[]` with `subnet: tier | null`, one top-level
 * `vpc: { cidr, azs }`, `links[]` of `{ source, target, type }`, environments as names.
 */
const v1ToV2: Migration = {
  description:
    'version 1 -> 2: services became nodes placed in a VPC tier, the single vpc became vpcs[0] ' +
    '(public, private and isolated tiers), links became connections, environments became objects',
  up(doc, warn) {
    const { version: _version, services, vpc, links, environments, ...rest } = doc;
    const taken = new Set([...collectIds(services), ...collectIds(links)]);

    const anyPlaced = Array.isArray(services) && services.some((s) => isObject(s) && s.subnet != null);
    let vpcs: unknown[] = [];
    let vpcId = '';
    if (isObject(vpc) || anyPlaced) {
      const source: JsonObject = isObject(vpc) ? vpc : { cidr: V1_DEFAULT_VPC_CIDR, azs: 2 };
      if (!isObject(vpc))
        warn(
          `services were placed in subnets without a vpc; added one with ${V1_DEFAULT_VPC_CIDR} and 2 AZs`,
        );
      vpcId = freeId('main', taken);
      taken.add(vpcId);
      let azCount = source.azs;
      if (typeof azCount === 'number' && (azCount < 2 || azCount > 3)) {
        const clamped = Math.min(3, Math.max(2, Math.round(azCount)));
        warn(`vpc.azs was ${azCount}; designs now use 2 or 3 AZs, so the VPC uses ${clamped}`);
        azCount = clamped;
      }
      const tierCount = SUBNET_TIERS.length * (typeof azCount === 'number' ? azCount : 2);
      vpcs = [
        {
          id: vpcId,
          name: 'VPC',
          cidr: source.cidr,
          azCount,
          tiers: [...SUBNET_TIERS],
          subnetPrefix: subnetPrefixFor(source.cidr, tierCount),
          flowLogs: true,
        },
      ];
    }

    const nodes = Array.isArray(services)
      ? services.map((service) => {
          if (!isObject(service)) return service;
          const { subnet, ...node } = service;
          return { ...node, placement: subnet == null ? null : { vpcId, tier: subnet } };
        })
      : services;

    const connections = Array.isArray(links)
      ? links.map((link, index) => {
          if (!isObject(link)) return link;
          const { source, target, type, id, ...extra } = link;
          if (typeof id === 'string') return { ...extra, id, from: source, to: target, kind: type };
          const generated = freeId(`link-${index + 1}`, taken);
          taken.add(generated);
          return { ...extra, id: generated, from: source, to: target, kind: type };
        })
      : links;

    let envs = environments;
    if (environments === undefined) {
      envs = DEFAULT_ENVIRONMENTS.map((name) => ({ name, overrides: {} }));
      warn(`the file named no environments; added ${DEFAULT_ENVIRONMENTS.join(', ')}`);
    } else if (Array.isArray(environments)) {
      envs = environments.map((env) => (typeof env === 'string' ? { name: env, overrides: {} } : env));
    }

    const out: JsonObject = { ...rest, schemaVersion: 2, environments: envs, vpcs, nodes, connections };
    // Absent lists stay absent so the schema's defaults apply rather than an `undefined` error.
    for (const key of ['nodes', 'connections'] as const) if (out[key] === undefined) delete out[key];
    return out;
  },
};

/**
 * Version 2 -> 3 adds `vpcs[].subnetCidrs` (explicit subnet CIDRs). A version 2 document has none,
 * so nothing changes but the number. The number moves so that an older archgen refuses a file
 * with explicit CIDRs ("made by a newer version") instead of dropping them as an unknown key and
 * writing code for different subnets.
 */
const v2ToV3: Migration = {
  description: 'version 2 -> 3: VPCs may give their subnets explicit CIDRs (nothing to change)',
  up(doc) {
    return { ...doc, schemaVersion: 3 };
  },
};

/** The event source settings version 3 kept on the consumer function. */
const BATCHING_KEYS = ['batchSize', 'maxBatchingWindowSeconds'] as const;

/** A version 3 state machine's one retry count becomes the default retries with that count. */
function withRetriesByError(node: JsonObject, properties: JsonObject): JsonObject {
  if (!Object.hasOwn(properties, 'retryMaxAttempts')) return node;
  const { retryMaxAttempts, ...rest } = properties;
  const attempts = typeof retryMaxAttempts === 'number' ? retryMaxAttempts : 3;
  return { ...node, properties: { ...rest, retries: defaultRetries(attempts) } };
}

/**
 * Version 3 -> 4: a state machine's `retryMaxAttempts` becomes `retries` (per error name, the
 * default errors with that count); a Lambda function's `batchSize` and `maxBatchingWindowSeconds` move to each
 * event-source connection into it (`connections[].properties`), where a value the connection
 * already has wins; they leave the function. Overrides of them per environment are dropped with a
 * warning: connection settings are the same in every environment (version 3 generators used the
 * base value too). The number moves so an older archgen refuses the file instead of silently
 * dropping the connections' settings.
 */
const v3ToV4: Migration = {
  description:
    "version 3 -> 4: a Lambda function's event batch size and batching window moved to each event-source connection into it; a state machine's retry count became retries per error name",
  up(doc, warn) {
    const moved = new Map<string, JsonObject>();
    const nodes = Array.isArray(doc.nodes)
      ? doc.nodes.map((node) => {
          if (isObject(node) && node.type === 'step-functions' && isObject(node.properties))
            return withRetriesByError(node, node.properties);
          if (!isObject(node) || node.type !== 'lambda' || typeof node.id !== 'string') return node;
          if (!isObject(node.properties)) return node;
          const properties: JsonObject = { ...node.properties };
          const batching: JsonObject = {};
          for (const key of BATCHING_KEYS)
            if (Object.hasOwn(properties, key)) {
              batching[key] = properties[key];
              delete properties[key];
            }
          if (Object.keys(batching).length === 0) return node;
          moved.set(node.id, batching);
          return { ...node, properties };
        })
      : doc.nodes;

    const idsOf = (type: string) =>
      new Set(
        Array.isArray(doc.nodes)
          ? doc.nodes.flatMap((n) =>
              isObject(n) && n.type === type && typeof n.id === 'string' ? [n.id] : [],
            )
          : [],
      );
    const lambdaIds = idsOf('lambda');
    const machineIds = idsOf('step-functions');
    const connections = Array.isArray(doc.connections)
      ? doc.connections.map((c) => {
          if (!isObject(c) || c.kind !== 'event-source' || typeof c.to !== 'string') return c;
          const batching = moved.get(c.to);
          if (!batching) return c;
          const own = isObject(c.properties) ? c.properties : {};
          return { ...c, properties: { ...batching, ...own } };
        })
      : doc.connections;
    for (const [id] of moved) {
      const fed =
        Array.isArray(doc.connections) &&
        doc.connections.some((c) => isObject(c) && c.kind === 'event-source' && c.to === id);
      if (!fed) warn(`function "${id}" had event batching settings but no event source; they were dropped`);
    }

    const environments = Array.isArray(doc.environments)
      ? doc.environments.map((env) => {
          if (!isObject(env) || !isObject(env.overrides)) return env;
          const overrides: JsonObject = { ...env.overrides };
          for (const [id, values] of Object.entries(overrides)) {
            if (machineIds.has(id) && isObject(values) && Object.hasOwn(values, 'retryMaxAttempts')) {
              const { retryMaxAttempts: _dropped, ...kept } = values;
              overrides[id] = kept;
              warn(
                `environment "${String(env.name)}" overrode retryMaxAttempts of state machine "${id}"; retries are now set per error name, the same in every environment, so the override was dropped`,
              );
              continue;
            }
            if (!lambdaIds.has(id) || !isObject(values)) continue;
            const kept: JsonObject = { ...values };
            for (const key of BATCHING_KEYS)
              if (Object.hasOwn(kept, key)) {
                delete kept[key];
                warn(
                  `environment "${String(env.name)}" overrode ${key} of function "${id}"; event batching is now set on each event-source connection, the same in every environment, so the override was dropped`,
                );
              }
            overrides[id] = kept;
          }
          return { ...env, overrides };
        })
      : doc.environments;

    const out: JsonObject = { ...doc, schemaVersion: 4 };
    if (nodes !== undefined) out.nodes = nodes;
    if (connections !== undefined) out.connections = connections;
    if (environments !== undefined) out.environments = environments;
    return out;
  },
};

/** Migrations keyed by the version they start from; each produces version key + 1. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: v1ToV2, 2: v2ToV3, 3: v3ToV4 };

/** The document's version and the path it was read from; undefined when it names none. */
function readVersion(doc: JsonObject): { version: unknown; path: string } | undefined {
  if ('schemaVersion' in doc) return { version: doc.schemaVersion, path: '$.schemaVersion' };
  if ('version' in doc) return { version: doc.version, path: '$.version' };
  return undefined;
}

/**
 * Brings a parsed JSON document up to DESIGN_SCHEMA_VERSION. Input that is not an object, or that
 * names no version, is returned unchanged for the schema to report. Throws DesignVersionError for
 * a version newer than this build or one no migration starts from.
 */
export function migrateDesign(raw: unknown): MigrationResult {
  const current = DESIGN_SCHEMA_VERSION;
  if (!isObject(raw)) return { value: raw, from: current, applied: [], warnings: [] };
  const found = readVersion(raw);
  if (!found || typeof found.version !== 'number')
    return { value: raw, from: current, applied: [], warnings: [] };
  const { version, path } = found;
  if (!Number.isInteger(version) || version < 1) {
    throw new DesignVersionError(
      path,
      `${version} is not a design version (expected a whole number from 1 to ${current})`,
    );
  }
  if (version > current) {
    throw new DesignVersionError(
      path,
      `this design was saved by a newer archgen (schema version ${version}); this build reads versions up to ${current}. Update archgen to open it`,
      { found: version, supported: current },
    );
  }
  const applied: string[] = [];
  const warnings: string[] = [];
  let doc: JsonObject = raw;
  for (let v = version; v < current; v++) {
    const migration = MIGRATIONS[v];
    if (!migration) throw new DesignVersionError(path, `no migration from schema version ${v}`);
    doc = migration.up(doc, (message) => warnings.push(message));
    applied.push(migration.description);
  }
  return { value: doc, from: version, applied, warnings };
}
