/** What the database emitters (rds.ts, aurora.ts, neptune.ts) share: the subnet group, log types. */
import type { ResolvedComponent } from '@archgen/infra';
import { type Expr, attr, block, ref, str } from '../hcl/ast.ts';
import type { TfContext } from '../context.ts';
import { placementSubnets, tags } from './common.ts';

export function subnetGroup(ctx: TfContext, type: string, c: ResolvedComponent): Expr {
  ctx.add(
    'data.tf',
    block(
      'resource',
      [type, c.names.tfName],
      [
        attr('name', ctx.physicalName(c.names.slug, 255)),
        attr('description', str(`Subnets of ${c.names.display}`.slice(0, 255))),
        attr('subnet_ids', placementSubnets(ctx, c)),
        tags(c.names.display),
      ],
    ),
  );
  return ref(`${type}.${c.names.tfName}.name`);
}

export const MYSQL_LOGS = ['error', 'general', 'slowquery'];
