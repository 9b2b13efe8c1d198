/**
 * Secrets Manager secret. Database credentials are the database's own: RDS and Aurora manage the
 * master password (ManageMasterUserPassword) in a secret they rotate themselves, so the lowering's
 * credentials secret resolves to that one and emits nothing here. Other secrets are generated
 * (ElastiCache AUTH tokens, MSK SCRAM credentials under the key the lowering made for them) or
 * filled in after deployment.
 */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, join, ref } from '../template/intrinsics.ts';
import { stackUniqueName } from './common.ts';
import { managedDatabaseOf } from './relationships.ts';

/** Secrets Manager's longest secret name. */
const SECRET_NAME_MAX = 512;

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
    const keyId = secret.encryption?.keyId;
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
        ...(keyId
          ? []
          : [
              {
                id: 'CNAG W77',
                reason: 'Encrypted with the AWS-managed key: only this account uses the secret',
              },
            ]),
      ]),
      Properties: {
        // A service that finds the secret by its name (MSK: "AmazonMSK_...") gets that prefix.
        Name: secret.physicalNamePrefix
          ? join('', [
              secret.physicalNamePrefix,
              stackUniqueName(secret.names.slug, SECRET_NAME_MAX - secret.physicalNamePrefix.length),
            ])
          : undefined,
        Description: ctx.value(secret, 'description', (text) =>
          typeof text === 'string' && text !== '' ? text.slice(0, 2048) : undefined,
        ),
        KmsKeyId: keyId ? ctx.attribute(keyId, 'arn') : undefined,
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
