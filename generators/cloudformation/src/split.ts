/**
 * A split design (graph.stacks, decided by the lowering's stacks.ts) as nested stacks: the built
 * template's resources are distributed over one child template per stack (stacks/<name>.yaml),
 * and template.yaml becomes the root that creates them as AWS::CloudFormation::Stack resources.
 *
 * A resource goes to the stack of what it was emitted for (TemplateBuilder.owners). A resource
 * that refers to something in a later stack (a security group rule between two stacks, an event
 * source mapping, a permission) moves to that later stack, so references only point from later
 * stacks to earlier ones. A value one stack takes from an earlier one is that stack's Output,
 * passed by the root as `!GetAtt <Stack>.Outputs.<Name>` into a Parameter of the same name:
 * `<Resource>Ref` for a Ref, `<Resource><Attribute>` for a GetAtt.
 */
import type { ResolvedStack } from '@archgen/infra';
import { stackIndexById } from '@archgen/infra';
import type {
  OutputDefinition,
  ParameterDefinition,
  ResourceDefinition,
  TemplateBuilder,
} from './template/builder.ts';
import {
  Intrinsic,
  findInMap,
  getAtt,
  ifCondition,
  join,
  ref,
  sub,
  type TemplateMap,
  type TemplateValue,
} from './template/intrinsics.ts';

export interface ChildTemplate {
  stack: ResolvedStack;
  /** Logical id of the AWS::CloudFormation::Stack in the root: "<Name>Stack". */
  logicalId: string;
  /** Path of its template, relative to template.yaml: "stacks/<name>.yaml". */
  path: string;
  parameters: Map<string, ParameterDefinition>;
  /** Environment -> value name -> value, for the EnvironmentValues mapping. */
  mapping: Map<string, Record<string, TemplateValue>>;
  conditions: Map<string, TemplateValue>;
  resources: Map<string, ResourceDefinition>;
  outputs: Map<string, OutputDefinition>;
  comments: Record<string, string>;
}

export interface SplitTemplates {
  children: ChildTemplate[];
  /** The root's parameters: the environment's name and any value the parameter files lack. */
  parameters: Map<string, ParameterDefinition>;
  /** The root's resources: one AWS::CloudFormation::Stack per child. */
  resources: Map<string, ResourceDefinition>;
  /** The template's outputs, now read from the child that makes each value. */
  outputs: Map<string, OutputDefinition>;
}

/** "Network" -> "network", "App2" -> "app-2". */
export function stackFileName(name: string): string {
  return name
    .replace(/([a-z])([A-Z0-9])/g, '$1-$2')
    .replace(/([0-9])([A-Za-z])/g, '$1-$2')
    .toLowerCase();
}

/** Resource names `${X}` / `${X.Attr}` in an Fn::Sub string (not `${!Literal}`). */
const SUB_VARIABLE = /\$\{([^!}][^}]*)\}/g;

interface Visitor {
  /**
   * A Ref, GetAtt or Sub variable naming `name` (a resource, parameter or pseudo parameter):
   * the value to use instead, or undefined to keep it.
   */
  reference(name: string, attribute: string | undefined): TemplateValue | undefined;
  condition(name: string): void;
}

/**
 * Walks a value; references the visitor renames (to a parameter) are rewritten. Copy on write:
 * an unchanged value comes back as the same object, so scanning for references allocates nothing.
 */
function rewrite(value: TemplateValue, visitor: Visitor): TemplateValue {
  if (value instanceof Intrinsic) {
    const argument = value.argument;
    if (value.fn === 'Ref' && typeof argument === 'string')
      return visitor.reference(argument, undefined) ?? value;
    if (value.fn === 'Fn::GetAtt' && typeof argument === 'string') {
      const dot = argument.indexOf('.');
      return visitor.reference(argument.slice(0, dot), argument.slice(dot + 1)) ?? value;
    }
    if (value.fn === 'Fn::Sub') return rewriteSub(value, visitor);
    if (value.fn === 'Fn::If' && Array.isArray(argument) && typeof argument[0] === 'string')
      visitor.condition(argument[0]);
    if (value.fn === 'Condition' && typeof argument === 'string') visitor.condition(argument);
    const rewritten = rewrite(argument, visitor);
    return rewritten === argument ? value : new Intrinsic(value.fn, rewritten);
  }
  if (Array.isArray(value)) {
    let out: TemplateValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as TemplateValue;
      const rewritten = rewrite(item, visitor);
      if (rewritten !== item) (out ??= value.slice())[i] = rewritten;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === 'object') {
    let out: TemplateMap | undefined;
    for (const key in value) {
      const item = value[key];
      if (item === undefined) continue;
      const rewritten = rewrite(item, visitor);
      if (rewritten !== item) (out ??= { ...value })[key] = rewritten;
    }
    return out ?? value;
  }
  return value;
}

function rewriteSub(value: Intrinsic, visitor: Visitor): TemplateValue {
  const argument = value.argument;
  const [text, variables] = Array.isArray(argument) ? argument : [argument, undefined];
  const declared =
    variables &&
    typeof variables === 'object' &&
    !(variables instanceof Intrinsic) &&
    !Array.isArray(variables)
      ? (variables as Record<string, TemplateValue>)
      : undefined;
  const given = declared ? (rewrite(declared, visitor) as Record<string, TemplateValue>) : {};
  const added: Record<string, TemplateValue> = {};
  let changed = given !== declared && declared !== undefined;
  const newText = String(text).replace(SUB_VARIABLE, (whole, inner: string) => {
    const dot = inner.indexOf('.');
    const name = dot < 0 ? inner : inner.slice(0, dot);
    if (name in given) return whole;
    const replacement = visitor.reference(name, dot < 0 ? undefined : inner.slice(dot + 1));
    if (replacement === undefined) return whole;
    changed = true;
    if (
      replacement instanceof Intrinsic &&
      replacement.fn === 'Ref' &&
      typeof replacement.argument === 'string'
    )
      return `\${${replacement.argument}}`;
    // Anything else (a mapping lookup) becomes a variable of the Sub.
    const variable = inner.replace(/[^A-Za-z0-9]/g, '');
    added[variable] = replacement;
    return `\${${variable}}`;
  });
  if (!changed) return value;
  const all = { ...given, ...added };
  return Object.keys(all).length > 0 ? sub(newText, all) : sub(newText);
}

/** The resources a resource refers to (Ref, GetAtt, Sub, DependsOn, its metadata). */
function referencedResources(definition: ResourceDefinition, resources: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  const visitor: Visitor = {
    reference(name) {
      if (resources.has(name)) found.add(name);
      return undefined;
    },
    condition() {},
  };
  rewrite(definition as unknown as TemplateMap, visitor);
  for (const d of definition.DependsOn ?? []) if (resources.has(d)) found.add(d);
  return found;
}

/** The mapping of a nested template that holds its per-environment values. */
export const ENVIRONMENT_VALUES_MAPPING = 'EnvironmentValues';

/**
 * `values`: parameter -> environment -> value (the parameter files' content). `environmentParameter`
 * is the one parameter the root keeps and passes down; every other parameter with a value for
 * every environment becomes an entry of the EnvironmentValues mapping of each nested template
 * that uses it (one template holds at most 200 parameters, and a large design has more values).
 */
export function splitTemplate(
  template: TemplateBuilder,
  stacks: readonly ResolvedStack[],
  values: ReadonlyMap<string, Record<string, string>>,
  environments: readonly string[],
  environmentParameter: string,
): SplitTemplates {
  const byId = stackIndexById(stacks);
  const names = new Set(template.resources.keys());
  const taken = new Set([
    ...names,
    ...template.parameters.keys(),
    ...template.conditions.keys(),
    ...template.outputs.keys(),
  ]);

  // Where each resource goes: its owner's stack, then later where it refers to a later stack.
  const stackOf = new Map<string, number>();
  const refs = new Map<string, Set<string>>();
  for (const [id, definition] of template.resources) {
    stackOf.set(id, byId.get(template.owners.get(id) ?? '') ?? 0);
    refs.set(id, referencedResources(definition, names));
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const [id, targets] of refs) {
      let at = stackOf.get(id)!;
      for (const target of targets) at = Math.max(at, stackOf.get(target)!);
      if (at !== stackOf.get(id)) {
        stackOf.set(id, at);
        changed = true;
      }
    }
  }

  const children: ChildTemplate[] = stacks.map((stack) => ({
    stack,
    logicalId: `${stack.name}Stack`,
    path: `stacks/${stackFileName(stack.name)}.yaml`,
    parameters: new Map(),
    mapping: new Map(),
    conditions: new Map(),
    resources: new Map(),
    outputs: new Map(),
    comments: {},
  }));
  /** Per child: parameter -> the value the root passes. */
  const passed = children.map(() => new Map<string, TemplateValue>());
  /** Per child: earlier children it needs before it (DependsOn without a value). */
  const after = children.map(() => new Set<number>());
  /** Exported value name per "<resource>.<attribute>", shared by producer and consumers. */
  const exportNames = new Map<string, string>();
  const root = new Map<string, ParameterDefinition>();
  // A value the template already outputs keeps that output's name (one output, not two).
  for (const [name, output] of template.outputs) {
    const value = output.Value;
    if (!(value instanceof Intrinsic) || typeof value.argument !== 'string') continue;
    if (value.fn === 'Ref' && names.has(value.argument)) exportNames.set(`${value.argument}.`, name);
    if (value.fn === 'Fn::GetAtt') exportNames.set(value.argument, name);
  }
  const exportName = (resource: string, attribute: string | undefined): string => {
    const key = `${resource}.${attribute ?? ''}`;
    let name = exportNames.get(key);
    if (name) return name;
    const stem = `${resource}${attribute ? attribute.replace(/[^A-Za-z0-9]/g, '') : 'Ref'}`;
    name = stem;
    for (let n = 2; taken.has(name); n++) name = `${stem}${n}`;
    taken.add(name);
    exportNames.set(key, name);
    return name;
  };

  /** A visitor for values placed in child `index`: foreign resources become parameters. */
  const visitorFor = (index: number): Visitor => {
    const child = children[index]!;
    const useParameter = (name: string): TemplateValue | undefined => {
      const definition = template.parameters.get(name);
      if (!definition) return undefined;
      const byEnv = values.get(name);
      if (name !== environmentParameter && byEnv && environments.every((env) => byEnv[env] !== undefined)) {
        useParameter(environmentParameter);
        for (const env of environments) {
          const entry = child.mapping.get(env) ?? {};
          const value = byEnv[env]!;
          entry[name] = isList(definition.Type) ? value.split(',') : value;
          child.mapping.set(env, entry);
        }
        return findInMap(ENVIRONMENT_VALUES_MAPPING, ref(environmentParameter), name);
      }
      if (child.parameters.has(name)) return undefined;
      root.set(name, definition);
      child.parameters.set(name, definition);
      const comment = template.comments[`Parameters.${name}`];
      if (comment) child.comments[`Parameters.${name}`] = comment;
      passed[index]!.set(name, isList(definition.Type) ? join(',', ref(name) as never) : ref(name));
      return undefined;
    };
    const useCondition = (name: string): void => {
      if (child.conditions.has(name)) return;
      const expression = template.conditions.get(name);
      if (expression === undefined) return;
      child.conditions.set(name, expression);
      child.conditions.set(name, rewrite(expression, { reference: useParameter, condition: useCondition }));
    };
    return {
      reference(name, attribute) {
        if (template.parameters.has(name)) return useParameter(name);
        const home = stackOf.get(name);
        if (home === undefined || home === index) return undefined;
        if (home > index)
          throw new Error(`stack ${child.stack.name} would refer to ${name} in a later stack`);
        const output = exportName(name, attribute);
        const producer = children[home]!;
        if (!producer.outputs.has(output)) {
          // An output cannot name a resource its environment lacks: empty there (users are
          // guarded by the same condition, as in the one-template form).
          const value = attribute ? getAtt(name, attribute) : ref(name);
          const condition = template.resources.get(name)?.Condition;
          if (condition) visitorFor(home).condition(condition);
          producer.outputs.set(output, {
            Description: `${attribute ? `${attribute} of` : 'Ref of'} ${name}, for the stacks that use it`,
            Value: condition ? ifCondition(condition, value, '') : value,
          });
        }
        if (!child.parameters.has(output)) {
          child.parameters.set(output, {
            Type: 'String',
            Description: `${attribute ? `${attribute} of` : 'Ref of'} ${name} in the ${producer.stack.name} stack`,
          });
          passed[index]!.set(output, getAtt(producer.logicalId, `Outputs.${output}`));
        }
        return ref(output);
      },
      condition: useCondition,
    };
  };

  for (const [id, definition] of template.resources) {
    const index = stackOf.get(id)!;
    const child = children[index]!;
    const visitor = visitorFor(index);
    const { DependsOn: dependsOn, ...rest } = definition;
    const moved = rewrite(rest as unknown as TemplateMap, visitor) as unknown as ResourceDefinition;
    if (definition.Condition) visitor.condition(definition.Condition);
    const local = (dependsOn ?? []).filter((d) => stackOf.get(d) === index);
    for (const d of dependsOn ?? []) if (stackOf.get(d) !== index) after[index]!.add(stackOf.get(d)!);
    child.resources.set(id, local.length > 0 ? { ...moved, DependsOn: local } : moved);
    const comment = template.comments[`Resources.${id}`];
    if (comment) child.comments[`Resources.${id}`] = comment;
  }

  // The template's outputs: made by the last stack they refer to, read by the root.
  const outputs = new Map<string, OutputDefinition>();
  for (const [name, output] of template.outputs) {
    const used = new Set<string>();
    rewrite(output.Value, { reference: (r) => (names.has(r) && used.add(r), undefined), condition() {} });
    const index = Math.max(0, ...[...used].map((r) => stackOf.get(r)!));
    const child = children[index]!;
    child.outputs.set(name, { ...output, Value: rewrite(output.Value, visitorFor(index)) });
    if (!output.perComponent)
      outputs.set(name, { ...output, Value: getAtt(child.logicalId, `Outputs.${name}`) });
  }

  const resources = new Map<string, ResourceDefinition>();
  children.forEach((child, index) => {
    if (child.resources.size === 0) return;
    const referenced = new Set<string>();
    for (const value of passed[index]!.values())
      if (value instanceof Intrinsic && value.fn === 'Fn::GetAtt')
        referenced.add(String(value.argument).split('.')[0]!);
    const dependsOn = [...after[index]!]
      .filter((i) => i !== index && !referenced.has(children[i]!.logicalId))
      .sort((a, b) => a - b)
      .map((i) => children[i]!.logicalId);
    resources.set(child.logicalId, {
      Type: 'AWS::CloudFormation::Stack',
      DependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      Properties: {
        TemplateURL: child.path,
        Parameters: passed[index]!.size > 0 ? Object.fromEntries(passed[index]!) : undefined,
      },
    });
  });
  if (!root.has(environmentParameter)) {
    const definition = template.parameters.get(environmentParameter);
    if (definition) root.set(environmentParameter, definition);
  }
  const parameters = new Map([...template.parameters].filter(([name]) => root.has(name)));
  return { children: children.filter((c) => c.resources.size > 0), parameters, resources, outputs };
}

function isList(type: string): boolean {
  return type === 'CommaDelimitedList' || type.startsWith('List<');
}
