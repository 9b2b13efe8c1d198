/** The fixed files around the resources: versions, providers, variables, outputs, tfvars, README. */
import type { ResolvedGraph } from '@archgen/infra';
import {
  ENVIRONMENT_TAG_KEY,
  MANAGED_BY_TAG_KEY,
  MANAGED_BY_TAG_VALUE,
  compareIds,
  regionOf,
  regionsVary,
  zonesIn,
} from '@archgen/infra';
import {
  type BodyItem,
  type Expr,
  attr,
  binary,
  block,
  call,
  literal,
  num,
  obj,
  ref,
  str,
} from './hcl/ast.ts';
import type { TfContext } from './context.ts';

export function versionsFile(): BodyItem[] {
  return [
    block(
      'terraform',
      [],
      [
        attr('required_version', str('>= 1.5')),
        block(
          'required_providers',
          [],
          [attr('aws', obj({ source: str('hashicorp/aws'), version: str('~> 5.100') }))],
        ),
      ],
    ),
  ];
}

/** Whether the design names an account for some environment (allowed_account_ids applies). */
export function pinsAccounts(graph: ResolvedGraph): boolean {
  return Object.keys(graph.accounts ?? {}).length > 0;
}

export function providersFile(graph: ResolvedGraph): BodyItem[] {
  // The lowering already left out design tags that collide with ours (text.ts in @archgen/infra).
  const designTags: [string, Expr][] = Object.keys(graph.tags)
    .sort((a, b) => compareIds(a, b))
    .map((k) => [k, str(graph.tags[k]!)]);
  return [
    block(
      'provider',
      ['aws'],
      [
        attr('region', ref('var.region')),
        // The provider refuses credentials of any other account (an empty list allows any).
        pinsAccounts(graph) && attr('allowed_account_ids', ref('var.allowed_account_ids')),
        block(
          'default_tags',
          [],
          [
            attr(
              'tags',
              obj([
                ...designTags,
                [ENVIRONMENT_TAG_KEY, ref('var.environment')],
                [MANAGED_BY_TAG_KEY, str(MANAGED_BY_TAG_VALUE)],
              ]),
            ),
          ],
        ),
      ],
    ),
  ];
}

/** The VPC with the most AZs, whose zones the one availability_zones variable lists. */
function widestVpc(graph: ResolvedGraph): ResolvedGraph['vpcs'][number] | undefined {
  const maxAzs = Math.max(0, ...graph.vpcs.map((v) => v.azCount));
  return graph.vpcs.find((v) => v.azCount === maxAzs);
}

/** An environment's availability_zones: its own region's default zone names. */
function environmentZones(graph: ResolvedGraph, env: string): string[] {
  const vpc = widestVpc(graph);
  return vpc ? zonesIn(vpc, env) : [];
}

export function variablesFile(ctx: TfContext): BodyItem[] {
  const graph = ctx.graph;
  const maxAzs = Math.max(0, ...graph.vpcs.map((v) => v.azCount));
  const defaultAzs = widestVpc(graph)?.availabilityZones ?? [];
  const items: BodyItem[] = [
    block(
      'variable',
      ['environment'],
      [
        attr('description', str('Environment to deploy; selects environments/<name>.tfvars')),
        attr('type', ref('string')),
        block(
          'validation',
          [],
          [
            attr('condition', call('contains', literal(ctx.environments), ref('var.environment'))),
            attr('error_message', str(`Environment must be one of: ${ctx.environments.join(', ')}.`)),
          ],
        ),
      ],
    ),
    block(
      'variable',
      ['region'],
      [
        attr('description', str('AWS region')),
        attr('type', ref('string')),
        attr('default', str(graph.design.region)),
      ],
    ),
  ];
  if (maxAzs > 0) {
    items.push(
      block(
        'variable',
        ['availability_zones'],
        [
          attr(
            'description',
            str(
              `Availability zones, in subnet order; defaults are ${graph.design.region}'s (no AWS lookup at plan time)`,
            ),
          ),
          attr('type', typeExpr('list(string)')),
          attr('default', literal(defaultAzs)),
          block(
            'validation',
            [],
            [
              attr('condition', binary(call('length', ref('var.availability_zones')), '>=', num(maxAzs))),
              attr('error_message', str(`At least ${maxAzs} availability zones are needed.`)),
            ],
          ),
        ],
      ),
    );
  }
  const specs = [...ctx.variables.values()].sort((a, b) => compareIds(a.name, b.name));
  for (const v of specs) {
    items.push(
      block(
        'variable',
        [v.name],
        [
          attr('description', str(v.description)),
          attr('type', typeExpr(v.type)),
          v.default !== undefined && attr('default', v.default),
          v.sensitive && attr('sensitive', literal(true)),
          v.validation &&
            block(
              'validation',
              [],
              [attr('condition', v.validation.condition), attr('error_message', str(v.validation.message))],
            ),
        ],
      ),
    );
  }
  items.push(
    block(
      'locals',
      [],
      ctx.locals.map(([name, value]) => attr(name, value)),
    ),
  );
  return items;
}

/** A variable type constraint: string, number, bool, any or list(<type>). */
function typeExpr(type: string): Expr {
  const inner = /^list\((string|number|any)\)$/.exec(type);
  if (inner) return call('list', ref(inner[1]!));
  if (!/^(string|number|bool|any)$/.test(type)) throw new Error(`Unsupported variable type ${type}`);
  return ref(type);
}

export function outputsFile(ctx: TfContext): BodyItem[] {
  return [...ctx.outputs]
    .sort((a, b) => compareIds(a.name, b.name))
    .map((o) => block('output', [o.name], [attr('description', str(o.description)), attr('value', o.value)]));
}

export function tfvarsFile(ctx: TfContext, env: string): BodyItem[] {
  // The provider deploys into var.region: each environment's own (graph.regions).
  const items: BodyItem[] = [attr('environment', str(env))!, attr('region', str(regionOf(ctx.graph, env)))!];
  // Zone names belong to a region: an environment elsewhere than the design names its own.
  if (regionsVary(ctx.graph)) {
    const zones = environmentZones(ctx.graph, env);
    if (zones.length > 0) items.push(attr('availability_zones', literal(zones))!);
  }
  const specs = [...ctx.variables.values()].filter((v) => v.byEnv).sort((a, b) => compareIds(a.name, b.name));
  for (const v of specs) items.push(attr(v.name, v.byEnv![env] ?? literal(null))!);
  return items;
}
