/**
 * Secrets Manager secret.
 * - A database's credentials: the secret RDS manages itself (manage_master_user_password), so it
 *   is referenced, not created, and RDS rotates it.
 * - A Redis AUTH token: Terraform cannot generate one offline without another provider, so Redis
 *   uses IAM authentication instead (elasticache.ts) and this secret tells clients the IAM user.
 * - Anything else: an empty secret for the application to fill.
 */
import type { ResolvedComponent } from '@archgen/infra';
import { type Expr, attr, block, index, num, ref } from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import { jsonencode, skip, tags } from './common.ts';
import { redisAppUser } from './relationships.ts';

/** The resource that holds a managed secret, per database type. */
const MANAGED_BY: Record<string, string> = { rds: 'aws_db_instance', aurora: 'aws_rds_cluster' };

function ownerOf(ctx: TfContext, c: ResolvedComponent): ResolvedComponent | undefined {
  return ctx.secretUser(c.id) ?? ctx.findComponent(c.derived?.from);
}

/** The database that manages this secret (the lowering's managedByDatabase), if any. */
function databaseOf(ctx: TfContext, c: ResolvedComponent): ResolvedComponent | undefined {
  if (!c.managedByDatabase) return undefined;
  const db = ctx.findComponent(c.managedByDatabase);
  if (!db || !MANAGED_BY[db.type]) throw new Error(`secret "${c.id}" is managed by an unknown database`);
  return db;
}

/** The ARN of the secret the database manages itself, when this secret is one. */
function managedSecretArn(ctx: TfContext, c: ResolvedComponent): Expr | undefined {
  const db = databaseOf(ctx, c);
  if (!db) return undefined;
  return index(ref(`${MANAGED_BY[db.type]}.${db.names.tfName}.master_user_secret`), num(0), 'secret_arn');
}

export const secretEmitter: ComponentEmitter = {
  references: {
    arn: (name, c, ctx) => managedSecretArn(ctx, c) ?? ref(`aws_secretsmanager_secret.${name}.arn`),
    id: (name, c, ctx) => managedSecretArn(ctx, c) ?? ref(`aws_secretsmanager_secret.${name}.id`),
    // The secret RDS manages has no name attribute to reference.
    name: (name, c, ctx) => (databaseOf(ctx, c) ? undefined : ref(`aws_secretsmanager_secret.${name}.name`)),
  },
  emit(c, ctx) {
    if (databaseOf(ctx, c)) return;
    // Only the checkov comment reads it, so a value that differs per environment is just named.
    const rotates = ctx.some(c, 'rotationDays', (v) => typeof v === 'number' && v > 0);
    const rotation = ctx.varies(c, 'rotationDays')
      ? 'rotation (set per environment)'
      : `rotation every ${ctx.num(c, 'rotationDays')} days`;
    const owner = ownerOf(ctx, c);
    const cache = owner?.type === 'elasticache' ? owner : undefined;
    const ack = ctx.acknowledgements(c);
    const rotationSkip = ack.inner.some(
      (i) => i.kind === 'comment' && i.text.startsWith('checkov:skip=CKV2_AWS_57'),
    )
      ? undefined
      : skip(
          'CKV2_AWS_57',
          rotates
            ? `${rotation} needs a rotation function for this secret's kind; none exists in the design (SM-01)`
            : 'rotation is off in the design (SM-01)',
        );
    ctx.add(
      'data.tf',
      ctx.resource('aws_secretsmanager_secret', c.names.tfName, c, [
        rotationSkip,
        skip('CKV_AWS_149', 'encrypted with the AWS managed key for Secrets Manager'),
        attr('name', ctx.physicalName(c.names.slug, 512)),
        attr(
          'description',
          ctx.prop(c, 'description', (v) => (String(v ?? '') || c.names.display).slice(0, 2048)),
        ),
        attr('recovery_window_in_days', num(7)),
        tags(c.names.display),
      ]),
    );
    if (cache) {
      ctx.add(
        'data.tf',
        block(
          'resource',
          ['aws_secretsmanager_secret_version', c.names.tfName],
          [
            attr('secret_id', ref(`aws_secretsmanager_secret.${c.names.tfName}.id`)),
            attr('secret_string', jsonencode({ authentication: 'iam', username: redisAppUser(cache) })),
          ],
          ['Redis authenticates with IAM here: clients sign a token for this user (elasticache:Connect).'],
        ),
      );
    }
  },
};
