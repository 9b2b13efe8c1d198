/**
 * The state shared while one stack is built: imports, unique variable names, the statements of
 * the stack constructor, per-environment config entries and each component's handle (the
 * variable that holds its construct, plus the attributes other emitters reference).
 */
import type { EnvValue, ResolvedComponent, ResolvedGraph, ResourceRef } from '@archgen/infra';
import { compareIds } from '@archgen/infra';
import type { PropertyValue } from '@archgen/model';
import type { Expr, Stmt, TypeExpr } from './ts/ast.ts';
import {
  call,
  comment,
  cond,
  constDecl,
  eq,
  exprStmt,
  id,
  lit,
  member,
  obj,
  ref,
  template,
  typeRef,
  blank,
} from './ts/ast.ts';
import { printExpr } from './ts/print.ts';
import { NameScope, camelCase, pascalCase } from './naming.ts';

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
  cloudfront: 'aws-cdk-lib/aws-cloudfront',
  cloudwatch: 'aws-cdk-lib/aws-cloudwatch',
  cognito: 'aws-cdk-lib/aws-cognito',
  cwActions: 'aws-cdk-lib/aws-cloudwatch-actions',
  dynamodb: 'aws-cdk-lib/aws-dynamodb',
  ec2: 'aws-cdk-lib/aws-ec2',
  ecs: 'aws-cdk-lib/aws-ecs',
  eks: 'aws-cdk-lib/aws-eks',
  elasticache: 'aws-cdk-lib/aws-elasticache',
  elbv2: 'aws-cdk-lib/aws-elasticloadbalancingv2',
  elbv2Targets: 'aws-cdk-lib/aws-elasticloadbalancingv2-targets',
  events: 'aws-cdk-lib/aws-events',
  eventSources: 'aws-cdk-lib/aws-lambda-event-sources',
  iam: 'aws-cdk-lib/aws-iam',
  kinesis: 'aws-cdk-lib/aws-kinesis',
  kms: 'aws-cdk-lib/aws-kms',
  lambda: 'aws-cdk-lib/aws-lambda',
  logs: 'aws-cdk-lib/aws-logs',
  neptune: 'aws-cdk-lib/aws-neptune',
  opensearch: 'aws-cdk-lib/aws-opensearchservice',
  origins: 'aws-cdk-lib/aws-cloudfront-origins',
  rds: 'aws-cdk-lib/aws-rds',
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
  /** Name and ARN from the physical name, for `ResourceRef.byName` (no dependency on the construct). */
  byName?: Partial<Record<'name' | 'arn', Expr>>;
  /** The IGrantable used when this component is the grantee of a grant. */
  grantee?: Expr;
  /** An object with `addEnvironment(name, value)` (a function, a container). */
  environmentTarget?: Expr;
  /** Named sub-constructs other emitters use, e.g. an ALB's listener. */
  extras?: Record<string, Expr>;
}

export interface ConfigEntry {
  key: string;
  type: 'string' | 'number' | 'boolean';
  byEnv: Record<string, PropertyValue>;
  doc: string;
}

type Scalar = string | number | boolean;

function isScalar(value: PropertyValue | undefined): value is Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** `JSON.stringify(a) === JSON.stringify(b)`, without stringifying scalars. */
function sameJson(a: PropertyValue, b: PropertyValue): boolean {
  if (a === b) return true;
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  // JSON writes every non-finite number as null.
  const jsonScalar = (v: Scalar) => (typeof v === 'number' && !Number.isFinite(v) ? null : v);
  return jsonScalar(a) === jsonScalar(b);
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
  private readonly usedModules = new Set<ModuleAlias>();
  private readonly coreNames = new Set<string>();
  private readonly configKeys = new Map<string, string>();
  private readonly configKeyScope = new NameScope();
  private readonly sharedValues = new Map<string, Expr>();
  private readonly apiAccess = new Map<ModuleAlias, Map<string, Expr>>();
  private readonly coreAccess = new Map<string, Expr>();
  private readonly variableNames = new Map<string, string>();
  private readonly derivedValues = new Map<string, unknown>();
  readonly components: Map<string, ResolvedComponent>;

  constructor(readonly graph: ResolvedGraph) {
    for (const alias of Object.keys(MODULES)) this.names.reserve(alias);
    for (const name of [
      'Duration',
      'RemovalPolicy',
      'Stack',
      'StackProps',
      'Validations',
      'CfnOutput',
      'Tags',
      'Fn',
    ])
      this.names.reserve(name);
    this.configKeyScope.reserve('region');
    this.configKeyScope.reserve('account');
    this.components = new Map(graph.components.map((c) => [c.id, c]));
  }

  /** A namespace import such as `ec2`, recorded so the stack imports it. */
  mod(alias: ModuleAlias): Expr {
    this.usedModules.add(alias);
    return id(alias);
  }

  /**
   * `ec2.Port.tcp` style access into a module. Emitters ask for the same few hundred paths
   * over and over, so each is built once per stack (expressions are never mutated once built).
   */
  api(alias: ModuleAlias, path: string): Expr {
    let byPath = this.apiAccess.get(alias);
    if (!byPath) {
      this.usedModules.add(alias);
      this.apiAccess.set(alias, (byPath = new Map()));
    }
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
   * A value that cannot change the shape of the code (a list, a structural switch). When it
   * varies, the first environment's value is used and a comment says so.
   */
  fixed(component: ResolvedComponent, key: string): PropertyValue {
    const value = this.prop(component, key);
    const first = this.graph.environments[0] ?? '';
    if (value.varies)
      this.add(comment(`"${key}" differs between environments; this code is shaped by the ${first} value.`));
    return value.byEnv[first] ?? null;
  }

  str(component: ResolvedComponent, key: string): string {
    const v = this.fixed(component, key);
    return typeof v === 'string' ? v : String(v ?? '');
  }
  num(component: ResolvedComponent, key: string): number {
    const v = this.fixed(component, key);
    return typeof v === 'number' ? v : Number(v);
  }
  bool(component: ResolvedComponent, key: string): boolean {
    return this.fixed(component, key) === true;
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
    return this.configRef(component, key, value);
  }

  /**
   * Maps the value to code: when environments differ and map to different code, a
   * conditional on `config.<key>` picks the code of the deployed environment.
   */
  choose(component: ResolvedComponent, key: string, map: (value: PropertyValue) => Expr): Expr {
    const value = this.prop(component, key);
    const envs = this.graph.environments;
    // One value everywhere (the usual case): its code, with nothing to compare.
    const first = value.byEnv[envs[0] ?? ''] ?? null;
    let same = envs.length > 0;
    for (let i = 1; i < envs.length && same; i++) same = sameJson(first, value.byEnv[envs[i] ?? ''] ?? null);
    if (same) return map(first);
    const distinct: PropertyValue[] = [];
    for (const env of envs) {
      const v = value.byEnv[env] ?? null;
      if (!distinct.some((d) => sameJson(d, v))) distinct.push(v);
    }
    const mapped = distinct.map((v) => map(v));
    const printed = new Set(mapped.map((e) => printExpr(e)));
    if (printed.size === 1 || !distinct.every(isScalar)) {
      if (printed.size > 1) return this.chooseFirst(key, mapped);
      return mapped[0] as Expr;
    }
    const configValue = this.configRef(component, key, value);
    let result = mapped[mapped.length - 1] as Expr;
    for (let i = mapped.length - 2; i >= 0; i--)
      result = cond(eq(configValue, lit(distinct[i] as Scalar)), mapped[i] as Expr, result);
    return result;
  }

  private chooseFirst(key: string, mapped: Expr[]): Expr {
    this.add(
      comment(`"${key}" differs between environments in a way config cannot express; using the first.`),
    );
    return mapped[0] as Expr;
  }

  private configRef(component: ResolvedComponent, key: string, value: EnvValue): Expr {
    const mapKey = `${component.id}\u0000${key}`;
    let configKey = this.configKeys.get(mapKey);
    if (!configKey) {
      configKey = this.addConfigEntry(
        `${camelCase(component.names.logicalId)}${pascalCase(key)}`,
        value.byEnv,
        `${component.names.display} (${component.type}): ${key}`,
      );
      this.configKeys.set(mapKey, configKey);
    }
    return member(id('config'), configKey);
  }

  /** Registers a per-environment value in `StackConfig` and returns its key. */
  addConfigEntry(preferredKey: string, byEnv: Record<string, PropertyValue>, docText: string): string {
    const first = Object.values(byEnv)[0];
    const type = typeof first === 'number' ? 'number' : typeof first === 'boolean' ? 'boolean' : 'string';
    const key = this.configKeyScope.claim(preferredKey || 'value', 'Value');
    this.configEntries.push({ key, type, byEnv, doc: docText });
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
    this.usedModules.add(alias);
    return typeRef(`${alias}.${name}`);
  }
}
