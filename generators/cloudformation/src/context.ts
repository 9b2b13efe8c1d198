/**
 * Decisions shared by every emitter: how a component is referenced, how a per-environment value
 * becomes a literal, a parameter or an Fn::If, which condition stands for "these environments",
 * tags, and how accepted findings become cfn_nag / checkov / cfn-lint metadata.
 */
import type { PropertyValue } from '@archgen/model';
import type {
  Acknowledgement,
  EnvValue,
  ResolvedComponent,
  ResolvedGrant,
  ResolvedGraph,
  ResolvedRole,
  ResolvedSecurityGroup,
  ResolvedVpc,
  ResourceRef,
} from '@archgen/infra';
import {
  ENVIRONMENT_TAG_KEY,
  MANAGED_BY_TAG_KEY,
  MANAGED_BY_TAG_VALUE,
  NAME_TAG_KEY,
  compareIds,
  propertyLabel,
} from '@archgen/infra';
import { TemplateBuilder } from './template/builder.ts';
import {
  NO_VALUE,
  equals,
  getAtt,
  ifCondition,
  or,
  ref,
  toLongForm,
  withSuffix,
  type TemplateMap,
  type TemplateValue,
} from './template/intrinsics.ts';

/** Holds in every environment (true), in none (false), or where the named condition holds. */
export type Flag = boolean | string;

export type ReferenceResolver = (
  logicalId: string,
  component: ResolvedComponent,
  ctx: EmitContext,
  /** The whole reference, for per-part attributes (`ResourceRef.part`). */
  reference?: ResourceRef,
) => TemplateValue;

export interface ComponentEmitter {
  /** How other resources refer to this component's attributes (see ResourceRef). */
  references: Partial<Record<ResourceRef['attribute'], ReferenceResolver>>;
  /**
   * The same, from the physical name alone (no dependency), where the lowering asks for it
   * (`ResourceRef.byName`) to break a cycle; the emitter then sets that name on the resource.
   */
  referencesByName?: Partial<Record<'name' | 'arn', ReferenceResolver>>;
  emit(component: ResolvedComponent, ctx: EmitContext): void;
}

/** A finding the generator itself accepts by design, with the reason printed in the template. */
export interface Suppression {
  /** "CNAG W9", "CKV_AWS_260", "LINT W3005", ... (ids in the RULES.md notation). */
  id: string;
  reason: string;
}

export const ENVIRONMENT_PARAMETER = 'EnvironmentName';

/** "memorySize" -> "MemorySize", "us-prod" -> "UsProd": for catalog keys and environment names. */
export function toPascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** Equal as JSON; a string or boolean only serializes like an equal one, so no stringify for those. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const t = typeof a;
  const u = typeof b;
  if (t === 'string' || t === 'boolean' || u === 'string' || u === 'boolean') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Items by id; the first wins, as a `find` over the array would. */
function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return byId;
}

export class EmitContext {
  readonly template = new TemplateBuilder();
  /** Parameter -> environment -> value, written to parameters/<env>.json. */
  readonly parameterValues = new Map<string, Record<string, string>>();
  /** Design elements that produce no resource, with the reason (listed in the README). */
  readonly omissions: { display: string; reason: string }[] = [];
  // Looked up per reference, so indexed once instead of scanning the graph's arrays each time.
  private readonly componentsById: Map<string, ResolvedComponent>;
  private readonly rolesById: Map<string, ResolvedRole>;
  private readonly securityGroupsById: Map<string, ResolvedSecurityGroup>;
  private readonly vpcsById: Map<string, ResolvedVpc>;
  private readonly conditionNamesByEnvs = new Map<string, string>();

  constructor(
    readonly graph: ResolvedGraph,
    readonly environments: readonly string[],
    private readonly emitters: Readonly<Record<string, ComponentEmitter>>,
  ) {
    this.componentsById = new Map(graph.components.map((c) => [c.id, c]));
    this.rolesById = firstById(graph.roles);
    this.securityGroupsById = firstById(graph.securityGroups);
    this.vpcsById = firstById(graph.vpcs);
  }

  component(id: string): ResolvedComponent {
    const component = this.componentsById.get(id);
    if (!component) throw new Error(`the graph has no component "${id}"`);
    return component;
  }

  role(id: string): ResolvedRole {
    const role = this.rolesById.get(id);
    if (!role) throw new Error(`the graph has no role "${id}"`);
    return role;
  }

  securityGroup(id: string): ResolvedSecurityGroup {
    const group = this.securityGroupsById.get(id);
    if (!group) throw new Error(`the graph has no security group "${id}"`);
    return group;
  }

  vpc(id: string): ResolvedVpc {
    const vpc = this.vpcsById.get(id);
    if (!vpc) throw new Error(`the graph has no VPC "${id}"`);
    return vpc;
  }

  private readonly referencing = new Map<'secretId' | 'logGroupId', Map<string, ResolvedComponent[]>>();

  /** The components whose `field` names `id`, in the graph's order (indexed once per field and run). */
  componentsReferencing(field: 'secretId' | 'logGroupId', id: string): readonly ResolvedComponent[] {
    let index = this.referencing.get(field);
    if (!index) {
      index = new Map();
      for (const component of this.graph.components) {
        const target = component[field];
        if (target === undefined) continue;
        const components = index.get(target);
        if (components) components.push(component);
        else index.set(target, [component]);
      }
      this.referencing.set(field, index);
    }
    return index.get(id) ?? [];
  }

  private grantsByRole: Map<string, ResolvedGrant[]> | undefined;

  /** The grants attached to a role, in the graph's order (indexed on first use, not scanned per role). */
  grantsOfRole(roleId: string): readonly ResolvedGrant[] {
    if (!this.grantsByRole) {
      this.grantsByRole = new Map();
      for (const grant of this.graph.grants) {
        if (grant.roleId === undefined) continue;
        const grants = this.grantsByRole.get(grant.roleId);
        if (grants) grants.push(grant);
        else this.grantsByRole.set(grant.roleId, [grant]);
      }
    }
    return this.grantsByRole.get(roleId) ?? [];
  }

  logicalId(componentId: string): string {
    return this.component(componentId).names.logicalId;
  }

  /** An attribute of another component, in that component's emitter's terms. */
  ref(reference: ResourceRef): TemplateValue {
    const component = this.component(reference.componentId);
    const emitter = this.emitters[component.type];
    const resolve = reference.byName
      ? emitter?.referencesByName?.[reference.attribute as 'name' | 'arn']
      : emitter?.references[reference.attribute];
    if (!resolve)
      throw new Error(`a ${component.type} has no "${reference.attribute}" to reference (${component.id})`);
    return withSuffix(resolve(component.names.logicalId, component, this, reference), reference.suffix);
  }

  /** `ref` without a suffix or by-name lookup: the attribute of a component (as in Terraform). */
  attribute(componentId: string, attribute: ResourceRef['attribute']): TemplateValue {
    return this.ref({ componentId, attribute });
  }

  roleArn(roleId: string): TemplateValue {
    return getAtt(this.role(roleId).names.logicalId, 'Arn');
  }

  /** The component's role of a purpose (a Fargate service has a task and an execution role). */
  roleOf(component: ResolvedComponent, purpose?: ResolvedRole['purpose']): ResolvedRole | undefined {
    return component.roleIds.map((id) => this.role(id)).find((role) => !purpose || role.purpose === purpose);
  }

  subnetIds(vpcId: string, tier: string): TemplateValue[] {
    return this.vpc(vpcId)
      .subnets.filter((s) => s.tier === tier)
      .sort((a, b) => a.azIndex - b.azIndex)
      .map((s) => ref(s.names.logicalId));
  }

  securityGroupIds(component: ResolvedComponent): TemplateValue[] | undefined {
    if (!component.securityGroupId) return undefined;
    return [getAtt(this.securityGroup(component.securityGroupId).names.logicalId, 'GroupId')];
  }

  /** Each selected environment's value of a component property. */
  perEnvironment(component: ResolvedComponent, key: string): Record<string, PropertyValue> {
    const value = component.props[key];
    if (!value) throw new Error(`${component.type} "${component.id}" has no property "${key}"`);
    const values: Record<string, PropertyValue> = {};
    for (const env of this.environments) values[env] = value.byEnv[env] ?? null;
    return values;
  }

  /** The property where it is the same everywhere; throws when environments differ. */
  constant(component: ResolvedComponent, key: string): PropertyValue {
    const property = component.props[key];
    if (property && this.sameDesignValueEverywhere(property.byEnv))
      return property.byEnv[this.environments[0]!] ?? null;
    const values = Object.values(this.perEnvironment(component, key));
    const first = values[0] ?? null;
    if (values.some((v) => !sameJson(v, first))) {
      throw new Error(`${component.id}.${key} differs between environments where it cannot`);
    }
    return first;
  }

  /**
   * A component property as a template value: the literal when every environment agrees, a
   * parameter (one value per parameters/<env>.json) when scalar values differ, otherwise an
   * Fn::If over environment conditions. `map` turns a design value into the template's (or
   * undefined to leave the property out in that environment).
   */
  value(
    component: ResolvedComponent,
    key: string,
    map: (value: PropertyValue) => TemplateValue | undefined = (v) =>
      v === null ? undefined : (v as TemplateValue),
    options: { literals?: boolean } = {},
  ): TemplateValue | undefined {
    const property = component.props[key];
    if (!property) throw new Error(`${component.type} "${component.id}" has no property "${key}"`);
    // The usual case, one design value everywhere: `map` is a pure function of it, so its result
    // for the first environment is what every environment would agree on.
    if (this.sameDesignValueEverywhere(property.byEnv))
      return map(property.byEnv[this.environments[0]!] ?? null);
    const values: Record<string, TemplateValue | undefined> = {};
    for (const env of this.environments) values[env] = map(property.byEnv[env] ?? null);
    if (this.sameEverywhere(values)) return values[this.environments[0]!];
    return this.byEnvironment(values, {
      parameter: `${component.names.logicalId}${toPascalCase(key)}`,
      description: `${propertyLabel(component.type, key)} of ${component.names.display}`,
      group: component.names.display,
      literals: options.literals,
    });
  }

  /** Like `value`, but always literal values (chosen by Fn::If) where a parameter's string would not do. */
  literal(component: ResolvedComponent, key: string): TemplateValue | undefined {
    return this.value(component, key, undefined, { literals: true });
  }

  private sameDesignValueEverywhere(byEnv: Readonly<Record<string, PropertyValue | undefined>>): boolean {
    const envs = this.environments;
    if (envs.length === 0) return false;
    const first = byEnv[envs[0]!] ?? null;
    for (let i = 1; i < envs.length; i++) if ((byEnv[envs[i]!] ?? null) !== first) return false;
    return true;
  }

  /** The usual case, one value everywhere: the very same value (or object) needs no serializing. */
  private sameEverywhere(values: Record<string, TemplateValue | undefined>): boolean {
    const first = values[this.environments[0]!];
    return this.environments.length > 0 && this.environments.every((env) => values[env] === first);
  }

  /** Per-environment template values, collapsed as `value` describes. */
  byEnvironment(
    values: Record<string, TemplateValue | undefined>,
    parameter: { parameter: string; description: string; group: string; literals?: boolean },
  ): TemplateValue | undefined {
    if (this.sameEverywhere(values)) return values[this.environments[0]!];
    const groups = new Map<string, { value: TemplateValue | undefined; envs: string[] }>();
    for (const env of this.environments) {
      const key = JSON.stringify(toLongForm(values[env])) ?? 'undefined';
      const group = groups.get(key) ?? { value: values[env], envs: [] };
      group.envs.push(env);
      groups.set(key, group);
    }
    const distinct = [...groups.values()];
    if (distinct.length === 1) return distinct[0]!.value;
    const scalars = distinct.every((g) => ['string', 'number', 'boolean'].includes(typeof g.value));
    if (scalars && !parameter.literals)
      return ref(
        this.parameter(
          parameter.parameter,
          values as Record<string, string | number | boolean>,
          parameter.description,
          parameter.group,
        ),
      );
    // Lists, maps or "leave it out" in some environments: choose per environment group. The
    // left-out group goes last, so each value sits under its own environments' condition.
    distinct.sort((a, b) => Number(a.value === undefined) - Number(b.value === undefined));
    const last = distinct.pop()!;
    return distinct.reduceRight<TemplateValue>(
      (otherwise, group) =>
        ifCondition(this.environmentCondition(group.envs), group.value ?? NO_VALUE, otherwise),
      last.value ?? NO_VALUE,
    );
  }

  private parameter(
    base: string,
    values: Record<string, string | number | boolean>,
    description: string,
    group: string,
  ): string {
    const all = this.environments.map((env) => values[env]!);
    const printed = Object.fromEntries(this.environments.map((env) => [env, String(values[env])]));
    // The same property asked for twice (a count used by a service and its schedule) reuses its
    // parameter; the same property mapped to other values (a flag as a mode) gets a second one.
    let name = base;
    for (let n = 2; this.parameterValues.has(name); n++) {
      const existing = this.parameterValues.get(name)!;
      if (this.environments.every((env) => existing[env] === printed[env])) return name;
      name = `${base}${n}`;
    }
    const numeric = all.every((v) => typeof v === 'number');
    const booleans = all.every((v) => typeof v === 'boolean');
    this.template.addParameter(
      name,
      {
        Type: numeric ? 'Number' : 'String',
        Description: `${description} (differs between environments)`.slice(0, 4000),
        ...(booleans ? { AllowedValues: ['false', 'true'] } : {}),
      },
      group,
    );
    this.parameterValues.set(name, printed);
    return name;
  }

  /** A flag from a boolean property: where it is true. */
  flag(component: ResolvedComponent, key: string, conditionName?: string): Flag {
    const values = this.perEnvironment(component, key);
    const holds: Record<string, boolean> = {};
    for (const env of this.environments) holds[env] = values[env] === true;
    return this.when(holds, conditionName);
  }

  /** A value the lowering resolved per environment, as a record over this template's environments. */
  byEnvironmentOf<T extends PropertyValue>(value: EnvValue<T>): Record<string, T> {
    return Object.fromEntries(this.environments.map((env) => [env, value.byEnv[env] as T]));
  }

  /** True/false when all environments agree, else a condition true in the environments that hold. */
  when(holds: Record<string, boolean>, conditionName?: string): Flag {
    const envs = this.environments.filter((env) => holds[env]);
    if (envs.length === this.environments.length) return true;
    if (envs.length === 0) return false;
    return this.environmentCondition(envs, conditionName);
  }

  /** A condition that holds in exactly these environments (IsProd, IsDevOrStaging, or a given name). */
  environmentCondition(envs: string[], name?: string): string {
    const key = envs.join(',');
    const conditionName =
      name ?? this.conditionNamesByEnvs.get(key) ?? `Is${envs.map(toPascalCase).join('Or')}`;
    if (!name) this.conditionNamesByEnvs.set(key, conditionName);
    const matches = envs.map((env) => equals(ref(ENVIRONMENT_PARAMETER), env));
    this.template.addCondition(conditionName, matches.length === 1 ? matches[0]! : or(matches));
    return conditionName;
  }

  /** `whenTrue` where the flag holds, `whenFalse` elsewhere (undefined = property left out). */
  choose(
    flag: Flag,
    whenTrue: TemplateValue | undefined,
    whenFalse: TemplateValue | undefined,
  ): TemplateValue | undefined {
    if (flag === true) return whenTrue;
    if (flag === false) return whenFalse;
    if (whenTrue === undefined && whenFalse === undefined) return undefined;
    return ifCondition(flag, whenTrue ?? NO_VALUE, whenFalse ?? NO_VALUE);
  }

  /** An output other stacks can import as `${AWS::StackName}-<logical id><suffix>`. */
  output(component: ResolvedComponent, suffix: string, value: TemplateValue, what: string): void {
    const name = `${component.names.logicalId}${suffix}`;
    this.template.addOutput(name, {
      Description: `${what} of ${component.names.display}`,
      Value: value,
      exportName: name,
      perComponent: true,
    });
  }

  /**
   * Cost-allocation tags on every taggable resource: a Name, the design's, the environment and
   * ManagedBy. The lowering already left out design tags that collide with these (text.ts).
   */
  tags(name?: string): TemplateValue[] {
    const tags: TemplateValue[] = [];
    if (name !== undefined) tags.push({ Key: NAME_TAG_KEY, Value: name });
    for (const key of this.designTagKeys()) tags.push({ Key: key, Value: this.graph.tags[key]! });
    tags.push({ Key: ENVIRONMENT_TAG_KEY, Value: ref(ENVIRONMENT_PARAMETER) });
    tags.push({ Key: MANAGED_BY_TAG_KEY, Value: MANAGED_BY_TAG_VALUE });
    return tags;
  }

  private sortedDesignTagKeys: string[] | undefined;

  /** The design's tag keys in print order, sorted once per run rather than per resource. */
  private designTagKeys(): string[] {
    this.sortedDesignTagKeys ??= Object.keys(this.graph.tags).sort(compareIds);
    return this.sortedDesignTagKeys;
  }

  /** The same tags as a map, for the resources that take one (API Gateway v2, EKS node groups). */
  tagMap(name?: string): TemplateMap {
    const map: TemplateMap = {};
    // defineProperty: a tag named "__proto__" (a valid AWS tag key) must be data, not the prototype.
    for (const tag of this.tags(name) as { Key: string; Value: TemplateValue }[])
      Object.defineProperty(map, tag.Key, {
        value: tag.Value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return map;
  }

  /**
   * Resource metadata acknowledging accepted findings: the design's (with their equivalent
   * checkov / cfn_nag / cfn-lint ids) and the generator's deliberate choices.
   */
  metadata(
    acknowledgements: readonly Acknowledgement[] = [],
    suppressions: readonly Suppression[] = [],
  ): TemplateMap | undefined {
    if (acknowledgements.length === 0 && suppressions.length === 0) return undefined;
    const all: Suppression[] = [
      ...suppressions,
      ...acknowledgements.flatMap((a) =>
        a.equivalents.map((id) => ({ id, reason: `${a.ruleId}: ${a.reason}` })),
      ),
    ];
    const cfnNag: TemplateValue[] = [];
    const checkov: TemplateValue[] = [];
    const cfnLint: string[] = [];
    const seen = new Set<string>();
    for (const { id, reason } of all) {
      if (seen.has(id)) continue;
      seen.add(id);
      const cnag = /^(?:CNAG\s+)?([FW]\d+)$/.exec(id);
      const lint = /^LINT\s+([EWI]\d+)$/.exec(id);
      if (cnag) cfnNag.push({ id: cnag[1]!, reason });
      else if (/^CKV2?_AWS_\d+$/.test(id)) checkov.push({ id, comment: reason });
      else if (lint) cfnLint.push(lint[1]!);
    }
    if (cfnNag.length + checkov.length + cfnLint.length === 0) return undefined;
    return {
      cfn_nag: cfnNag.length ? { rules_to_suppress: cfnNag } : undefined,
      checkov: checkov.length ? { skip: checkov } : undefined,
      'cfn-lint': cfnLint.length ? { config: { ignore_checks: cfnLint } } : undefined,
    };
  }
}
