/**
 * The `# archgen:layout {...}` line at the top of main.tf: where each node and VPC was drawn,
 * keyed by its primary resource's address (`aws_sqs_queue.orders`), so importing the
 * configuration restores the picture. One line of JSON with sorted keys.
 */
import type { ResolvedComponent, ResolvedGraph } from '@archgen/infra';
import type { Expr } from './hcl/ast.ts';
import type { TfContext } from './context.ts';

const ADDRESS = /^(aws_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)/;

/**
 * A component's primary resource address: a kept resource's own block, else the resource its
 * emitter's references (ARN, id or name, in that order) point at. Undefined when it has none
 * here (a CloudFormation-only kept resource).
 */
export function primaryAddress(c: ResolvedComponent, ctx: TfContext): string | undefined {
  if (c.kept) return c.kept.terraform ? `${c.kept.terraform.type}.${c.names.tfName}` : undefined;
  const references = ctx.emitterFor(c.type).references;
  for (const attribute of ['arn', 'id', 'name'] as const) {
    const expr: Expr | undefined = references[attribute]?.(c.names.tfName, c, ctx);
    const path =
      expr?.kind === 'ref'
        ? expr.path
        : expr?.kind === 'index' && expr.target.kind === 'ref'
          ? expr.target.path
          : undefined;
    const match = path ? ADDRESS.exec(path) : null;
    if (match) return `${match[1]}.${match[2]}`;
  }
  return undefined;
}

type Entries = Record<string, { id: string; x: number; y: number }>;

function sorted(entries: [string | undefined, { id: string; x: number; y: number }][]): Entries {
  const out: Entries = {};
  const named = entries.filter(
    (e): e is [string, { id: string; x: number; y: number }] => e[0] !== undefined,
  );
  for (const [key, p] of named.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    out[key] = { id: p.id, x: p.x, y: p.y };
  return out;
}

/** The comment line (without "# "), or undefined when nothing has a position. */
export function layoutComment(graph: ResolvedGraph, ctx: TfContext): string | undefined {
  const layout = graph.layout;
  if (!layout || layout.nodes.length + layout.vpcs.length === 0) return undefined;
  const components = new Map(graph.components.map((c) => [c.id, c]));
  const vpcs = new Map(graph.vpcs.map((v) => [v.id, v]));
  const nodes = sorted(
    layout.nodes.map((p) => {
      const c = components.get(p.targetId);
      return [c ? primaryAddress(c, ctx) : undefined, p];
    }),
  );
  const vpcEntries = sorted(
    layout.vpcs.map((p) => {
      const vpc = vpcs.get(p.targetId);
      return [vpc ? `aws_vpc.${vpc.names.tfName}` : undefined, p];
    }),
  );
  return `archgen:layout ${JSON.stringify({ nodes, vpcs: vpcEntries })}`;
}
