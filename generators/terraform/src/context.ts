/**
 * The decisions every emitter shares: where a block goes, how a per-environment value becomes a
 * variable, how a reference to another component or a physical name is written. Emitters read
 * the resolved graph only through this, and add blocks to files; printing happens at the end.
 */
import type {
  Acknowledgement,
  EnvValue,
  ResolvedComponent,
  ResolvedGraph,
  ResolvedRole,
  ResolvedSecurityGroup,
  ResolvedVpc,
  ResourceRef,
} from '@archgen/infra';
import { propertyLabel } from '@archgen/infra';
import { getService } from '@archgen/model';
import type { PropertyDefinition, PropertyValue, SubnetTier } from '@archgen/model';
import {
  type Block,
  type BodyInput,
  type BodyItem,
  type Expr,
  attr,
  binary,
  block,
  call,
  comment,
  literal,
  num,
  ref,
  str,
  tpl,
} from './hcl/ast.ts';

/** Where resources exist: `count` set when only in some environments (see `TfContext.presence`). */
export interface Presence {
  count?: Expr;
}

export type TfFile =
  | 'main.tf'
  | 'network.tf'
  | 'security.tf'
  | 'iam.tf'
  | 'compute.tf'
  | 'data.tf'
  | 'messaging.tf'
  | 'edge.tf'
  | 'monitoring.tf';

export type RefAttribute = ResourceRef['attribute'];

/**
 * How another component's attribute is written: `name` is the component's Terraform name
 * (`names.tfName`, as CloudFormation passes the logical id). Undefined: this component has no
 * such attribute (e.g. the secret RDS manages has no name).
 */
export type ReferenceResolver = (
  name: string,
  component: ResolvedComponent,
  ctx: TfContext,
  /** The whole reference, for per-part attributes (`ResourceRef.part`). */
  reference?: ResourceRef,
) => Expr | undefined;

export interface ComponentEmitter {
  /** How other resources refer to this component's attributes (see ResourceRef). */
  references: Partial<Record<RefAttribute, ReferenceResolver>>;
  /**
   * The same, from the physical name alone (no dependency), where the lowering asks for it
   * (`ResourceRef.byName`) to break a dependency cycle.
   */
  referencesByName?: Partial<Record<'name' | 'arn', ReferenceResolver>>;
  /** Adds the component's resources to the context. */
  emit(component: ResolvedComponent, ctx: TfContext): void;
}

export interface VariableSpec {
  name: string;
  type: string;
  description: string;
  default?: Expr;
  /** One value per environment, written to environments/<env>.tfvars. */
  byEnv?: Record<string, Expr>;
  validation?: { condition: Expr; message: string };
  sensitive?: boolean;
}

export interface OutputSpec {
  name: string;
  value: Expr;
  description: string;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // A string or boolean only serializes like an equal one of its own type: no need to stringify.
  const t = typeof a;
  const u = typeof b;
  if (t === 'string' || t === 'boolean' || u === 'string' || u === 'boolean') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function hclType(values: PropertyValue[]): string {
  const kinds = new Set(values.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v)));
  kinds.delete('null');
  for (const item of ['string', 'number'])
    if (
      kinds.size === 1 &&
      kinds.has('list') &&
      values.every((v) => v === null || (v as PropertyValue[]).every((x) => typeof x === item))
    )
      return `list(${item})`;
  if (kinds.size === 1) {
    const [kind] = [...kinds];
    if (kind === 'number') return 'number';
    if (kind === 'string') return 'string';
    if (kind === 'boolean') return 'bool';
  }
  return 'any';
}

/** A validation block from the catalog's range or options, so a bad tfvars value fails at plan. */
function validationFor(
  def: PropertyDefinition,
  value: Expr,
  type: string,
  map: (v: PropertyValue) => PropertyValue,
): VariableSpec['validation'] {
  if (def.kind === 'number' && type === 'number') {
    const checks: Expr[] = [];
    if (def.min !== undefined) checks.push(binary(value, '>=', num(def.min)));
    if (def.max !== undefined) checks.push(binary(value, '<=', num(def.max)));
    if (def.integer) checks.push(binary(call('floor', value), '==', value));
    if (checks.length === 0) return undefined;
    const range =
      def.min !== undefined && def.max !== undefined
        ? `between ${def.min} and ${def.max}`
        : def.min !== undefined
          ? `at least ${def.min}`
          : `at most ${def.max}`;
    return {
      condition: checks.reduce((a, b) => binary(a, '&&', b)),
      message: `${def.label} must be ${def.integer ? 'a whole number ' : ''}${range}.`,
    };
  }
  if (def.kind === 'enum' && type !== 'any') {
    const options = [...new Set(def.options.map((o) => map(o.value)))];
    if (!options.every((o) => typeof o === (type === 'bool' ? 'boolean' : type))) return undefined;
    return {
      condition: call('contains', literal(options), value),
      message: `${def.label} must be one of: ${options.join(', ')}.`,
    };
  }
  return undefined;
}

/** Converts camelCase or kebab-case to snake_case (a trailing unit like "MiB" stays one word). */
export function snake(text: string): string {
  return text
    .replace(/MiB$/, 'Mib')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

interface IdIndex {
  /** Position of the first item with an id. */
  byId: Map<string, number>;
  /** Positions of the items a component owns, ascending. */
  byComponent: Map<string, number[]>;
}

function indexIds(items: readonly { id: string; componentId?: string }[]): IdIndex {
  const index: IdIndex = { byId: new Map(), byComponent: new Map() };
  items.forEach((item, position) => {
    if (!index.byId.has(item.id)) index.byId.set(item.id, position);
    if (item.componentId === undefined) return;
    const owned = index.byComponent.get(item.componentId);
    if (owned) owned.push(position);
    else index.byComponent.set(item.componentId, [position]);
  });
  return index;
}

const unchanged = (v: PropertyValue): PropertyValue => v;

/** The value as the catalog types it; anything else is a lowering bug. */
function expectType<K extends 'number' | 'string' | 'boolean'>(
  c: ResolvedComponent,
  key: string,
  v: PropertyValue,
  kind: K,
): K extends 'number' ? number : K extends 'string' ? string : boolean {
  if (typeof v !== kind)
    throw new Error(`${c.type} "${c.id}": "${key}" is ${JSON.stringify(v)}, not a ${kind}`);
  return v as K extends 'number' ? number : K extends 'string' ? string : boolean;
}

export class TfContext {
  readonly graph: ResolvedGraph;
  readonly environments: string[];
  private readonly emitters: Record<string, ComponentEmitter>;
  private readonly componentsById: Map<string, ResolvedComponent>;
  // Indexes built once per run: emitters look these up per component and per reference.
  private readonly vpcsById: Map<string, ResolvedVpc>;
  /** Positions in graph.securityGroups / graph.roles, so a lookup keeps the array's first match. */
  private readonly securityGroupIndexes: IdIndex;
  private readonly roleIndexes: IdIndex;
  private readonly logGroupUsers = new Map<string, ResolvedComponent>();
  private readonly secretUsers = new Map<string, ResolvedComponent>();
  private readonly longestEnvironment: number;
  private readonly blocks = new Map<TfFile, Block[]>();
  readonly variables = new Map<string, VariableSpec>();
  readonly locals: [string, Expr][] = [];
  readonly outputs: OutputSpec[] = [];

  constructor(graph: ResolvedGraph, environments: string[], emitters: Record<string, ComponentEmitter>) {
    this.graph = graph;
    this.environments = environments;
    this.emitters = emitters;
    this.componentsById = new Map(graph.components.map((c) => [c.id, c]));
    this.vpcsById = new Map();
    for (const vpc of graph.vpcs) if (!this.vpcsById.has(vpc.id)) this.vpcsById.set(vpc.id, vpc);
    this.securityGroupIndexes = indexIds(graph.securityGroups);
    this.roleIndexes = indexIds(graph.roles);
    for (const c of graph.components) {
      if (c.logGroupId !== undefined && !this.logGroupUsers.has(c.logGroupId))
        this.logGroupUsers.set(c.logGroupId, c);
      if (c.secretId !== undefined && !this.secretUsers.has(c.secretId)) this.secretUsers.set(c.secretId, c);
    }
    this.longestEnvironment = Math.max(...environments.map((e) => e.length));
  }

  add(file: TfFile, ...blocks: Block[]): void {
    const list = this.blocks.get(file) ?? [];
    list.push(...blocks);
    this.blocks.set(file, list);
  }

  blocksOf(file: TfFile): Block[] {
    return this.blocks.get(file) ?? [];
  }

  component(id: string): ResolvedComponent {
    const c = this.componentsById.get(id);
    if (!c) throw new Error(`The resolved graph references unknown component "${id}"`);
    return c;
  }

  findComponent(id: string | undefined): ResolvedComponent | undefined {
    return id === undefined ? undefined : this.componentsById.get(id);
  }

  emitterFor(type: string): ComponentEmitter {
    const emitter = this.emitters[type];
    if (!emitter) throw new Error(`No Terraform emitter for component type "${type}"`);
    return emitter;
  }

  // ---- per-environment values ----

  /** Whether the component's values of a property differ between the selected environments. */
  private differs(value: EnvValue): boolean {
    const environments = this.environments;
    const byEnv = value.byEnv;
    const first = byEnv[environments[0]!];
    for (let i = 1; i < environments.length; i++) if (!sameValue(byEnv[environments[i]!], first)) return true;
    return false;
  }

  /**
   * The property's value in one environment. The lowering fills every catalog property (defaults
   * included), so a missing or null value is a bug upstream, never a cue to restate a default here.
   */
  valueIn(c: ResolvedComponent, key: string, env: string): PropertyValue {
    const v = c.props[key]?.byEnv[env];
    if (v === undefined || v === null)
      throw new Error(`${c.type} "${c.id}" has no resolved "${key}" in ${env}`);
    return v;
  }

  numIn(c: ResolvedComponent, key: string, env: string): number {
    return expectType(c, key, this.valueIn(c, key, env), 'number');
  }

  textIn(c: ResolvedComponent, key: string, env: string): string {
    return expectType(c, key, this.valueIn(c, key, env), 'string');
  }

  flagIn(c: ResolvedComponent, key: string, env: string): boolean {
    return expectType(c, key, this.valueIn(c, key, env), 'boolean');
  }

  /**
   * A value that decides the shape of the code (which blocks exist, a FIFO queue, an engine) and
   * that these files do not vary per environment: an error the user sees when environments differ,
   * never a silent pick of the first one. `prop()`, `derived()` and `presence()` vary values and
   * resources per environment.
   */
  value(c: ResolvedComponent, key: string): PropertyValue {
    const values = this.environments.map((env) => this.valueIn(c, key, env));
    if (values.some((v) => !sameValue(v, values[0]!))) {
      const each = this.environments
        .map((env, i) => `${env}: ${JSON.stringify(values[i] ?? null)}`)
        .join(', ');
      throw new Error(
        `${c.names.display} (${c.type}): "${key}" differs between environments (${each}); ` +
          'it shapes the Terraform configuration, so give it one value in every environment',
      );
    }
    return values[0]!;
  }

  num(c: ResolvedComponent, key: string): number {
    return expectType(c, key, this.value(c, key), 'number');
  }

  text(c: ResolvedComponent, key: string): string {
    return expectType(c, key, this.value(c, key), 'string');
  }

  flag(c: ResolvedComponent, key: string): boolean {
    return expectType(c, key, this.value(c, key), 'boolean');
  }

  /**
   * For resources that exist in some environments only (a log bucket where access logs are on):
   * undefined where they exist in none, `{}` where in every one, else their `count`, 1 or 0 per
   * environment (variable `<component>_<name>`). Read the resource as `address[0]`.
   */
  presentWhere(
    c: ResolvedComponent,
    name: string,
    description: string,
    present: (env: string) => boolean,
  ): Presence | undefined {
    const on = this.environments.map(present);
    if (!on.includes(true)) return undefined;
    if (!on.includes(false)) return {};
    return { count: this.derived(c, name, description, (env) => (present(env) ? 1 : 0)) };
  }

  /** A nested block where `presence` holds: as is in every environment, else a `dynamic` block. */
  presentBlock(type: string, presence: Presence, body: BodyInput[]): Block {
    if (!presence.count) return block(type, [], body);
    return block(
      'dynamic',
      [type],
      [attr('for_each', call('range', presence.count)), block('content', [], body)],
    );
  }

  /** Whether any selected environment's value satisfies `test`. */
  some(c: ResolvedComponent, key: string, test: (v: PropertyValue) => boolean): boolean {
    return this.environments.some((env) => test(this.valueIn(c, key, env)));
  }

  /**
   * A value computed per environment from several properties (e.g. a capacity that only exists
   * when the table is provisioned): a literal when all environments agree, else variable `name`.
   * `null` means "not set" in that environment.
   */
  derived(
    c: ResolvedComponent,
    name: string,
    description: string,
    compute: (env: string) => PropertyValue,
  ): Expr {
    const values = this.environments.map(compute);
    if (values.every((x) => sameValue(x, values[0]))) return literal(values[0]!);
    const byEnv: Record<string, Expr> = {};
    this.environments.forEach((env, i) => (byEnv[env] = literal(values[i]!)));
    return this.variable({
      name: `${c.names.tfName}_${name}`,
      type: hclType(values),
      description: `${description} of ${c.names.display} (differs between environments)`,
      byEnv,
    });
  }

  /** `presentWhere` for a resource that exists where the property's value passes `test`. */
  presence(
    c: ResolvedComponent,
    key: string,
    test: (v: PropertyValue) => boolean,
    name: string,
  ): Presence | undefined {
    return this.presentWhere(
      c,
      name,
      `Whether to create ${name.replace(/_count$/, '').replace(/_/g, ' ')}`,
      (env) => test(this.valueIn(c, key, env)),
    );
  }

  /** Whether a property differs between the selected environments. */
  varies(c: ResolvedComponent, key: string): boolean {
    const value = c.props[key];
    return value !== undefined && this.differs(value);
  }

  /**
   * An attribute value: the literal when every environment agrees, otherwise a typed variable
   * set per environment in environments/<env>.tfvars. `map` converts the design value (e.g. an
   * enum to the provider's spelling, a flag to a mode) before it is printed; a mapped value that
   * means something else gets its own variable `name` (e.g. "capacity_type" for the spot flag).
   */
  prop(
    c: ResolvedComponent,
    key: string,
    map: (v: PropertyValue) => PropertyValue = unchanged,
    name?: string,
  ): Expr {
    const v = c.props[key];
    if (!v || !this.differs(v)) return literal(map(this.value(c, key)));
    name ??= `${c.names.tfName}_${snake(key)}`;
    const values = this.environments.map((env) => map(this.valueIn(c, key, env)));
    if (values.every((x) => sameValue(x, values[0]))) return literal(values[0]!);
    const byEnv: Record<string, Expr> = {};
    this.environments.forEach((env, i) => (byEnv[env] = literal(values[i]!)));
    const definition = getService(c.type)?.properties.find((p) => p.key === key);
    const type = hclType(values);
    const existing = this.variables.get(name);
    if (existing && JSON.stringify(existing.byEnv) !== JSON.stringify(byEnv))
      throw new Error(`Variable "${name}" would hold two different things`);
    this.variable({
      name,
      type,
      description: `${propertyLabel(c.type, key)} of ${c.names.display} (differs between environments)`,
      byEnv,
      validation: definition && validationFor(definition, ref(`var.${name}`), type, map),
    });
    return ref(`var.${name}`);
  }

  variable(spec: VariableSpec): Expr {
    if (!this.variables.has(spec.name)) this.variables.set(spec.name, spec);
    return ref(`var.${spec.name}`);
  }

  local(name: string, value: Expr): Expr {
    if (!this.locals.some(([n]) => n === name)) this.locals.push([name, value]);
    return ref(`local.${name}`);
  }

  output(name: string, value: Expr, description: string): void {
    this.outputs.push({ name, value, description });
  }

  private readonly onceKeys = new Set<string>();

  /** True the first time a key is seen: for account-wide singletons shared by several components. */
  once(key: string): boolean {
    if (this.onceKeys.has(key)) return false;
    this.onceKeys.add(key);
    return true;
  }

  // ---- names ----

  /**
   * "<design>-<env>-<slug><suffix>" as a physical name, cut to `max` characters when the longest
   * environment could exceed it (trailing hyphens removed, since most services reject them).
   */
  physicalName(slug: string, max: number, suffix = ''): Expr {
    const full =
      this.graph.design.slug.length + 1 + this.longestEnvironment + 1 + slug.length + suffix.length;
    const stem = tpl(ref('local.name_prefix'), `-${slug}`);
    if (full <= max) return suffix ? tpl(ref('local.name_prefix'), `-${slug}${suffix}`) : stem;
    const cut = call(
      'replace',
      call('substr', stem, num(0), num(max - suffix.length)),
      str('/-+$/'),
      str(''),
    );
    return suffix ? tpl(cut, suffix) : cut;
  }

  // ---- references ----

  /** An attribute of another component, in that component's emitter's terms. */
  ref(r: ResourceRef): Expr {
    const target = this.component(r.componentId);
    const emitter = this.emitterFor(target.type);
    if (r.byName) {
      const resolve = emitter.referencesByName?.[r.attribute as 'name' | 'arn'];
      const expr = resolve?.(target.names.tfName, target, this, r);
      if (!expr) throw new Error(`${target.type} "${target.id}" cannot be referred to by name in Terraform`);
      return r.suffix ? tpl(expr, r.suffix) : expr;
    }
    const expr = emitter.references[r.attribute]?.(target.names.tfName, target, this, r);
    if (!expr)
      throw new Error(`${target.type} "${target.id}" has no "${r.attribute}" attribute in Terraform`);
    return r.suffix ? tpl(expr, r.suffix) : expr;
  }

  /** `ref` without a suffix or by-name lookup: the attribute of a component. */
  attribute(componentId: string, attribute: RefAttribute): Expr {
    return this.ref({ componentId, attribute });
  }

  subnetIds(vpcId: string, tier: SubnetTier): Expr {
    const vpc = this.vpcsById.get(vpcId);
    if (!vpc) throw new Error(`Unknown VPC "${vpcId}"`);
    if (!vpc.tiers.includes(tier)) throw new Error(`VPC "${vpcId}" has no ${tier} subnets`);
    return ref(`aws_subnet.${vpc.names.tfName}_${tier}[*].id`);
  }

  vpcIdOf(vpcId: string): Expr {
    const vpc = this.vpcsById.get(vpcId);
    if (!vpc) throw new Error(`Unknown VPC "${vpcId}"`);
    return ref(`aws_vpc.${vpc.names.tfName}.id`);
  }

  securityGroupOf(c: ResolvedComponent): Expr {
    const byId =
      c.securityGroupId === undefined ? undefined : this.securityGroupIndexes.byId.get(c.securityGroupId);
    const owned = this.securityGroupIndexes.byComponent.get(c.id)?.[0];
    const first = byId === undefined ? owned : owned === undefined ? byId : Math.min(byId, owned);
    const sg = first === undefined ? undefined : this.graph.securityGroups[first];
    if (!sg) throw new Error(`${c.type} "${c.id}" is in a VPC but has no security group`);
    return ref(`aws_security_group.${sg.names.tfName}.id`);
  }

  /** The first security group in graph order that the component owns, if any. */
  securityGroupOwnedBy(componentId: string): ResolvedSecurityGroup | undefined {
    const first = this.securityGroupIndexes.byComponent.get(componentId)?.[0];
    return first === undefined ? undefined : this.graph.securityGroups[first];
  }

  /**
   * The component's role for `purpose`: of the roles it owns or names, the first in graph order
   * (the lowest position, found without collecting and sorting them).
   */
  role(c: ResolvedComponent, purpose: ResolvedRole['purpose']): ResolvedRole {
    const roles = this.graph.roles;
    let first = -1;
    for (const position of this.roleIndexes.byComponent.get(c.id) ?? []) {
      if (roles[position]!.purpose === purpose && (first < 0 || position < first)) first = position;
    }
    for (const id of c.roleIds) {
      const position = this.roleIndexes.byId.get(id);
      if (position === undefined || roles[position]!.purpose !== purpose) continue;
      if (first < 0 || position < first) first = position;
    }
    if (first < 0) throw new Error(`${c.type} "${c.id}" has no ${purpose} role in the resolved graph`);
    return roles[first]!;
  }

  roleArn(role: ResolvedRole): Expr {
    return ref(`aws_iam_role.${role.names.tfName}.arn`);
  }

  logGroupOf(c: ResolvedComponent): ResolvedComponent | undefined {
    return this.findComponent(c.logGroupId);
  }

  /** The first component (in graph order) that writes to this log group. */
  logGroupUser(logGroupId: string): ResolvedComponent | undefined {
    return this.logGroupUsers.get(logGroupId);
  }

  /** The first component (in graph order) that uses this secret. */
  secretUser(secretId: string): ResolvedComponent | undefined {
    return this.secretUsers.get(secretId);
  }

  // ---- acknowledgements ----

  /**
   * The design's accepted risks as scanner suppressions: trivy reads `#trivy:ignore` above the
   * block, checkov reads `#checkov:skip` inside it.
   */
  acknowledgements(c: ResolvedComponent): { leading: string[]; inner: BodyItem[] } {
    return this.acknowledgementsOf(c.acknowledgements);
  }

  acknowledgementsOf(acks: Acknowledgement[]): { leading: string[]; inner: BodyItem[] } {
    const leading: string[] = [];
    const inner: BodyItem[] = [];
    for (const ack of acks) {
      inner.push(comment(`Accepted risk ${ack.ruleId}: ${ack.reason}`));
      for (const eq of ack.equivalents) {
        const checkov = /^CKV2?_AWS_\d+$/.exec(eq.trim());
        if (checkov) inner.push(comment(`checkov:skip=${checkov[0]}:${ack.reason}`));
        const trivy = /^(?:TRV\s+)?(?:AVD-)?AWS-(\d{4})$/.exec(eq.trim());
        if (trivy) leading.push(`trivy:ignore:AVD-AWS-${trivy[1]}`);
      }
    }
    return { leading, inner };
  }

  /** The primary resource of a component: accepted risks and tags-by-name added for it. */
  resource(
    type: string,
    name: string,
    c: ResolvedComponent,
    body: Parameters<typeof block>[2],
    leading: string[] = [],
  ): Block {
    const ack = this.acknowledgements(c);
    return block('resource', [type, name], [ack.inner, body], [...leading, ...ack.leading]);
  }
}
