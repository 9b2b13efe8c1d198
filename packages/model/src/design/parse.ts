/**
 * Reading a design document from untrusted input: a file, a paste, a link, a CLI argument.
 *
 * Every way in goes through `parseDesign`, which either returns a complete, valid design or a
 * list of errors that name the JSON path, and never throws or returns half a design. The steps,
 * cheapest first: size limit on the raw text, nesting depth, JSON syntax (line and column),
 * hostile keys dropped, migration to the current version, count limits, the zod schema, then
 * the semantic checks zod cannot express (ids, references, catalog rules, property values).
 */
import type { core } from 'zod';
import {
  AcceptedRiskSchema,
  ConnectionSchema,
  DesignSchema,
  designRegions,
  EnvironmentSchema,
  KeptTemplateSchema,
  NodeSchema,
  NoteSchema,
  GroupSchema,
  PlacementSchema,
  SUBNET_TIERS,
  SubnetCidrsSchema,
  TagsSchema,
  VpcSchema,
  type ConnectionKind,
  type Design,
  type DesignNode,
  type Properties,
  type PropertyValue,
} from './schema.ts';
import { DesignVersionError, migrateDesign, type NewerVersion } from './migrate.ts';
import {
  AWS_MAX_TAGS_PER_RESOURCE,
  MAX_ACCEPTED_RISKS,
  MAX_CONNECTIONS,
  MAX_DESIGN_BYTES,
  MAX_ENVIRONMENTS,
  MAX_NESTING_DEPTH,
  MAX_NODES,
  MAX_NOTES,
  MAX_REPORTED_ERRORS,
  MAX_TAGS,
  MAX_VPCS,
} from './limits.ts';
import { availabilityZones, parseCidr } from './cidr.ts';
import { connectionPropertySchema, defaultProperties, validateProperties } from './properties.ts';
import { SERVICES, allowedConnectionKinds, findAcceptedConnection, getService } from '../catalog/index.ts';
import { article } from '../catalog/wording.ts';
import type { PropertyIssue, ServiceDefinition } from '../catalog/types.ts';

export interface DesignError {
  /** JSON path of the offending value, e.g. "$.nodes[3].placement.tier"; "$" for the whole file. */
  path: string;
  message: string;
}

export type ParseResult =
  | { ok: true; design: Design; migratedFrom?: number; warnings: string[] }
  | { ok: false; errors: DesignError[]; newerVersion?: NewerVersion };

/**
 * Parses a design from JSON text or an already-parsed value. An already-parsed value is
 * re-serialised first, so it gets exactly the same checks (size, depth, hostile keys) as text.
 */
export function parseDesign(input: string | unknown): ParseResult {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    const serialised = serialiseUnknown(input);
    if ('error' in serialised) return fail([{ path: '$', message: serialised.error }]);
    text = serialised.text;
  }

  const read = readJson(text);
  if ('errors' in read) return fail(read.errors);
  const warnings = read.warnings;

  let migrated;
  try {
    migrated = migrateDesign(read.value);
  } catch (error) {
    if (error instanceof DesignVersionError) {
      const errors = [{ path: error.path, message: error.message }];
      // Callers that store designs (autosave) must keep a newer document, not treat it as garbage.
      return error.newerVersion ? { ok: false, errors, newerVersion: error.newerVersion } : fail(errors);
    }
    throw error;
  }
  warnings.push(...migrated.warnings);

  const limitErrors = checkCounts(migrated.value);
  if (limitErrors.length > 0) return fail(limitErrors);

  const parsed = DesignSchema.safeParse(migrated.value, { reportInput: true });
  if (!parsed.success)
    return fail(withoutSizeOfWrongType(parsed.error.issues).flatMap((issue) => describeIssue(issue, [])));

  warnings.push(...describeUnknownKeys(migrated.value));
  const design = withNullPrototypeRecords(parsed.data);
  restoreTags(design, read.keptTags);
  const semanticErrors = checkSemantics(design, warnings);
  if (semanticErrors.length > 0) return fail(semanticErrors);

  return migrated.from === design.schemaVersion
    ? { ok: true, design, warnings }
    : { ok: true, design, migratedFrom: migrated.from, warnings };
}

function fail(errors: DesignError[]): ParseResult {
  if (errors.length <= MAX_REPORTED_ERRORS) return { ok: false, errors };
  const shown = errors.slice(0, MAX_REPORTED_ERRORS - 1);
  const hidden = errors.length - shown.length;
  return { ok: false, errors: [...shown, { path: '$', message: `and ${hidden} more errors not shown` }] };
}

function serialiseUnknown(input: unknown): { text: string } | { error: string } {
  if (input === undefined) return { error: 'no design was given' };
  try {
    const text = JSON.stringify(input) as string | undefined;
    return text === undefined ? { error: 'the design is not a JSON value' } : { text };
  } catch (error) {
    return {
      error: `the design cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Text to JSON value

function readJson(
  rawText: string,
): { value: unknown; warnings: string[]; keptTags: [string, string][] } | { errors: DesignError[] } {
  const size = utf8Length(rawText, MAX_DESIGN_BYTES);
  if (size > MAX_DESIGN_BYTES) {
    return {
      errors: [
        {
          path: '$',
          message: `the file is larger than the ${formatMegabytes(MAX_DESIGN_BYTES)} limit for a design`,
        },
      ],
    };
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;

  const tooDeep = findExcessiveNesting(text, MAX_NESTING_DEPTH);
  if (tooDeep !== undefined) {
    const { line, column } = lineAndColumn(text, tooDeep);
    return {
      errors: [
        {
          path: '$',
          message: `the JSON nests deeper than ${MAX_NESTING_DEPTH} levels (line ${line}, column ${column})`,
        },
      ],
    };
  }

  let parsed: { value: unknown; dropped: DroppedKey[] };
  try {
    parsed = parseJsonDroppingHostileKeys(text);
  } catch {
    const problem = findJsonSyntaxProblem(text);
    const where = problem
      ? `line ${problem.line}, column ${problem.column}: ${problem.message}`
      : 'not valid JSON';
    return { errors: [{ path: '$', message: `invalid JSON at ${where}` }] };
  }
  const { warnings, keptTags } = describeDroppedKeys(parsed.value, parsed.dropped);
  return { value: parsed.value, warnings, keptTags };
}

function formatMegabytes(bytes: number): string {
  return `${bytes / (1024 * 1024)} MB`;
}

const MAX_DROPPED_KEY_WARNINGS = 10;

/**
 * Warnings for the dropped keys, except the design's own tags: "constructor" or "__proto__" is a
 * legitimate AWS tag key, so those come back as `keptTags`, restored later into a map without a
 * prototype (see restoreTags), where they are plain data.
 */
function describeDroppedKeys(
  root: unknown,
  dropped: DroppedKey[],
): { warnings: string[]; keptTags: [string, string][] } {
  if (dropped.length === 0) return { warnings: [], keptTags: [] };
  // A key nested inside a dropped key went with it; only the outermost ones have a path.
  const paths = pathsOf(root, new Set(dropped.map((d) => d.holder)));
  const keptTags: [string, string][] = [];
  const located = dropped.flatMap((d) => {
    const holderPath = paths.get(d.holder);
    const value = TagsSchema.valueType.safeParse(d.value);
    if (holderPath === '$.tags' && value.success) {
      keptTags.push([d.key, value.data]);
      return [];
    }
    return holderPath === undefined ? [] : [holderPath + pathSegment(d.key)];
  });
  const warnings = located
    .slice(0, MAX_DROPPED_KEY_WARNINGS)
    .map(
      (path) =>
        `ignored the key at ${path}: "__proto__", "constructor" and "prototype" are not allowed as keys`,
    );
  if (located.length > MAX_DROPPED_KEY_WARNINGS) {
    warnings.push(
      `ignored ${located.length - MAX_DROPPED_KEY_WARNINGS} more "__proto__", "constructor" or "prototype" keys`,
    );
  }
  return { warnings, keptTags };
}

/** Puts the tags named like prototype keys back, as own data properties of the null-prototype map. */
function restoreTags(design: Design, keptTags: [string, string][]): void {
  for (const [key, value] of keptTags)
    Object.defineProperty(design.tags, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Keys a design file may carry that the schema does not list (an editor's schema pointer). */
const TOLERATED_KEYS: ReadonlySet<string> = new Set(['$schema']);
const MAX_UNKNOWN_KEY_WARNINGS = 10;

/**
 * The schema drops keys it does not know; say so, so a misspelt "conections" is not lost quietly.
 * Checks the fixed-shape objects a person edits: the document and the items of its lists.
 */
function describeUnknownKeys(value: unknown): string[] {
  if (!isPlainObject(value)) return [];
  const unknown: string[] = [];
  const collect = (object: unknown, known: object, path: string) => {
    if (!isPlainObject(object)) return;
    for (const key of Object.keys(object)) {
      if (!Object.hasOwn(known, key) && !TOLERATED_KEYS.has(key)) unknown.push(path + pathSegment(key));
    }
  };
  collect(value, DesignSchema.shape, '$');
  const lists = {
    environments: EnvironmentSchema,
    vpcs: VpcSchema,
    nodes: NodeSchema,
    connections: ConnectionSchema,
    acceptedRisks: AcceptedRiskSchema,
    notes: NoteSchema,
    groups: GroupSchema,
  } as const;
  for (const [key, schema] of Object.entries(lists)) {
    const list = value[key];
    if (Array.isArray(list)) list.forEach((item, i) => collect(item, schema.shape, `$.${key}[${i}]`));
  }
  // A misspelt tier ("pubilc") would otherwise leave that tier automatic without a word.
  if (Array.isArray(value.vpcs))
    value.vpcs.forEach((vpc, i) => {
      if (isPlainObject(vpc)) collect(vpc.subnetCidrs, SubnetCidrsSchema.shape, `$.vpcs[${i}].subnetCidrs`);
    });
  const warnings = unknown
    .slice(0, MAX_UNKNOWN_KEY_WARNINGS)
    .map((path) => `ignored the unknown key at ${path}`);
  if (unknown.length > MAX_UNKNOWN_KEY_WARNINGS) {
    warnings.push(`ignored ${unknown.length - MAX_UNKNOWN_KEY_WARNINGS} more unknown keys`);
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// Count limits, checked before the schema so a huge document is not validated item by item

function checkCounts(value: unknown): DesignError[] {
  if (!isPlainObject(value)) return [];
  const errors: DesignError[] = [];
  const limit = (key: string, max: number, noun: string) => {
    const list = value[key];
    if (Array.isArray(list) && list.length > max) {
      errors.push({
        path: `$.${key}`,
        message: `a design holds at most ${max} ${noun}; this one has ${list.length}`,
      });
    }
  };
  limit('nodes', MAX_NODES, 'nodes');
  limit('connections', MAX_CONNECTIONS, 'connections');
  limit('vpcs', MAX_VPCS, 'VPCs');
  limit('environments', MAX_ENVIRONMENTS, 'environments');
  limit('notes', MAX_NOTES, 'notes');
  limit('acceptedRisks', MAX_ACCEPTED_RISKS, 'accepted risks');
  if (isPlainObject(value.tags)) {
    const count = Object.keys(value.tags).length;
    if (count > MAX_TAGS)
      errors.push({
        path: '$.tags',
        message: `a design holds at most ${MAX_TAGS} tags; this one has ${count}`,
      });
  }
  return errors;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// zod issues to readable errors

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length <= 40 ? JSON.stringify(value) : 'text';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return TYPE_NAMES[typeof value] ?? typeof value;
}

/**
 * zod still runs a list's length checks on a value of the wrong type ("public" for a list of
 * tiers gives "must be at most 3 characters long"); the type error alone says what is wrong.
 */
function withoutSizeOfWrongType(issues: readonly core.$ZodIssue[]): core.$ZodIssue[] {
  const mistyped = new Set(issues.filter((i) => i.code === 'invalid_type').map((i) => jsonPath(i.path)));
  return issues.filter(
    (i) => !((i.code === 'too_big' || i.code === 'too_small') && mistyped.has(jsonPath(i.path))),
  );
}

function isTypeMismatch(issues: readonly core.$ZodIssue[]): boolean {
  return issues.length === 1 && issues[0]!.code === 'invalid_type' && issues[0]!.path.length === 0;
}

/** One zod issue as errors; union issues descend into the branch whose type matched. */
function describeIssue(issue: core.$ZodIssue, prefix: readonly PropertyKey[]): DesignError[] {
  const keys = [...prefix, ...issue.path];
  const path = jsonPath(keys);
  const got = 'input' in issue ? describeValue(issue.input) : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return [
        {
          path,
          message: got === 'nothing' ? `is required (${expected})` : `must be ${expected}, not ${got}`,
        },
      ];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return [{ path, message: `must be at most ${max} characters long` }];
      if (issue.origin === 'array') return [{ path, message: `must have at most ${max} items` }];
      return [
        {
          path,
          message: `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${max}, not ${got}`,
        },
      ];
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return [
          { path, message: min === 1 ? 'must not be empty' : `must be at least ${min} characters long` },
        ];
      if (issue.origin === 'array')
        return [{ path, message: `must have at least ${min} item${min === 1 ? '' : 's'}` }];
      return [
        {
          path,
          message: `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${min}, not ${got}`,
        },
      ];
    }
    case 'invalid_format': {
      // Schemas give their patterns a readable message; fall back to the pattern itself.
      const custom = !issue.message.startsWith('Invalid');
      return [
        {
          path,
          message: `${custom ? issue.message : `must match ${issue.pattern ?? issue.format}`} (got ${got})`,
        },
      ];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v));
      const expected = options.length === 1 ? options[0] : `one of ${options.join(', ')}`;
      return [{ path, message: `must be ${expected}, not ${got}` }];
    }
    case 'invalid_key': {
      const [inner] = issue.issues;
      const reason = inner ? describeIssue(inner, [])[0]!.message : 'is not allowed';
      return [{ path, message: `the key ${JSON.stringify(String(issue.path.at(-1)))} ${reason}` }];
    }
    case 'invalid_union': {
      // PropertyValue is the schema's only union: report inside the branch whose type matched.
      const matched = issue.errors.filter((branch) => !isTypeMismatch(branch));
      if (matched.length === 1) return matched[0]!.flatMap((inner) => describeIssue(inner, keys));
      return [
        { path, message: `must be text, a number, true or false, null, a list or an object, not ${got}` },
      ];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

// ---------------------------------------------------------------------------------------------
// Semantic checks

/** Ids that cannot be used as keys (overrides, usage) because the parser drops such keys. */
const RESERVED_IDS: ReadonlySet<string> = new Set(['constructor', 'prototype']);
/** What an environment may override on a VPC, checked with the VPC schema's own field rules. */
const VPC_OVERRIDABLE = { azCount: VpcSchema.shape.azCount, flowLogs: VpcSchema.shape.flowLogs } as const;

function checkSemantics(design: Design, warnings: string[]): DesignError[] {
  const errors: DesignError[] = [];
  const idPaths = checkIds(design, errors);
  const vpcsById = new Map(design.vpcs.map((vpc) => [vpc.id, vpc]));
  const nodesById = new Map(design.nodes.map((node) => [node.id, node]));

  design.vpcs.forEach((vpc, i) => {
    if (!parseCidr(vpc.cidr)) {
      errors.push({
        path: `$.vpcs[${i}].cidr`,
        message: `"${vpc.cidr}" is not a valid IPv4 CIDR (octets 0-255, prefix 0-32)`,
      });
    }
    for (const tier of SUBNET_TIERS) {
      const list = vpc.subnetCidrs?.[tier];
      if (!list) continue;
      const base = `$.vpcs[${i}].subnetCidrs.${tier}`;
      list.forEach((cidr, j) => {
        if (!parseCidr(cidr))
          errors.push({
            path: `${base}[${j}]`,
            message: `"${cidr}" is not a valid IPv4 CIDR (octets 0-255, prefix 0-32)`,
          });
      });
      if (!vpc.tiers.includes(tier))
        warnings.push(`${base} gives CIDRs for a tier VPC "${vpc.id}" does not have; they are ignored`);
    }
    // Every environment's region builds the same subnets, so the fewest zones decide.
    for (const region of designRegions(design)) {
      const zones = availabilityZones(region, vpc.azCount);
      if (zones.length < vpc.azCount) {
        warnings.push(
          `VPC "${vpc.id}" uses ${vpc.azCount} AZs but ${region} has only ${zones.length} by default`,
        );
      }
    }
  });

  const baseIssues = new Map<string, Set<string>>();
  design.nodes.forEach((node, i) => {
    const service = getService(node.type);
    if (!service) {
      errors.push({ path: `$.nodes[${i}].type`, message: unknownServiceMessage(node.type) });
      return;
    }
    errors.push(...checkPlacement(node, i, vpcsById));
    const issues = validateProperties(service, mergeProperties(defaultProperties(service), node.properties));
    baseIssues.set(node.id, new Set(issues.map(issueKey)));
    for (const issue of issues)
      errors.push({
        path: propertyPath(`$.nodes[${i}].properties`, issue.path, node.properties),
        message: issue.message,
      });
  });

  const seenConnections = new Set<string>();
  design.connections.forEach((connection, i) => {
    const base = `$.connections[${i}]`;
    const from = nodesById.get(connection.from);
    const to = nodesById.get(connection.to);
    for (const [end, id, node] of [
      ['from', connection.from, from],
      ['to', connection.to, to],
    ] as const) {
      if (!node) errors.push({ path: `${base}.${end}`, message: missingNodeMessage(id, vpcsById.has(id)) });
    }
    if (!from || !to) return;
    if (from === to) {
      errors.push({
        path: base,
        message: `a connection cannot start and end at the same node ("${from.id}")`,
      });
      return;
    }
    const accepted = findAcceptedConnection(from.type, to.type, connection.kind);
    if (getService(from.type) && getService(to.type) && !accepted) {
      errors.push({
        path: `${base}.kind`,
        message: connectionKindMessage(from.type, to.type, connection.kind),
      });
    }
    if (connection.properties && (accepted || Object.keys(connection.properties).length > 0)) {
      const schema = connectionPropertySchema(accepted, from.type, to.type);
      const issues = validateProperties(
        schema,
        mergeProperties(defaultProperties(schema), connection.properties),
      );
      for (const issue of issues)
        errors.push({
          path: propertyPath(`${base}.properties`, issue.path, connection.properties),
          message: issue.message,
        });
    }
    const signature = `${connection.from}\u0000${connection.to}\u0000${connection.kind}`;
    if (seenConnections.has(signature)) {
      warnings.push(
        `${base} repeats ${article(connection.kind)} ${connection.kind} connection from "${connection.from}" to "${connection.to}"`,
      );
    }
    seenConnections.add(signature);
  });

  const environmentNames = new Map<string, number>();
  design.environments.forEach((env, i) => {
    const first = environmentNames.get(env.name);
    if (first !== undefined) {
      errors.push({
        path: `$.environments[${i}].name`,
        message: `environment "${env.name}" is defined twice (also $.environments[${first}])`,
      });
    } else environmentNames.set(env.name, i);

    for (const [targetId, overrides] of Object.entries(env.overrides)) {
      const base = `$.environments[${i}].overrides${pathSegment(targetId)}`;
      const node = nodesById.get(targetId);
      const service = node && getService(node.type);
      if (node && service)
        errors.push(...checkNodeOverrides(node, service, overrides, base, baseIssues.get(node.id)));
      else if (vpcsById.has(targetId)) errors.push(...checkVpcOverrides(overrides, base));
      else if (!node)
        errors.push({
          path: base,
          message: `overrides name "${targetId}", which is no node or VPC in this design`,
        });
    }
  });

  const groupIds = new Set((design.groups ?? []).map((group) => group.id));
  design.nodes.forEach((node, i) => {
    if (node.group !== undefined && !groupIds.has(node.group))
      errors.push({
        path: `$.nodes[${i}].group`,
        message: `node "${node.id}" is in group "${node.group}", which is no group in this design`,
      });
  });

  design.notes.forEach((note, i) => {
    const targetPath = idPaths.get(note.targetId);
    if (!targetPath || targetPath.startsWith('$.notes') || targetPath.startsWith('$.groups')) {
      errors.push({
        path: `$.notes[${i}].targetId`,
        message: `the note is pinned to "${note.targetId}", which is no node, connection or VPC`,
      });
    }
  });
  design.acceptedRisks.forEach((risk, i) => {
    if (!idPaths.has(risk.targetId)) {
      warnings.push(
        `$.acceptedRisks[${i}] accepts ${risk.ruleId} for "${risk.targetId}", which is not in the design; it has no effect`,
      );
    }
  });
  for (const nodeId of Object.keys(design.usage)) {
    if (!nodesById.has(nodeId))
      warnings.push(`$.usage${pathSegment(nodeId)} is for "${nodeId}", which is no node; it is ignored`);
  }
  const tagCount = Object.keys(design.tags).length;
  if (tagCount > AWS_MAX_TAGS_PER_RESOURCE) {
    warnings.push(
      `the design has ${tagCount} tags; AWS allows ${AWS_MAX_TAGS_PER_RESOURCE} per resource, so deployment will fail`,
    );
  }
  return errors;
}

/** Ids must be unique across VPCs, nodes, connections, notes and groups; returns where each id lives. */
function checkIds(design: Design, errors: DesignError[]): Map<string, string> {
  const seen = new Map<string, string>();
  const collections = [
    ['vpcs', design.vpcs],
    ['nodes', design.nodes],
    ['connections', design.connections],
    ['notes', design.notes],
    ['groups', design.groups ?? []],
  ] as const;
  for (const [name, items] of collections) {
    items.forEach((item: { id: string }, i: number) => {
      const path = `$.${name}[${i}].id`;
      const previous = seen.get(item.id);
      if (previous !== undefined)
        errors.push({ path, message: `id "${item.id}" is already used at ${previous}` });
      else seen.set(item.id, path);
      if (RESERVED_IDS.has(item.id))
        errors.push({ path, message: `"${item.id}" is reserved; choose another id` });
    });
  }
  return seen;
}

/**
 * Only placements that cannot be drawn are errors (a missing VPC or tier). A service in a tier
 * its catalog entry does not allow, or a VPC service left outside any VPC, is a design problem
 * the rules report with a fix (PLC-01, PLC-02, NET-04): such a file must still open, or a user
 * who saved a work-in-progress design could never reopen it.
 */
function checkPlacement(
  node: DesignNode,
  i: number,
  vpcsById: ReadonlyMap<string, Design['vpcs'][number]>,
): DesignError[] {
  if (!node.placement) return [];
  const path = `$.nodes[${i}].placement`;
  const vpc = vpcsById.get(node.placement.vpcId);
  if (!vpc) return [{ path: `${path}.vpcId`, message: `no VPC with id "${node.placement.vpcId}"` }];
  if (!vpc.tiers.includes(node.placement.tier)) {
    return [
      {
        path: `${path}.tier`,
        message: `VPC "${vpc.id}" has no ${node.placement.tier} subnets (it has ${vpc.tiers.join(', ')})`,
      },
    ];
  }
  return [];
}

function checkNodeOverrides(
  node: DesignNode,
  service: ServiceDefinition,
  overrides: Properties,
  base: string,
  reportedForNode: ReadonlySet<string> | undefined,
): DesignError[] {
  // Validate what the environment actually gets, so cross-field checks see the merged values;
  // problems the node already has on its own were reported at the node.
  const merged = mergeProperties(defaultProperties(service), node.properties, overrides);
  const fixed: DesignError[] = service.properties
    .filter((def) => def.sameInEveryEnvironment && Object.hasOwn(overrides, def.key))
    .map((def) => ({
      path: propertyPath(base, def.key, overrides),
      message: `${def.label} is the same in every environment: set it on the node, not per environment`,
    }));
  return fixed.concat(
    validateProperties(service, merged)
      .filter((issue) => !reportedForNode?.has(issueKey(issue)))
      .map((issue) => {
        const inOverride =
          Object.hasOwn(overrides, issue.path) || Object.hasOwn(overrides, topKey(issue.path));
        return inOverride
          ? { path: propertyPath(base, issue.path, overrides), message: issue.message }
          : { path: base, message: `with these overrides, ${issue.message}` };
      }),
  );
}

function checkVpcOverrides(overrides: Properties, base: string): DesignError[] {
  const errors: DesignError[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(VPC_OVERRIDABLE, key)) {
      errors.push({
        path: base + pathSegment(key),
        message: `a VPC override may set ${Object.keys(VPC_OVERRIDABLE).join(' or ')}, not "${key}"`,
      });
      continue;
    }
    const result = VPC_OVERRIDABLE[key as keyof typeof VPC_OVERRIDABLE].safeParse(value, {
      reportInput: true,
    });
    if (!result.success)
      errors.push(
        ...result.error.issues
          .flatMap((issue) => describeIssue(issue, []))
          .map((e) => ({ ...e, path: base + pathSegment(key) + e.path.slice(1) })),
      );
  }
  return errors;
}

function mergeProperties(...layers: Properties[]): Properties {
  return Object.assign(Object.create(null) as Properties, ...layers);
}

function issueKey(issue: PropertyIssue): string {
  return `${issue.path}\u0000${issue.message}`;
}

function topKey(issuePath: string): string {
  return issuePath.split(/[.[]/)[0] ?? issuePath;
}

/** Appends a property issue's path ("memorySize", "gsis[0].name" or an odd unknown key). */
function propertyPath(base: string, issuePath: string, props: Properties): string {
  if (issuePath === '') return base;
  if (Object.hasOwn(props, issuePath)) return base + pathSegment(issuePath);
  return /^[A-Za-z_$][\w$]*(\[\d+\]|\.[A-Za-z_$][\w$]*)*$/.test(issuePath)
    ? `${base}.${issuePath}`
    : base + pathSegment(issuePath);
}

function missingNodeMessage(id: string, isVpc: boolean): string {
  return isVpc ? `"${id}" is a VPC; connections join nodes` : `no node with id "${id}"`;
}

function connectionKindMessage(fromType: string, toType: string, kind: ConnectionKind): string {
  const allowed = allowedConnectionKinds(fromType, toType);
  const reversed = allowedConnectionKinds(toType, fromType).includes(kind);
  const options =
    allowed.length > 0
      ? `from ${fromType} to ${toType} the allowed kinds are ${allowed.join(', ')}`
      : `${toType} accepts no connection from ${fromType}`;
  return `${fromType} cannot ${kind} into ${toType}: ${options}${reversed ? ` (${toType} -> ${fromType} is allowed: swap the ends)` : ''}`;
}

function unknownServiceMessage(type: string): string {
  const suggestion = closestServiceType(type);
  return `unknown service type "${type}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
}

function closestServiceType(type: string): string | undefined {
  let best: { type: string; distance: number } | undefined;
  for (const service of SERVICES) {
    const distance = editDistance(type.toLowerCase(), service.type);
    if (distance <= 2 && (!best || distance < best.distance)) best = { type: service.type, distance };
  }
  return best?.type;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

// ---------------------------------------------------------------------------------------------
// Records without a prototype

/**
 * Copies the design's records (tags, properties, overrides, usage) into objects without a
 * prototype, so a lookup by a user-chosen key such as `overrides["toString"]` finds only data.
 */
function withNullPrototypeRecords(design: Design): Design {
  return {
    ...design,
    tags: nullPrototype(design.tags, (v) => v),
    usage: nullPrototype(design.usage, (metrics) => nullPrototype(metrics, (v) => v)),
    nodes: design.nodes.map((node) => ({ ...node, properties: safeProperties(node.properties) })),
    connections: design.connections.map((c) =>
      c.properties ? { ...c, properties: safeProperties(c.properties) } : c,
    ),
    environments: design.environments.map((env) => ({
      ...env,
      overrides: nullPrototype(env.overrides, safeProperties),
    })),
  };
}

function nullPrototype<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  const out = Object.create(null) as Record<string, U>;
  for (const [key, value] of Object.entries(record)) out[key] = map(value);
  return out;
}

function safeProperties(props: Properties): Properties {
  return nullPrototype(props, safeValue);
}

function safeValue(value: PropertyValue): PropertyValue {
  if (Array.isArray(value)) return value.map(safeValue);
  if (value !== null && typeof value === 'object') return nullPrototype(value, safeValue);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * The design as a file: keys in schema order for fixed-shape objects, sorted for records
 * (tags, properties, overrides, usage), 2-space indentation, a trailing newline. The same design
 * always gives the same bytes, so files diff cleanly.
 */
export function serializeDesign(design: Design): string {
  return JSON.stringify(orderKeys(design, DESIGN_KEY_ORDER), null, 2) + '\n';
}

/** How to order an object's keys: a fixed order with per-key nested orders, or sorted (a record). */
interface KeyOrder {
  keys?: readonly string[];
  children?: Readonly<Record<string, KeyOrder>>;
  /** The order for every item of an array, or every value of a record. */
  items?: KeyOrder;
}

/** A record: keys sorted, values (and list items) ordered the same way all the way down. */
const SORTED: KeyOrder = {};
const NESTED_SORTED: KeyOrder = { items: SORTED };
/** A fixed-shape object: its schema's key order; children not listed are records. */
function shape(schema: { shape: object }, children: Record<string, KeyOrder> = {}): KeyOrder {
  return { keys: Object.keys(schema.shape), children };
}

const DESIGN_KEY_ORDER: KeyOrder = shape(DesignSchema, {
  environments: { items: shape(EnvironmentSchema, { overrides: NESTED_SORTED }) },
  vpcs: { items: shape(VpcSchema, { subnetCidrs: shape(SubnetCidrsSchema) }) },
  nodes: { items: shape(NodeSchema, { placement: shape(PlacementSchema) }) },
  connections: { items: shape(ConnectionSchema) },
  acceptedRisks: { items: shape(AcceptedRiskSchema) },
  notes: { items: shape(NoteSchema) },
  usage: NESTED_SORTED,
  groups: { items: shape(GroupSchema) },
  keptTemplate: shape(KeptTemplateSchema),
});

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function orderKeys(value: unknown, order: KeyOrder): unknown {
  if (Array.isArray(value)) return value.map((item) => orderKeys(item, order.items ?? order));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const present = Object.keys(record);
  // Fixed keys first in schema order, then anything else sorted (records are all "else").
  const fixed = (order.keys ?? []).filter((key) => Object.hasOwn(record, key));
  const rest = present.filter((key) => !fixed.includes(key)).sort(byCodeUnit);
  const out: Record<string, unknown> = {};
  for (const key of [...fixed, ...rest]) {
    const child = order.children?.[key] ?? (order.keys ? SORTED : (order.items ?? SORTED));
    Object.defineProperty(out, key, {
      value: orderKeys(record[key], child),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Safe JSON reading

/** Keys that can reach a prototype when a parsed object is later merged or assigned from. */
const HOSTILE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface DroppedKey {
  holder: object;
  key: string;
  value: unknown;
}

/**
 * JSON.parse that drops `__proto__`, `constructor` and `prototype` keys at every depth. JSON.parse
 * itself makes them own properties, but a later merge (`Object.assign`, a for-in copy) would treat
 * `__proto__` as the prototype setter; removing them here closes that door for every consumer.
 */
function parseJsonDroppingHostileKeys(text: string): { value: unknown; dropped: DroppedKey[] } {
  const dropped: DroppedKey[] = [];
  const value: unknown = JSON.parse(text, function reviver(this: object, key: string, nested: unknown) {
    if (HOSTILE_KEYS.has(key) && !Array.isArray(this)) {
      dropped.push({ holder: this, key, value: nested });
      return undefined;
    }
    return nested;
  });
  return { value, dropped };
}

/** JSON path segment for a key or index: `[3]`, `.name`, or `["odd key"]`. */
function pathSegment(key: PropertyKey): string {
  if (typeof key === 'number') return `[${key}]`;
  const text = String(key);
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text) ? `.${text}` : `[${JSON.stringify(text)}]`;
}

function jsonPath(keys: readonly PropertyKey[]): string {
  return '$' + keys.map(pathSegment).join('');
}

/** JSON paths of the objects in `targets`, found by walking `root`. */
function pathsOf(root: unknown, targets: ReadonlySet<object>): Map<object, string> {
  const found = new Map<object, string>();
  const stack: [unknown, string][] = [[root, '$']];
  while (stack.length > 0 && found.size < targets.size) {
    const [value, path] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (targets.has(value)) found.set(value, path);
    if (Array.isArray(value)) value.forEach((item, index) => stack.push([item, `${path}[${index}]`]));
    else for (const [key, item] of Object.entries(value)) stack.push([item, path + pathSegment(key)]);
  }
  return found;
}

/** 1-based line and column of a 0-based offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** UTF-8 size of a string, counting no further than just past `stopAbove` (huge input stays cheap). */
function utf8Length(text: string, stopAbove: number): number {
  if (text.length > stopAbove) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Offset of the first bracket nesting deeper than `maxDepth` (brackets in strings ignored). */
function findExcessiveNesting(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92)
        i++; // backslash: skip the escaped character
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) {
      if (++depth > maxDepth) return i;
    } else if (code === 125 || code === 93) depth--;
  }
  return undefined;
}

class SyntaxAt extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Where and why `text` is not JSON. Called only after JSON.parse failed: engines word and place
 * their errors differently, and this gives the same line, column and reason everywhere.
 */
function findJsonSyntaxProblem(text: string): { line: number; column: number; message: string } | undefined {
  let i = 0;
  const fail = (message: string): never => {
    throw new SyntaxAt(i, message);
  };
  const describe = (offset: number) =>
    offset >= text.length ? 'the end of the file' : JSON.stringify(text[offset]);
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const code = text.charCodeAt(i);
      if (code === 34) {
        i++;
        return;
      }
      if (code === 92) {
        const escape = text[i + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape in string');
          i += 6;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i += 2;
        else fail(`invalid escape "\\${escape ?? ''}" in string`);
      } else if (code < 0x20) fail('unescaped control character (such as a line break) in string');
      else i++;
    }
  };
  const container = (close: '}' | ']', member: () => void) => {
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      member();
      skipSpace();
      if (text[i] === ',') {
        i++;
        skipSpace();
        if (text[i] === close) fail(`trailing comma before "${close}"`);
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      fail(`expected "," or "${close}" but found ${describe(i)}`);
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') {
      return container('}', () => {
        skipSpace();
        if (text[i] !== '"') fail(`expected a property name in double quotes but found ${describe(i)}`);
        string();
        skipSpace();
        if (text[i] !== ':') fail(`expected ":" after the property name but found ${describe(i)}`);
        i++;
        value();
      });
    }
    if (char === '[') return container(']', value);
    if (char === '"') return string();
    if (char !== undefined && /[-\d]/.test(char)) {
      const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
      number.lastIndex = i;
      if (!number.test(text)) fail('invalid number');
      i = number.lastIndex;
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    if (char === "'") fail('strings must use double quotes');
    const word = /[A-Za-z_][\w-]*/y;
    word.lastIndex = i;
    if (word.test(text))
      fail(`unexpected word ${JSON.stringify(text.slice(i, word.lastIndex))} (text needs double quotes)`);
    fail(i >= text.length ? 'unexpected end of the file' : `unexpected ${describe(i)}`);
  };
  try {
    skipSpace();
    if (i >= text.length) fail('the file is empty');
    value();
    skipSpace();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the design`);
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxAt)) throw error;
    return { ...lineAndColumn(text, error.offset), message: error.message };
  }
}
