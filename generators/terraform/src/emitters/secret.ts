/**
 * Secrets Manager secret.
 * - A database's credentials: the secret RDS manages itself (manage_master_user_password), so it
 *   is referenced, not created, and RDS rotates it.
 * - A Redis AUTH token: Terraform cannot generate one offline without another provider, so Redis
 *   uses IAM authentication instead (elasticache.ts) and this secret tells clients the IAM user.
 * - MSK SCRAM credentials: a user name and a password made at creation (see below), named
 *   "AmazonMSK_..." and encrypted with the key the lowering made for them.
 * - Anything else: an empty secret for the application to fill.
 */
import type { ResolvedComponent } from '@archgen/infra';
import { type Expr, attr, block, call, index, list, num, obj, ref, str, tpl } from '../hcl/ast.ts';
import type { ComponentEmitter, TfContext } from '../context.ts';
import { jsonencode, skip, tags } from './common.ts';
import { redisAppUser } from './relationships.ts';

/** Secrets Manager's longest secret name. */
const SECRET_NAME_MAX = 512;

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
    const keyId = c.encryption?.keyId;
    const prefix = c.physicalNamePrefix ?? '';
    ctx.add(
      'data.tf',
      ctx.resource('aws_secretsmanager_secret', c.names.tfName, c, [
        rotationSkip,
        !keyId && skip('CKV_AWS_149', 'encrypted with the AWS managed key for Secrets Manager'),
        // A service that finds the secret by its name (MSK: "AmazonMSK_...") gets that prefix.
        attr(
          'name',
          prefix
            ? tpl(prefix, ctx.physicalName(c.names.slug, SECRET_NAME_MAX - prefix.length))
            : ctx.physicalName(c.names.slug, SECRET_NAME_MAX),
        ),
        attr(
          'description',
          ctx.prop(c, 'description', (v) => (String(v ?? '') || c.names.display).slice(0, 2048)),
        ),
        keyId && attr('kms_key_id', ctx.attribute(keyId, 'arn')),
        attr('recovery_window_in_days', num(7)),
        tags(c.names.display),
      ]),
    );
    const generated = c.generatedSecret;
    if (!cache && generated?.username) {
      // No password generator works offline with the AWS provider alone: random UUIDs
      // (crypto/rand, 32 hex characters each) make the password, set once at creation. The value
      // is in the state, as any secret_string is: keep the state encrypted.
      const hex = () => call('replace', call('uuid'), str('-'), str(''));
      const length = generated.passwordLength;
      const uuids = tpl(...Array.from({ length: Math.ceil(length / 32) }, hex));
      const password = length % 32 === 0 ? uuids : call('substr', uuids, num(0), num(length));
      ctx.add(
        'data.tf',
        block(
          'resource',
          ['aws_secretsmanager_secret_version', c.names.tfName],
          [
            attr('secret_id', ref(`aws_secretsmanager_secret.${c.names.tfName}.id`)),
            attr('secret_string', call('jsonencode', obj({ username: str(generated.username), password }))),
            // uuid() is new on every plan: the password stays what it was made.
            block('lifecycle', [], [attr('ignore_changes', list([ref('secret_string')]))]),
          ],
        ),
      );
    }
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
