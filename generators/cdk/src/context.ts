/**
 * The state shared while one stack is built: imports, unique variable names, the statements of
 * the stack constructor, per-environment config entries and each component's handle (the
 * variable that holds its construct, plus the attributes other emitters reference).
 */
import type { EnvValue, ResolvedComponent, ResolvedGraph, ResourceRef } from '@archgen/infra';
import { compareIds, stackIndexById } from '@archgen/infra';
import type { PropertyValue } from '@archgen/model';
import type { Expr, Stmt, TypeExpr } from './ts/ast.ts';
import {
  arr,
  arrayType,
  binary,
  call,
  comment,
  cond,
  constDecl,
  exprStmt,
  id,
  ifStmt,
  json,
  lit,
  member,
  obj,
  ref,
  template,
  typeRef,
  blank,
  thisExpr,
} from './ts/ast.ts';
import { printExpr, printType } from './ts/print.ts';
import { NameScope, camelCase, pascalCase } from './naming.ts';
import { KEEP_LOGICAL_ID } from './files/logical-ids.ts';
import { SUBNET_CIDRS_CLASS } from './files/subnet-cidrs.ts';

/** Namespace alias -> aws-cdk-lib submodule. Aliases are reserved so variables never shadow them. */
export const MODULES = {
  acm: 'aws-cdk-lib/aws-certificatemanager',
  apigw: 'aws-cdk-lib/aws-apigateway',
  apigwv2: 'aws-cdk-lib/aws-apigatewayv2',
  apigwv2Authorizers: 'aws-cdk-lib/aws-apigatewayv2-authorizers',
  apigwv2Integrations: 'aws-cdk-lib/aws-apigatewayv2-integrations',
  appscaling: 'aws-cdk-lib/aws-applicationautoscaling',
  athena: 'aws-cdk-lib/aws-athena',
  autoscaling: 'aws-cdk-lib/aws-autoscaling',
  backup: 'aws-cdk-lib/aws-backup',
  cloudfront: 'aws-cdk-lib/aws-cloudfront',
  cloudtrail: 'aws-cdk-lib/aws-cloudtrail',
  cloudwatch: 'aws-cdk-lib/aws-cloudwatch',
  cognito: 'aws-cdk-lib/aws-cognito',
  // Not `config`: that name is the stack's per-environment settings.
  awsconfig: 'aws-cdk-lib/aws-config',
  cwActions: 'aws-cdk-lib/aws-cloudwatch-actions',
  dynamodb: 'aws-cdk-lib/aws-dynamodb',
  ec2: 'aws-cdk-lib/aws-ec2',
  ecr: 'aws-cdk-lib/aws-ecr',
  ecs: 'aws-cdk-lib/aws-ecs',
  efs: 'aws-cdk-lib/aws-efs',
  eks: 'aws-cdk-lib/aws-eks',
  elasticache: 'aws-cdk-lib/aws-elasticache',
  elbv2: 'aws-cdk-lib/aws-elasticloadbalancingv2',
  elbv2Targets: 'aws-cdk-lib/aws-elasticloadbalancingv2-targets',
  events: 'aws-cdk-lib/aws-events',
  firehose: 'aws-cdk-lib/aws-kinesisfirehose',
  eventSources: 'aws-cdk-lib/aws-lambda-event-sources',
  iam: 'aws-cdk-lib/aws-iam',
  kinesis: 'aws-cdk-lib/aws-kinesis',
  kms: 'aws-cdk-lib/aws-kms',
  lambda: 'aws-cdk-lib/aws-lambda',
  logs: 'aws-cdk-lib/aws-logs',
  msk: 'aws-cdk-lib/aws-msk',
  neptune: 'aws-cdk-lib/aws-neptune',
  opensearch: 'aws-cdk-lib/aws-opensearchservice',
  origins: 'aws-cdk-lib/aws-cloudfront-origins',
  rds: 'aws-cdk-lib/aws-rds',
  route53: 'aws-cdk-lib/aws-route53',
  route53Targets: 'aws-cdk-lib/aws-route53-targets',
  s3: 'aws-cdk-lib/aws-s3',
  s3n: 'aws-cdk-lib/aws-s3-notifications',
  secretsmanager: 'aws-cdk-lib/aws-secretsmanager',
  sfn: 'aws-cdk-lib/aws-stepfunctions',
  sns: 'aws-cdk-lib/aws-sns',
  sqs: 'aws-cdk-lib/aws-sqs',
  subs: 'aws-cdk-lib/aws-sns-subscriptions',
  targets: 'aws-cdk-lib/aws-events-targets',
  tasks: 'aws-cdk-lib/aws-stepfunctions-tasks',
  timestream: 'aws-cdk-lib/aws-timestream',
  wafv2: 'aws-cdk-lib/aws-wafv2',
} as const;
export type ModuleAlias = keyof typeof MODULES;

/** What other emitters need to know about a component once its construct exists. */
export interface ComponentHandle {
  construct: Expr;
  attributes: Partial<Record<ResourceRef['attribute'], Expr>>;
  /** Per-part attributes (`ResourceRef.part`): an EFS file system's access point ARNs, in order. */
  parts?: Partial<Record<ResourceRef['attribute'], Expr[]>>;
  /** Name and ARN from the physical name, for `ResourceRef.byName` (no dependency on the construct). */
  byName?: Partial<Record<'name' | 'arn', Expr>>;
  /** The IGrantable used when this component is the grantee of a grant. */
  grantee?: Expr;
  /** An object with `addEnvironment(name, value)` (a function, a container). */
  environmentTarget?: Expr;
  /** Named sub-constructs other emitters use, e.g. an ALB's listener. */
  extras?: Record<string, Expr>;
}

/** One field of `StackConfig` (lib/config.ts): a value that differs between environments. */
export interface ConfigEntry {
  key: string;
  type: TypeExpr;
  /** Unset in the environments whose value is undefined (e.g. no archive in dev). */
  optional: boolean;
  /** Each environment's value as code (a literal, or an aws-cdk-lib enum member). */
  byEnv: Record<string, Expr | undefined>;
  /** The design's value in each environment, for the README. */
  shown: Record<string, PropertyValue>;
  doc: string;
}

type Scalar = string | number | boolean;

/** Config values live in lib/config.ts: only literals and aws-cdk-lib members, no stack variables. */
function assertSelfContained(code: Expr): void {
  const walk = (e: Expr): boolean => {
    switch (e.kind) {
      case 'literal':
        return true;
      case 'identifier':
        return e.name in MODULES;
      case 'member':
      case 'index':
        return walk(e.object);
      case 'call':
      case 'new':
        return walk(e.callee) && e.args.every(walk);
      case 'object':
        return e.entries.every((entry) => walk(entry.value));
      case 'array':
        return e.items.every(walk);
      default:
        return false;
    }
  };
  if (!walk(code))
    throw new Error(`Cannot write ${printExpr(code)} into lib/config.ts: it refers to the stack`);
}

/**
 * The TypeScript type of a config value: a literal's primitive type, or for an aws-cdk-lib
 * member (`logs.RetentionDays.ONE_WEEK`, `ec2.InstanceType.of(...)`) the class or enum it
 * belongs to.
 */
function configType(code: Expr): TypeExpr {
  if (code.kind === 'literal') {
    const t = typeof code.value;
    if (t === 'string' || t === 'number' || t === 'boolean') return typeRef(t);
  }
  // A list of names (CloudFront aliases): `string[]`.
  if (code.kind === 'array' && code.items.every((i) => i.kind === 'literal' && typeof i.value === 'string'))
    return arrayType(typeRef('string'));
  assertSelfContained(code);
  const owner = code.kind === 'call' || code.kind === 'new' ? code.callee : code;
  const path: string[] = [];
  let e: Expr = owner;
  while (e.kind === 'member') {
    path.unshift(e.name);
    e = e.object;
  }
  if (e.kind === 'identifier' && e.name in MODULES && path.length >= 1) {
    // `ec2.InstanceType.of` and `logs.RetentionDays.ONE_WEEK` belong to their class; `new ec2.InstanceType` is one.
    const typePath = code.kind === 'new' ? path : path.slice(0, -1);
    if (typePath.length) return typeRef([e.name, ...typePath].join('.'));
  }
  throw new Error(`Cannot write ${printExpr(code)} into lib/config.ts`);
}

/** `value` where `test` holds (`test ? value : undefined`), or `value` when there is no test. */
export function onlyWhere(test: Expr | undefined, value: Expr): Expr {
  return test ? cond(test, value, lit(undefined)) : value;
}

export class StackContext {
  readonly body: Stmt[] = [];
  readonly names = new NameScope();
  readonly configEntries: ConfigEntry[] = [];
  readonly handles = new Map<string, ComponentHandle>();
  readonly securityGroups = new Map<string, Expr>();
  readonly roles = new Map<string, Expr>();
  readonly vpcs = new Map<string, Expr>();
  readonly natProviders = new Map<string, Expr>();
  /** Set when S3 notifications or EventBridge delivery need CDK's BucketNotificationsHandler. */
  usesBucketNotifications = false;
  /** Set when a VPC is given its subnet CIDRs (lib/subnet-cidrs.ts). */
  usesExplicitSubnetCidrs = false;
  /** Set when constructs keep logical ids from imported code (lib/logical-ids.ts). */
  usesKeptLogicalIds = false;
  private readonly usedModules = new Set<ModuleAlias>();
  /** Modules lib/config.ts imports (its values name aws-cdk-lib enum members). */
  readonly configModules = new Set<ModuleAlias>();
  /** Where `api`/`mod`/`typeOf` record a module: the stack's imports, or config's while writing config values. */
  private moduleSink = this.usedModules;
  private readonly coreNames = new Set<string>();
  private readonly configKeys = new Map<string, string>();
  private readonly configKeyScope = new NameScope();
  private readonly sharedValues = new Map<string, Expr>();
  private readonly apiAccess = new Map<ModuleAlias, Map<string, Expr>>();
  private readonly coreAccess = new Map<string, Expr>();
  private readonly variableNames = new Map<string, string>();
  private readonly derivedValues = new Map<string, unknown>();
  readonly components: Map<string, ResolvedComponent>;
  /**
   * Where emitters create constructs: the stack itself (`this`), or for a split design
   * (graph.stacks) the nested stack of what is being emitted (see `useScopeOf`).
   */
  scope: Expr = thisExpr;
  /** For a split design: each nested stack's variable, in graph.stacks order. */
  readonly nestedStacks: Expr[] = [];
  private readonly stackIndex: Map<string, number>;

  constructor(readonly graph: ResolvedGraph) {
    for (const alias of Object.keys(MODULES)) this.names.reserve(alias);
    for (const name of [
      'Duration',
      'RemovalPolicy',
      'Size',
      'Stack',
      'StackProps',
      'Validations',
      'CfnOutput',
      'Tags',
      'Fn',
      SUBNET_CIDRS_CLASS,
      KEEP_LOGICAL_ID,
    ])
      this.names.reserve(name);
    this.configKeyScope.reserve('region');
    this.configKeyScope.reserve('account');
    this.components = new Map(graph.components.map((c) => [c.id, c]));
    this.stackIndex = stackIndexById(graph.stacks ?? []);
  }

  /** The stack (index into graph.stacks) that holds a VPC, component, role or security group. */
  stackOf(idValue: string | undefined): number {
    return (idValue === undefined ? undefined : this.stackIndex.get(idValue)) ?? 0;
  }

  /**
   * Creates what follows in the latest of the nested stacks holding `ids`: a construct joining
   * two stacks (a rule, a mapping, a subscription) goes where it only refers back.
   */
  useScopeOf(...ids: (string | undefined)[]): void {
    if (this.nestedStacks.length === 0) return;
    const index = Math.max(0, ...ids.map((i) => this.stackOf(i)));
    this.scope = this.nestedStacks[index] ?? thisExpr;
  }

  /** A namespace import such as `ec2`, recorded so the stack imports it. */
  mod(alias: ModuleAlias): Expr {
    this.moduleSink.add(alias);
    return id(alias);
  }

  /**
   * `ec2.Port.tcp` style access into a module. Emitters ask for the same few hundred paths
   * over and over, so each is built once per stack (expressions are never mutated once built).
   */
  api(alias: ModuleAlias, path: string): Expr {
    this.moduleSink.add(alias);
    let byPath = this.apiAccess.get(alias);
    if (!byPath) this.apiAccess.set(alias, (byPath = new Map()));
    let access = byPath.get(path);
    if (!access) {
      access = path.split('.').reduce((e, name) => member(e, name), id(alias));
      byPath.set(path, access);
    }
    return access;
  }

  /** A named import from aws-cdk-lib's core (Duration, RemovalPolicy, ...). */
  core(name: string): Expr {
    let access = this.coreAccess.get(name);
    if (!access) {
      this.coreNames.add(name);
      this.coreAccess.set(name, (access = id(name)));
    }
    return access;
  }

  get modulesUsed(): ModuleAlias[] {
    return [...this.usedModules].sort((a, b) => compareIds(MODULES[a], MODULES[b]));
  }

  get coreImports(): string[] {
    return [...this.coreNames].sort((a, b) => compareIds(a, b));
  }

  add(...stmts: Stmt[]): void {
    this.body.push(...stmts);
  }

  /** The statements `emit` adds, taken out of the body (to wrap them in an `if`). */
  capture(emit: () => void): Stmt[] {
    const start = this.body.length;
    emit();
    return this.body.splice(start);
  }

  /** Starts a commented block in the constructor. */
  section(title: string): void {
    this.add(blank, comment(title));
  }

  /** `const <name> = init;` with a unique variable name; returns the variable. */
  declare(preferred: string, init: Expr, suffix?: string): Expr {
    const name = this.names.claim(preferred, suffix);
    this.add(constDecl(name, init));
    return id(name);
  }

  /** Evaluates `init` once per stack and returns its variable (shared log bucket, ...). */
  shared(key: string, create: () => Expr): Expr {
    const existing = this.sharedValues.get(key);
    if (existing) return existing;
    const value = create();
    this.sharedValues.set(key, value);
    return value;
  }

  expr(e: Expr): void {
    this.add(exprStmt(e));
  }

  component(idValue: string): ResolvedComponent {
    const found = this.components.get(idValue);
    if (!found) throw new Error(`The resolved graph has no component "${idValue}"`);
    return found;
  }

  handle(componentId: string): ComponentHandle {
    const found = this.handles.get(componentId);
    if (!found) throw new Error(`Component "${componentId}" is referenced before its construct was emitted`);
    return found;
  }

  register(componentId: string, handle: ComponentHandle): void {
    this.handles.set(componentId, handle);
  }

  /** The variable name a component's construct gets, from its logicalId (emitters ask often). */
  variableName(component: ResolvedComponent): string {
    let name = this.variableNames.get(component.names.logicalId);
    if (name === undefined) {
      const base = camelCase(component.names.logicalId) || 'resource';
      name = /^[0-9]/.test(base) ? `r${pascalCase(base)}` : base;
      this.variableNames.set(component.names.logicalId, name);
    }
    return name;
  }

  /** A value derived from the graph once per stack (an index emitters look things up in). */
  derived<T>(key: string, derive: () => T): T {
    if (!this.derivedValues.has(key)) this.derivedValues.set(key, derive());
    return this.derivedValues.get(key) as T;
  }

  private prop(component: ResolvedComponent, key: string): EnvValue {
    const value = component.props[key];
    if (!value) throw new Error(`Component "${component.id}" (${component.type}) has no property "${key}"`);
    return value;
  }

  has(component: ResolvedComponent, key: string): boolean {
    return component.props[key] !== undefined;
  }

  /** The property's value in every environment (for decisions that look at all of them). */
  values(component: ResolvedComponent, key: string): PropertyValue[] {
    const value = this.prop(component, key);
    return this.graph.environments.map((env) => value.byEnv[env] ?? null);
  }

  /**
   * A value that shapes code which cannot follow lib/config.ts (an engine, a key schema, a
   * FIFO queue). One stack class serves every environment, so a value that differs between
   * environments is an error the user sees, never a silent pick of one environment's value.
   */
  same(component: ResolvedComponent, key: string): PropertyValue {
    const value = this.prop(component, key);
    const envs = this.graph.environments;
    if (value.varies) {
      const each = envs.map((env) => `${env}: ${JSON.stringify(value.byEnv[env] ?? null)}`).join(', ');
      throw new Error(
        `${component.names.display} (${component.type}): "${key}" differs between environments (${each}); ` +
          'the CDK app builds every environment from one stack class, so give it one value in every environment',
      );
    }
    return value.byEnv[envs[0] ?? ''] ?? null;
  }

  str(component: ResolvedComponent, key: string): string {
    const v = this.same(component, key);
    return typeof v === 'string' ? v : String(v ?? '');
  }
  num(component: ResolvedComponent, key: string): number {
    const v = this.same(component, key);
    return typeof v === 'number' ? v : Number(v);
  }
  bool(component: ResolvedComponent, key: string): boolean {
    return this.same(component, key) === true;
  }

  /** True when any environment has a truthy value (e.g. "does some environment log?"). */
  any(
    component: ResolvedComponent,
    key: string,
    test: (v: PropertyValue) => boolean = (v) => v === true,
  ): boolean {
    return this.values(component, key).some(test);
  }

  /** The value as an expression: a literal, or `config.<key>` when environments differ. */
  value(component: ResolvedComponent, key: string): Expr {
    const value = this.prop(component, key);
    if (!value.varies) return lit(value.byEnv[this.graph.environments[0] ?? ''] as Scalar);
    return this.configRef(component, key, value, (v) => lit(v as Scalar));
  }

  /**
   * Maps the value to code. Where environments differ, the stack reads `config.<key>`: a
   * boolean picks one of its two codes (`config.x ? a : b`); any other value becomes each
   * environment's code in lib/config.ts (a number, or an enum member such as
   * `logs.RetentionDays.ONE_WEEK`), so editing config.ts changes what is deployed.
   */
  choose(component: ResolvedComponent, key: string, map: (value: PropertyValue, env?: string) => Expr): Expr {
    return this.chooseFrom(component, key, this.prop(component, key), map);
  }

  /**
   * `choose` for a value the lowering decided (e.g. an engine version), not a design property:
   * its code where every environment maps alike, else `config.<name>` holding each one's code.
   */
  chooseResolved(
    component: ResolvedComponent,
    name: string,
    value: EnvValue,
    map: (value: PropertyValue, env?: string) => Expr,
  ): Expr {
    return this.chooseFrom(component, name, value, map);
  }

  private chooseFrom(
    component: ResolvedComponent,
    key: string,
    value: EnvValue,
    map: (value: PropertyValue, env?: string) => Expr,
  ): Expr {
    const envs = this.graph.environments;
    // One value everywhere (the usual case): its code.
    if (!value.varies) return map(value.byEnv[envs[0] ?? ''] ?? null);
    const values = envs.map((env) => value.byEnv[env] ?? null);
    if (values.every((v) => typeof v === 'boolean')) {
      const whenTrue = map(true);
      const whenFalse = map(false);
      if (printExpr(whenTrue) === printExpr(whenFalse)) return whenTrue;
      return cond(
        this.configRef(component, key, value, (v) => lit(v as boolean)),
        whenTrue,
        whenFalse,
      );
    }
    // Each environment's code goes to config.ts, not to the stack; `env` lets the code use
    // that environment's other values as literals (config.ts cannot read config).
    const mapped = new Map<string, Expr>();
    this.inConfig(() => {
      for (const env of envs) mapped.set(env, map(value.byEnv[env] ?? null, env));
    });
    const printed = envs.map((env) => printExpr(mapped.get(env) as Expr));
    if (new Set(printed).size === 1) return map(values[0] ?? null);
    // The same key may also be read as itself (`config.<key>`): a mapped field is its own entry.
    const identity = envs.every((env, i) => printExpr(json(value.byEnv[env] ?? null)) === printed[i]);
    const byEnv: Record<string, Expr | undefined> = {};
    for (const env of envs) byEnv[env] = mapped.get(env);
    const mapKey = `${component.id}\u0000${key}\u0000${identity ? '' : printed.join('\u0000')}`;
    let configKey = this.configKeys.get(mapKey);
    if (!configKey) {
      configKey = this.addConfigField(
        `${camelCase(component.names.logicalId)}${pascalCase(key)}`,
        byEnv,
        value.byEnv,
        `${component.names.display} (${component.type}): ${key}`,
      );
      this.configKeys.set(mapKey, configKey);
    }
    return member(id('config'), configKey);
  }

  /**
   * A value computed per environment from the design (e.g. a cache's AZ mode from its node
   * count): a literal when every environment computes the same, else a config field.
   */
  derive(
    component: ResolvedComponent,
    name: string,
    docText: string,
    compute: (env: string) => Scalar | undefined,
  ): Expr {
    const envs = this.graph.environments;
    const byEnv: Record<string, PropertyValue> = {};
    for (const env of envs) byEnv[env] = compute(env) ?? null;
    const first = byEnv[envs[0] ?? ''] ?? null;
    if (envs.every((env) => byEnv[env] === first)) return lit(first as Scalar);
    const value: EnvValue = { byEnv, varies: true };
    const doc = `${component.names.display} (${component.type}): ${docText}`;
    return this.configRef(
      component,
      name,
      value,
      (v) => (v === null ? undefined : lit(v as Scalar)),
      'derived',
      doc,
    );
  }

  /** The property's value in one environment. */
  valueIn(component: ResolvedComponent, key: string, env: string): PropertyValue {
    return this.prop(component, key).byEnv[env] ?? null;
  }

  /**
   * A value some environments may not have (0 days = no archive). Undefined when no
   * environment has it; `test` is set when only some do: `config.<key> !== undefined`, with
   * the field left unset in lib/config.ts where the value is absent.
   */
  optional(
    component: ResolvedComponent,
    key: string,
    present: (value: PropertyValue) => boolean,
  ): { value: Expr; test?: Expr } | undefined {
    if (!this.has(component, key)) return undefined;
    const value = this.prop(component, key);
    const envs = this.graph.environments;
    const first = value.byEnv[envs[0] ?? ''] ?? null;
    if (!value.varies) return present(first) ? { value: lit(first as Scalar) } : undefined;
    const where = envs.map((env) => present(value.byEnv[env] ?? null));
    if (!where.includes(true)) return undefined;
    const ref = this.configRef(component, key, value, (v) => (present(v) ? lit(v as Scalar) : undefined));
    return where.includes(false) ? { value: ref, test: binary('!==', ref, lit(undefined)) } : { value: ref };
  }

  /**
   * Whether a boolean property is on: undefined when it is off everywhere, `{}` when on
   * everywhere, `{ test: config.<key> }` when environments differ.
   */
  flag(component: ResolvedComponent, key: string): { test?: Expr } | undefined {
    if (!this.has(component, key)) return undefined;
    const value = this.prop(component, key);
    const on = this.values(component, key).map((v) => v === true);
    if (!on.includes(true)) return undefined;
    if (!on.includes(false)) return {};
    return { test: this.configRef(component, key, value, (v) => lit(v === true)) };
  }

  /** Runs `emit`; when `test` is set, its statements go inside `if (test) { ... }`. */
  when(test: Expr | undefined, emit: () => void): void {
    if (!test) return emit();
    const body = this.capture(emit);
    if (body.length) this.add(ifStmt(test, body));
  }

  /** Runs `write` with the modules it uses recorded for lib/config.ts instead of the stack. */
  inConfig<T>(write: () => T): T {
    const sink = this.moduleSink;
    this.moduleSink = this.configModules;
    try {
      return write();
    } finally {
      this.moduleSink = sink;
    }
  }

  private configRef(
    component: ResolvedComponent,
    key: string,
    value: EnvValue,
    code: (v: PropertyValue) => Expr | undefined,
    variant = '',
    docText = `${component.names.display} (${component.type}): ${key}`,
  ): Expr {
    const mapKey = `${component.id}\u0000${key}\u0000${variant}`;
    let configKey = this.configKeys.get(mapKey);
    if (!configKey) {
      const byEnv: Record<string, Expr | undefined> = {};
      for (const env of this.graph.environments) byEnv[env] = code(value.byEnv[env] ?? null);
      configKey = this.addConfigField(
        `${camelCase(component.names.logicalId)}${pascalCase(key)}`,
        byEnv,
        value.byEnv,
        docText,
      );
      this.configKeys.set(mapKey, configKey);
    }
    return member(id('config'), configKey);
  }

  /** Registers a per-environment value in `StackConfig` and returns its key. */
  addConfigEntry(preferredKey: string, byEnv: Record<string, PropertyValue>, docText: string): string {
    const code: Record<string, Expr> = {};
    for (const [env, v] of Object.entries(byEnv))
      code[env] = Array.isArray(v) ? arr(v.map((item) => lit(item as Scalar))) : lit(v as Scalar);
    return this.addConfigField(preferredKey, code, byEnv, docText);
  }

  /** A config field whose type follows from its values (literals or enum members). */
  private addConfigField(
    preferredKey: string,
    byEnv: Record<string, Expr | undefined>,
    shown: Record<string, PropertyValue>,
    docText: string,
  ): string {
    const types = new Map<string, TypeExpr>();
    let optional = false;
    for (const code of Object.values(byEnv)) {
      if (!code || (code.kind === 'literal' && code.value === undefined)) {
        optional = true;
        continue;
      }
      const type = configType(code);
      types.set(printType(type), type);
    }
    if (types.size !== 1)
      throw new Error(`Config value "${preferredKey}" has no single type (${[...types.keys()].join(', ')})`);
    const key = this.configKeyScope.claim(preferredKey || 'value', 'Value');
    const values: Record<string, Expr | undefined> = {};
    for (const [env, code] of Object.entries(byEnv))
      values[env] = code && !(code.kind === 'literal' && code.value === undefined) ? code : undefined;
    this.configEntries.push({
      key,
      type: [...types.values()][0] as TypeExpr,
      optional,
      byEnv: values,
      shown,
      doc: docText,
    });
    return key;
  }

  configMember(key: string): Expr {
    return member(id('config'), key);
  }

  /** `Validations.of(target).acknowledge({ id, reason })` (cdk-nag v3 acknowledgements). */
  acknowledge(target: Expr, ruleId: string, reason: string): void {
    this.expr(
      call(
        member(call(member(this.core('Validations'), 'of'), target), 'acknowledge'),
        obj({ id: lit(ruleId), reason: lit(reason) }),
      ),
    );
  }

  /** An attribute of another component, with an optional ARN suffix ("/*", ":*"). */
  resolveRef(resourceRef: ResourceRef): Expr {
    const handle = this.handle(resourceRef.componentId);
    const attribute = resourceRef.byName
      ? handle.byName?.[resourceRef.attribute as 'name' | 'arn']
      : resourceRef.part !== undefined
        ? handle.parts?.[resourceRef.attribute]?.[resourceRef.part]
        : handle.attributes[resourceRef.attribute];
    if (!attribute)
      throw new Error(
        `Component "${resourceRef.componentId}" has no "${resourceRef.attribute}" attribute in the CDK generator`,
      );
    return resourceRef.suffix ? template(attribute, resourceRef.suffix) : attribute;
  }

  /** A string-typed expression: literals become string literals, config values go through String(). */
  asString(value: Expr): Expr {
    if (value.kind === 'literal')
      return lit(value.value === undefined || value.value === null ? '' : String(value.value));
    return call('String', value);
  }

  /** `Duration.seconds(n)` and friends. */
  duration(unit: 'seconds' | 'minutes' | 'hours' | 'days', amount: Expr): Expr {
    return call(member(this.core('Duration'), unit), amount);
  }

  /** A physical name unique per stack: `<stack name>-<slug>`, for resources AWS requires a name for. */
  physicalName(component: ResolvedComponent, suffix = ''): Expr {
    return template(ref('this.stackName'), `-${component.names.slug}${suffix}`);
  }

  typeOf(alias: ModuleAlias, name: string): TypeExpr {
    this.moduleSink.add(alias);
    return typeRef(`${alias}.${name}`);
  }
}
