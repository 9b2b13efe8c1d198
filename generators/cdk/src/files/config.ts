/** lib/config.ts: the typed per-environment config holding every value that differs. */
import type { ResolvedGraph } from '@archgen/infra';
import type { ConfigEntry } from '../context.ts';
import type { Stmt } from '../ts/ast.ts';
import { constDecl, doc, blank, json, lit, obj, typeLit, typeRef, union } from '../ts/ast.ts';

export function buildConfig(graph: ResolvedGraph, entries: ConfigEntry[]): Stmt[] {
  const envType = union(graph.environments.map((e) => typeLit(e)));
  const members = [
    { name: 'region', type: typeRef('string'), doc: 'AWS region of the stack.' },
    {
      name: 'account',
      type: typeRef('string'),
      optional: true,
      doc: "AWS account id; unset = the CLI's current account.",
    },
    ...entries.map((e) => ({ name: e.key, type: typeRef(e.type), doc: e.doc })),
  ];
  const values = graph.environments.map((env) => [
    env,
    obj([
      ['region', lit(graph.design.region)],
      ...entries.map((e): [string, ReturnType<typeof json>] => [e.key, json(e.byEnv[env] ?? null)]),
    ]),
  ]) as [string, ReturnType<typeof obj>][];
  return [
    doc(
      'Per-environment values of the design. Everything that differs between environments is here;\nthe stack reads it from its `config` prop.',
    ),
    blank,
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
