/**
 * Secrets Manager secret. A database's credentials secret is the one RDS manages itself
 * (manage_master_user_password), so it is referenced, not created, and RDS rotates it.
 */
import type { ResolvedComponent } from '@archgen/infra';
import { type Expr, attr, index, num, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import { skip, tags } from './common.ts';

const MANAGED_BY: Record<string, string> = { rds: 'aws_db_instance', aurora: 'aws_rds_cluster' };

/** The database whose master password this secret holds, if any. */
function databaseOf(ctx: TfContext, c: ResolvedComponent): ResolvedComponent | undefined {
  const db = ctx.graph.components.find((d) => d.secretId === c.id) ?? ctx.findComponent(c.derived?.from);
  return db && MANAGED_BY[db.type] ? db : undefined;
}

export const secretEmitter: ComponentEmitter = {
  refs: (ctx, c) => {
    const db = databaseOf(ctx, c);
    if (db) {
      const arn: Expr = index(ref(`${MANAGED_BY[db.type]}.${db.names.tfName}.master_user_secret`), num(0), 'secret_arn');
      return { arn, id: arn };
    }
    const a = `aws_secretsmanager_secret.${c.names.tfName}`;
    return { arn: ref(`${a}.arn`), id: ref(`${a}.id`), name: ref(`${a}.name`) };
  },
  emit(ctx, c) {
    if (databaseOf(ctx, c)) return;
    const rotation = ctx.num(c, 'rotationDays', 30);
    ctx.add(
      'data.tf',
      ctx.resource('aws_secretsmanager_secret', c.names.tfName, c, [
        skip(
          'CKV2_AWS_57',
          rotation > 0
            ? `rotation every ${rotation} days needs a rotation function for this secret's kind; none exists in the design (SM-01)`
            : 'rotation is off in the design (SM-01)',
        ),
        skip('CKV_AWS_149', 'encrypted with the AWS managed key for Secrets Manager'),
        attr('name', ctx.physicalName(c.names.slug, 512)),
        attr('description', str((ctx.text(c, 'description', '') || c.names.display).slice(0, 2048))),
        attr('recovery_window_in_days', num(7)),
        tags(c.names.display),
      ]),
    );
  },
};
