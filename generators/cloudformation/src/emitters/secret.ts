/**
 * Secrets Manager secret. Database credentials are the database's own: RDS and Aurora manage the
 * master password (ManageMasterUserPassword) in a secret they rotate themselves, so the lowering's
 * credentials secret resolves to that one and emits nothing here. Other secrets are generated
 * (ElastiCache AUTH tokens) or filled in after deployment.
 */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';
import { managedDatabaseOf } from './relationships.ts';

export const secretEmitter: ComponentEmitter = {
  references: {
    arn: (id, secret, ctx) => {
      const database = managedDatabaseOf(secret, ctx);
      return database ? getAtt(database.names.logicalId, 'MasterUserSecret.SecretArn') : ref(id);
    },
    name: (id) => ref(id),
  },
  emit(secret, ctx) {
    if (managedDatabaseOf(secret, ctx)) return;
    const generated = secret.generatedSecret;
    const rotationReason =
      'No rotation function exists for a secret of unknown shape: rotate it with a Lambda written for the service that uses it';
    const rotates = Object.values(ctx.perEnvironment(secret, 'rotationDays')).some(
      (days) => Number(days) > 0,
    );
    ctx.template.addResource(secret.names.logicalId, {
      Type: 'AWS::SecretsManager::Secret',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Metadata: ctx.metadata(secret.acknowledgements, [
        {
          id: 'CKV2_AWS_57',
          reason: rotates ? `${rotationReason} (the design asks for rotation)` : rotationReason,
        },
        { id: 'CNAG W77', reason: 'Encrypted with the AWS-managed key: only this account uses the secret' },
      ]),
      Properties: {
        Description: ctx.value(secret, 'description', (text) =>
          typeof text === 'string' && text !== '' ? text.slice(0, 2048) : undefined,
        ),
        GenerateSecretString: generated
          ? {
              PasswordLength: generated.passwordLength,
              ExcludeCharacters: generated.excludeCharacters,
              ExcludePunctuation: generated.username ? undefined : true,
              SecretStringTemplate: generated.username
                ? JSON.stringify({ username: generated.username })
                : undefined,
              GenerateStringKey: generated.username ? 'password' : undefined,
            }
          : undefined,
        Tags: ctx.tags(secret.names.display),
      },
    });
  },
};
