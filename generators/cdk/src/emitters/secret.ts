/** Secrets Manager secrets. */
import type { ResolvedComponent, ResolvedGraph } from '@archgen/infra';
import type { ComponentEmitter } from './types.ts';
import { arr, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, nagRuleIds } from './common.ts';
import { plainText } from '../naming.ts';

/** The database (or cache) whose credentials this secret holds, if the lowering derived it for one. */
export function databaseOfSecret(
  graph: ResolvedGraph,
  secret: ResolvedComponent,
): ResolvedComponent | undefined {
  return graph.components.find((c) => c.secretId === secret.id);
}

/** Secrets Manager's longest secret name. */
const SECRET_NAME_MAX = 512;

/** The slug cut so that prefix, slug, "-" and the stack's UUID (36) fit a secret name. */
function nameStem(component: ResolvedComponent, prefix: string): string {
  return component.names.slug.slice(0, Math.max(1, SECRET_NAME_MAX - prefix.length - 37)).replace(/-+$/, '');
}

export const secretEmitter: ComponentEmitter = {
  // A database's managed secret is registered by the database (managedCredentials).
  dependencies: (component) => (component.managedByDatabase ? [component.managedByDatabase] : []),
  emit(component, ctx) {
    if (component.managedByDatabase) return;
    const database = databaseOfSecret(ctx.graph, component);
    const isCache = database?.type === 'elasticache';
    const generated = component.generatedSecret;
    const generateSecretString = generated
      ? obj({
          secretStringTemplate: generated.username
            ? lit(JSON.stringify({ username: generated.username }))
            : undefined,
          generateStringKey: generated.username ? lit('password') : undefined,
          passwordLength: lit(generated.passwordLength),
          excludeCharacters: generated.excludeCharacters ? lit(generated.excludeCharacters) : undefined,
        })
      : undefined;
    const secret = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('secretsmanager', 'Secret'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          description: ctx.has(component, 'description')
            ? ctx.choose(component, 'description', (v) =>
                lit(plainText((typeof v === 'string' && v) || component.names.display, 2048)),
              )
            : lit(plainText(component.names.display, 2048)),
          // A service that finds the secret by its name (MSK: "AmazonMSK_...") gets that prefix,
          // then the slug and the stack's UUID, as in the CloudFormation template.
          secretName: component.physicalNamePrefix
            ? call(
                member(ctx.core('Fn'), 'join'),
                lit(''),
                arr([
                  lit(`${component.physicalNamePrefix}${nameStem(component, component.physicalNamePrefix)}-`),
                  call(
                    member(ctx.core('Fn'), 'select'),
                    lit(2),
                    call(member(ctx.core('Fn'), 'split'), lit('/'), member(ctx.scope, 'stackId')),
                  ),
                ]),
              )
            : undefined,
          encryptionKey: component.encryption?.keyId
            ? ctx.handle(component.encryption.keyId).construct
            : undefined,
          generateSecretString,
        }),
      ),
    );
    const rotationDays = ctx.has(component, 'rotationDays') ? ctx.values(component, 'rotationDays') : [];
    const rotated = rotationDays.some((d) => typeof d === 'number' && d > 0);
    const every = new Set(rotationDays).size === 1 ? `every ${String(rotationDays[0])} days ` : '';
    const designAcknowledges = component.acknowledgements.some((a) =>
      nagRuleIds(a.equivalents).includes('AwsSolutions-SMG4'),
    );
    if (rotated && !designAcknowledges) {
      ctx.acknowledge(
        secret,
        'AwsSolutions-SMG4',
        isCache
          ? 'ElastiCache AUTH tokens rotate through modify-replication-group, which has no hosted rotation; rotate with a custom function.'
          : `Application secret: rotation ${every}needs an application-specific function (secret.addRotationSchedule).`,
      );
    }
    acknowledgeDesignRisks(ctx, component, secret);
    ctx.register(component.id, {
      construct: secret,
      attributes: { arn: member(secret, 'secretArn'), name: member(secret, 'secretName') },
    });
  },
};
