/**
 * ResolvedGraph -> CloudFormation: decide and build every resource through the emitters, then
 * print template.yaml, one parameters/<env>.json per environment and a README. Pure and
 * deterministic: the same graph gives the same bytes.
 */
import {
  cloudFormationLayout,
  keptPartRenames,
  regionOf,
  regionsVary,
  windowsSafeStem,
  type GeneratedFiles,
  type ResolvedGraph,
} from '@archgen/infra';
import { keptReferences } from '@archgen/model';
import { ENVIRONMENT_PARAMETER, EmitContext } from './context.ts';
import { EMITTERS, NO_INFRASTRUCTURE } from './emitters/index.ts';
import { emitRole } from './emitters/iam.ts';
import { emitVpc } from './emitters/network.ts';
import { emitAlarm, emitEventSource, emitSubscription } from './emitters/relationships.ts';
import { emitSecurityGroup } from './emitters/security-groups.ts';
import { renderReadme } from './readme.ts';
import { equals, ref, sub, type TemplateMap, type TemplateValue } from './template/intrinsics.ts';
import { printTemplate } from './template/yaml.ts';
import { referencedIds, renameResources } from './template/rename.ts';
import type { OutputDefinition, ParameterDefinition, ResourceDefinition } from './template/builder.ts';
import { ENVIRONMENT_VALUES_MAPPING, splitTemplate, type SplitTemplates } from './split.ts';
import { truncateUtf8 } from './text.ts';
import { keptRecord, keptValue } from './template/kept-values.ts';

export interface CloudFormationOptions {
  /** Environments to generate parameter files for (default: all of the graph's, in its order). */
  environments?: string[];
}

function selectEnvironments(graph: ResolvedGraph, requested: string[] | undefined): string[] {
  if (!requested) return [...graph.environments];
  const unknown = requested.filter((env) => !graph.environments.includes(env));
  if (unknown.length > 0) throw new Error(`unknown environment(s): ${unknown.join(', ')}`);
  return graph.environments.filter((env) => requested.includes(env));
}

/** Builds the whole template into the context (exported for focused tests). */
export function buildTemplate(graph: ResolvedGraph, environments: string[]): EmitContext {
  const ctx = new EmitContext(graph, environments, EMITTERS);
  ctx.template.addParameter(
    ENVIRONMENT_PARAMETER,
    {
      Type: 'String',
      Description: 'Which environment this stack is; selects per-environment sizing and structure',
      AllowedValues: environments,
    },
    'Environment',
  );
  ctx.parameterValues.set(ENVIRONMENT_PARAMETER, Object.fromEntries(environments.map((env) => [env, env])));

  const unknown = graph.components
    .filter((c) => !EMITTERS[c.type] && !NO_INFRASTRUCTURE.has(c.type))
    .map((c) => `${c.id} (${c.type})`);
  if (unknown.length > 0) throw new Error(`no CloudFormation emitter for: ${unknown.join(', ')}`);

  // Each resource remembers what it was emitted for: a split design's stacks are cut by it.
  const t = ctx.template;
  for (const vpc of graph.vpcs) {
    t.owner = vpc.id;
    emitVpc(vpc, ctx);
  }
  for (const group of graph.securityGroups) {
    t.owner = group.id;
    emitSecurityGroup(group, ctx);
  }
  for (const role of graph.roles) {
    t.owner = role.id;
    emitRole(role, ctx);
  }
  for (const component of graph.components) {
    t.owner = component.id;
    EMITTERS[component.type]?.emit(component, ctx);
  }
  for (const source of graph.eventSources) {
    t.owner = source.functionId;
    emitEventSource(source, ctx);
  }
  for (const subscription of graph.subscriptions) {
    t.owner = subscription.subscriberId;
    emitSubscription(subscription, ctx);
  }
  const componentIds = new Set(graph.components.map((c) => c.id));
  for (const alarm of graph.alarms) {
    t.owner = alarm.targetId;
    if (!componentIds.has(alarm.id)) emitAlarm(alarm, alarm.names.logicalId, ctx);
  }
  t.owner = '';
  // Parts of imported nodes and networks take the logical ids they had (the lowering decides which).
  if ((graph.keptParts ?? []).length > 0)
    renameResources(
      t,
      keptPartRenames(
        graph,
        [...t.resources].map(([logicalId, r]) => ({
          logicalId,
          type: r.Type,
          owner: t.owners.get(logicalId) ?? '',
          refs: referencedIds(r.Properties),
        })),
      ),
    );
  // After the renames: kept outputs are checked against the ids the template ends with.
  addKeptSections(graph, ctx);
  return ctx;
}

/**
 * Parameters, Mappings, Conditions and Outputs kept from imported CloudFormation, as written, so
 * kept resources' references resolve and the stack keeps its outputs. Where the export already
 * uses a name (its own Environment parameter, say), the export's stays.
 */
function addKeptSections(graph: ResolvedGraph, ctx: EmitContext): void {
  const kept = graph.keptTemplate;
  if (!kept) return;
  const t = ctx.template;
  for (const [name, definition] of Object.entries(kept.parameters))
    if (!t.parameters.has(name))
      t.addParameter(name, keptRecord(definition) as unknown as ParameterDefinition, 'Imported');
  for (const [name, expression] of Object.entries(kept.conditions)) {
    const value = keptValue(expression);
    if (value !== undefined && !t.conditions.has(name)) t.conditions.set(name, value);
  }
  for (const [name, mapping] of Object.entries(kept.mappings))
    if (name !== ENVIRONMENT_VALUES_MAPPING) t.keptMappings.set(name, keptRecord(mapping));
  // An output naming a resource this template does not print (a REST API without a method is
  // left out, see omissions) would not deploy: it is left out too.
  const printed = (name: string) =>
    name.startsWith('AWS::') || t.resources.has(name) || t.parameters.has(name);
  for (const [name, output] of Object.entries(kept.outputs))
    if (!t.outputs.has(name) && [...keptReferences(output).refs].every(printed))
      t.keptOutputs.set(name, keptRecord(output));
}

/**
 * Where each environment may deploy, as Rules over the environment parameter (the parameter
 * file says which environment a stack is): one rule per environment the design names an account
 * for (AWS::AccountId), and, when environments deploy to different regions (graph.regions), one
 * per environment on AWS::Region, so a stack created in the wrong region or account fails before
 * any resource is made. With one region everywhere the README's `--region` pins it.
 */
function deploymentRules(graph: ResolvedGraph, environments: readonly string[]): TemplateMap | undefined {
  const rules: TemplateMap = {};
  const add = (env: string, index: number, kind: 'Account' | 'Region', assertion: TemplateMap) => {
    const stem = env.replace(/[^A-Za-z0-9]/g, '');
    let name = `${stem.charAt(0).toUpperCase()}${stem.slice(1)}${kind}`;
    if (name in rules || !/^[A-Za-z]/.test(name)) name = `Environment${index + 1}${kind}`;
    rules[name] = { RuleCondition: equals(ref(ENVIRONMENT_PARAMETER), env), Assertions: [assertion] };
  };
  const pinRegions = regionsVary(graph);
  environments.forEach((env, index) => {
    const account = graph.accounts?.[env];
    if (account !== undefined)
      add(env, index, 'Account', {
        Assert: equals(ref('AWS::AccountId'), account),
        AssertDescription: `The ${env} environment deploys only into account ${account} (set in the design)`,
      });
    if (pinRegions) {
      const region = regionOf(graph, env);
      add(env, index, 'Region', {
        Assert: equals(ref('AWS::Region'), region),
        AssertDescription: `The ${env} environment deploys only into region ${region} (set in the design)`,
      });
    }
  });
  return Object.keys(rules).length > 0 ? rules : undefined;
}

/** The sections of one printed template (the whole design, a split design's root, or one child). */
interface TemplateSections {
  description: string;
  /** Only the root (or the one template) carries the console's parameter groups and the Rules. */
  root: boolean;
  stack?: string;
  parameters: Map<string, ParameterDefinition>;
  /** A nested template's per-environment values: environment -> name -> value. */
  mapping?: Map<string, Record<string, TemplateValue>>;
  conditions: Map<string, TemplateValue>;
  resources: Map<string, ResourceDefinition>;
  outputs: Map<string, OutputDefinition>;
}

function templateTree(graph: ResolvedGraph, ctx: EmitContext, sections?: TemplateSections): TemplateMap {
  const t = sections ?? {
    description: [graph.design.name, graph.design.description]
      .filter((text) => text.trim() !== '')
      .join(': '),
    root: true,
    parameters: ctx.template.parameters,
    conditions: ctx.template.conditions,
    resources: ctx.template.resources,
    outputs: ctx.template.outputs,
  };
  // One pass into the section object (logical ids are alphanumeric, so plain assignment is safe).
  const map = <V>(entries: Map<string, V>, convert: (value: V) => TemplateValue): TemplateMap | undefined => {
    if (entries.size === 0) return undefined;
    const section: TemplateMap = {};
    for (const [key, value] of entries) section[key] = convert(value);
    return section;
  };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: truncateUtf8(t.description, 1024),
    Metadata: {
      'AWS::CloudFormation::Interface': t.root
        ? {
            ParameterGroups: [...ctx.template.parameterGroups].flatMap(([label, names]) => {
              const present = names.filter((name) => t.parameters.has(name));
              return present.length > 0 ? [{ Label: { default: label }, Parameters: present }] : [];
            }),
          }
        : undefined,
      archgen: {
        design: graph.design.slug,
        environments: ctx.environments as string[],
        stack: t.stack,
        // Outputs kept from imported code, told apart from the export's own on a re-import.
        keptOutputs:
          t.root && ctx.template.keptOutputs.size > 0 ? [...ctx.template.keptOutputs.keys()] : undefined,
      },
      'Archgen::Layout': t.root ? cloudFormationLayout(graph) : undefined,
    },
    // The definitions as they are: they are plain objects, and nothing changes them after this.
    Parameters: map(t.parameters, (p) => p as unknown as TemplateMap),
    Rules: t.root ? deploymentRules(graph, ctx.environments) : undefined,
    Mappings:
      t.mapping && t.mapping.size > 0
        ? { [ENVIRONMENT_VALUES_MAPPING]: map(t.mapping, (entry) => entry as TemplateMap) }
        : t.root
          ? map(ctx.template.keptMappings, (m) => m)
          : undefined,
    Conditions: map(t.conditions, (c) => c),
    Resources: map(t.resources, (r) => r as unknown as TemplateMap),
    Outputs: outputsSection(t, ctx),
  };
}

/** The template's own outputs, then (in the root) those kept from imported code as written. */
function outputsSection(t: TemplateSections, ctx: EmitContext): TemplateMap | undefined {
  const section: TemplateMap = {};
  for (const [name, o] of t.outputs)
    section[name] = {
      Description: truncateUtf8(o.Description, 1024),
      Value: o.Value,
      Export: o.exportName ? { Name: sub(`\${AWS::StackName}-${o.exportName}`) } : undefined,
    };
  if (t.root) for (const [name, o] of ctx.template.keptOutputs) section[name] = o;
  return Object.keys(section).length > 0 ? section : undefined;
}

export function generateCloudFormation(
  graph: ResolvedGraph,
  options: CloudFormationOptions = {},
): GeneratedFiles {
  const environments = selectEnvironments(graph, options.environments);
  const ctx = buildTemplate(graph, environments);
  const size = { utf8Bytes: 0 };
  const stacks = graph.stacks ?? [];
  const nested: GeneratedFiles = {};
  let template: string;
  let split: SplitTemplates | undefined;
  if (stacks.length > 1) {
    // A split design (the lowering's stacks.ts): the root creates one nested stack per part.
    split = splitTemplate(ctx.template, stacks, ctx.parameterValues, environments, ENVIRONMENT_PARAMETER);
    const name = graph.design.name.trim() === '' ? 'Design' : graph.design.name;
    for (const child of split.children) {
      const tree = templateTree(graph, ctx, {
        description: `${name}: ${child.stack.name} stack (${child.stack.description}), nested in template.yaml`,
        root: false,
        stack: child.stack.name,
        parameters: child.parameters,
        mapping: child.mapping,
        conditions: child.conditions,
        resources: child.resources,
        outputs: child.outputs,
      });
      nested[child.path] = printTemplate(tree, child.comments);
    }
    const rootComments: Record<string, string> = {};
    for (const [key, comment] of Object.entries(ctx.template.comments))
      if (key.startsWith('Parameters.')) rootComments[key] = comment;
    for (const child of split.children)
      rootComments[`Resources.${child.logicalId}`] =
        `${child.stack.name}: ${child.stack.description} (${child.resources.size} resources)`;
    template = printTemplate(
      templateTree(graph, ctx, {
        description: [graph.design.name, graph.design.description]
          .filter((text) => text.trim() !== '')
          .join(': '),
        root: true,
        parameters: split.parameters,
        conditions: new Map(),
        resources: split.resources,
        outputs: split.outputs,
      }),
      rootComments,
      size,
    );
  } else {
    template = printTemplate(templateTree(graph, ctx), ctx.template.comments, size);
  }
  const files: GeneratedFiles = {};
  files['README.md'] = renderReadme(graph, ctx, size.utf8Bytes, split);
  // A split design's root takes only what the nested templates' mappings do not hold.
  const rootParameters = split?.parameters ?? ctx.template.parameters;
  for (const env of environments) {
    const parameters = [...rootParameters.keys()].map((name) => ({
      ParameterKey: name,
      // A kept parameter's Default may be a number: parameter files hold text.
      ParameterValue: String(
        ctx.parameterValues.get(name)?.[env] ?? ctx.template.parameters.get(name)!.Default ?? '',
      ),
    }));
    files[`parameters/${windowsSafeStem(env)}.json`] = `${JSON.stringify(parameters, null, 2)}\n`;
  }
  Object.assign(files, nested);
  files['template.yaml'] = template;
  return files;
}
