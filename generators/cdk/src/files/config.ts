/** lib/config.ts: the typed per-environment config holding every value that differs. */
import type { ResolvedGraph } from '@archgen/infra';
import { compareIds, regionOf } from '@archgen/infra';
import type { ConfigEntry, ModuleAlias } from '../context.ts';
import { MODULES } from '../context.ts';
import type { Expr, Stmt } from '../ts/ast.ts';
import { constDecl, doc, blank, importNamespace, lit, obj, typeLit, typeRef, union } from '../ts/ast.ts';

export function buildConfig(
  graph: ResolvedGraph,
  entries: ConfigEntry[],
  modules: Iterable<ModuleAlias>,
): Stmt[] {
  const envType = union(graph.environments.map((e) => typeLit(e)));
  const members = [
    { name: 'region', type: typeRef('string'), doc: 'AWS region of the stack.' },
    {
      name: 'account',
      type: typeRef('string'),
      optional: true,
      doc: "AWS account id; unset = the CLI's current account.",
    },
    ...entries.map((e) => ({
      name: e.key,
      type: e.type,
      optional: e.optional,
      doc: e.optional ? `${e.doc} (unset: none)` : e.doc,
    })),
  ];
  const values = graph.environments.map((env) => [
    env,
    obj([
      // The environment's region (graph.regions); bin/app.ts pins the stack to it.
      ['region', lit(regionOf(graph, env))],
      // bin/app.ts pins the stack to it: CDK refuses to deploy the stack into another account.
      ['account', graph.accounts?.[env] === undefined ? undefined : lit(graph.accounts[env])],
      ...entries.map((e): [string, Expr | undefined] => [e.key, e.byEnv[env]]),
    ]),
  ]) as [string, Expr][];
  const imports = [...modules]
    .sort((a, b) => compareIds(MODULES[a], MODULES[b]))
    .map((alias) => importNamespace(alias, MODULES[alias]));
  return [
    doc(
      'Per-environment values of the design. Everything that differs between environments is here;\nthe stack reads it from its `config` prop, so a value changed here is what that environment deploys.',
    ),
    blank,
    ...(imports.length ? [...imports, blank] : []),
    { kind: 'typeAlias', name: 'EnvName', type: envType, exported: true },
    blank,
    { kind: 'interface', name: 'StackConfig', exported: true, members },
    blank,
    constDecl('environments', obj(values), {
      type: typeRef('Record', typeRef('EnvName'), typeRef('StackConfig')),
      exported: true,
    }),
  ];
}
