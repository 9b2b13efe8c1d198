/**
 * The AWS CDK (TypeScript) generator: a complete CDK app from the resolved graph.
 * Pure and deterministic: the same graph gives the same files, byte for byte.
 */
import type { GeneratedFiles, ResolvedGraph } from '@archgen/infra';
import { appNames } from './naming.ts';
import { buildStack } from './stack.ts';
import { buildApp } from './files/app.ts';
import { buildConfig } from './files/config.ts';
import { NAG_HELPER } from './files/nag.ts';
import { SUBNET_CIDRS_HELPER } from './files/subnet-cidrs.ts';
import { LOGICAL_IDS_HELPER } from './files/logical-ids.ts';
import { GITIGNORE, cdkJson, packageJson, stackFile, tsconfigJson } from './files/project.ts';
import { buildReadme } from './files/readme.ts';
import { printModule } from './ts/print.ts';

export { EMITTERS } from './emitters/index.ts';

export interface CdkOptions {
  /** Generate only these environments (default: every environment of the graph). */
  environments?: string[];
}

function selectEnvironments(graph: ResolvedGraph, environments: string[] | undefined): ResolvedGraph {
  if (!environments) return graph;
  const unknown = environments.filter((e) => !graph.environments.includes(e));
  if (unknown.length) throw new Error(`Unknown environment(s): ${unknown.join(', ')}`);
  if (environments.length === 0) throw new Error('Select at least one environment');
  const keep = graph.environments.filter((e) => environments.includes(e));
  const pick = <T extends { byEnv: Record<string, unknown> }>(value: T): T => {
    const byEnv = Object.fromEntries(keep.map((e) => [e, value.byEnv[e]]));
    const varies = new Set(Object.values(byEnv).map((v) => JSON.stringify(v))).size > 1;
    return { ...value, byEnv, varies };
  };
  return {
    ...graph,
    environments: keep,
    vpcs: graph.vpcs.map((v) => ({ ...v, natGatewayCount: pick(v.natGatewayCount) })),
    components: graph.components.map((c) => ({
      ...c,
      props: Object.fromEntries(Object.entries(c.props).map(([k, v]) => [k, pick(v)])),
    })),
  };
}

export function generateCdk(graph: ResolvedGraph, options: CdkOptions = {}): GeneratedFiles {
  const selected = selectEnvironments(graph, options.environments);
  const names = appNames(selected.design.slug);
  const stack = buildStack(selected, names);
  const entries = stack.context.configEntries;
  const explicitCidrs = stack.context.usesExplicitSubnetCidrs;
  return {
    '.gitignore': GITIGNORE,
    'README.md': buildReadme(selected, names, entries, { explicitSubnetCidrs: explicitCidrs }),
    'bin/app.ts': printModule(buildApp(selected, names)),
    'cdk.json': cdkJson(selected),
    'lib/config.ts': printModule(buildConfig(selected, entries, stack.context.configModules)),
    ...(stack.context.usesKeptLogicalIds ? { 'lib/logical-ids.ts': LOGICAL_IDS_HELPER } : {}),
    'lib/nag.ts': NAG_HELPER,
    ...(explicitCidrs ? { 'lib/subnet-cidrs.ts': SUBNET_CIDRS_HELPER } : {}),
    [stackFile(names)]: printModule(stack.statements),
    'package.json': packageJson(selected),
    'tsconfig.json': tsconfigJson(),
  };
}
