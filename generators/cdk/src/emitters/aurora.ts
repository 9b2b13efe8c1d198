/** Aurora clusters, in isolated subnets. */
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, arrow, binary, call, cond, id, lit, member, newExpr, obj, ref, template } from '../ts/ast.ts';
import {
  acknowledgeDefaultPort,
  acknowledgeDesignRisks,
  engineVersion,
  managedCredentials,
  registerManagedSecret,
  acknowledgeUnprotected,
  deletionProtectionOf,
  protectionPolicy,
  requireResolved,
  resolvedScalar,
  securityGroupOf,
  subnetSelection,
  vpcOf,
  encryptionKey,
} from './common.ts';

export const auroraEmitter: ComponentEmitter = {
  emit(component, ctx) {
    // The databases' only customer managed key is a drawn one (encrypt-with).
    const drawnKey = encryptionKey(ctx, component)?.key;
    const name = ctx.variableName(component);
    const mysql = ctx.str(component, 'engine') === 'aurora-mysql';
    ctx.section(`${component.names.logicalId}: Aurora ${mysql ? 'MySQL' : 'PostgreSQL'} cluster.`);
    const version = engineVersion(ctx, component, (full, major) =>
      call(
        ctx.api('rds', mysql ? 'AuroraMysqlEngineVersion.of' : 'AuroraPostgresEngineVersion.of'),
        lit(full),
        lit(major),
      ),
    );
    const engine = call(
      ctx.api('rds', mysql ? 'DatabaseClusterEngine.auroraMysql' : 'DatabaseClusterEngine.auroraPostgres'),
      obj({ version }),
    );
    const publiclyAccessible = resolvedScalar(
      ctx,
      component,
      'PubliclyAccessible',
      requireResolved(component.publiclyAccessible, component, 'publiclyAccessible'),
      'publicly accessible',
    );
    // Serverless v2 or provisioned instances, per environment (config picks where they differ).
    const serverless = ctx.derive(
      component,
      'serverlessV2',
      'Serverless v2 instances (else provisioned)',
      (env) => ctx.valueIn(component, 'capacity', env) === 'serverless-v2',
    );
    const whereServerless = (whenTrue: Expr | undefined, whenFalse: Expr | undefined): Expr | undefined =>
      serverless.kind === 'literal'
        ? serverless.value
          ? whenTrue
          : whenFalse
        : cond(serverless, whenTrue ?? lit(undefined), whenFalse ?? lit(undefined));
    const instance = (instanceId: Expr, reader: boolean): Expr =>
      whereServerless(
        call(
          ctx.api('rds', 'ClusterInstance.serverlessV2'),
          instanceId,
          obj({ scaleWithWriter: reader ? lit(true) : undefined, publiclyAccessible }),
        ),
        call(
          ctx.api('rds', 'ClusterInstance.provisioned'),
          instanceId,
          obj({
            publiclyAccessible,
            instanceType: ctx.choose(component, 'instanceClass', (v) =>
              newExpr(ctx.api('ec2', 'InstanceType'), lit(String(v ?? '').replace(/^db\./, ''))),
            ),
          }),
        ),
      ) as Expr;
    const readerCount = ctx.value(component, 'readers');
    // A count from config: as many readers as the environment's config says.
    const readers =
      readerCount.kind === 'literal'
        ? arr(
            Array.from({ length: typeof readerCount.value === 'number' ? readerCount.value : 0 }, (_, i) =>
              instance(lit(`reader${i + 1}`), true),
            ),
          )
        : call(
            ref('Array.from'),
            obj({ length: readerCount }),
            arrow(['_', 'i'], instance(template('reader', binary('+', id('i'), lit(1))), true)),
          );
    const deletionProtection = deletionProtectionOf(ctx, component);
    const cluster = ctx.declare(
      name,
      newExpr(
        ctx.api('rds', 'DatabaseCluster'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          engine,
          writer: instance(lit('writer'), false),
          readers,
          serverlessV2MinCapacity: whereServerless(ctx.value(component, 'minAcu'), undefined),
          serverlessV2MaxCapacity: whereServerless(ctx.value(component, 'maxAcu'), undefined),
          vpc: vpcOf(ctx, component),
          vpcSubnets: subnetSelection(component),
          securityGroups: securityGroupOf(ctx, component)
            ? arr([securityGroupOf(ctx, component) as Expr])
            : undefined,
          ...managedCredentials(ctx, component),
          // A drawn key (encrypt-with) encrypts the storage in every environment.
          storageEncrypted: drawnKey ? lit(true) : ctx.value(component, 'storageEncrypted'),
          storageEncryptionKey: drawnKey,
          backup: obj({ retention: ctx.duration('days', ctx.value(component, 'backupRetentionDays')) }),
          deletionProtection,
          iamAuthentication: ctx.value(component, 'iamAuth'),
          cloudwatchLogsExports: arr(
            (mysql ? ['audit', 'error', 'general', 'slowquery'] : ['postgresql']).map((l) => lit(l)),
          ),
          backtrackWindow: mysql ? whereServerless(undefined, ctx.duration('hours', lit(24))) : undefined,
          removalPolicy: protectionPolicy(ctx, component),
        }),
      ),
    );
    acknowledgeDefaultPort(ctx, cluster, 'AwsSolutions-RDS11');
    acknowledgeUnprotected(ctx, component, deletionProtection, cluster, 'AwsSolutions-RDS10');
    if (mysql && !(serverless.kind === 'literal' && !serverless.value))
      ctx.when(serverless.kind === 'literal' ? undefined : serverless, () =>
        ctx.acknowledge(
          cluster,
          'AwsSolutions-RDS14',
          'Aurora Serverless v2 does not support Backtrack; point-in-time restore covers recovery.',
        ),
      );
    acknowledgeDesignRisks(ctx, component, cluster);
    registerManagedSecret(ctx, component, cluster);
    ctx.register(component.id, {
      construct: cluster,
      attributes: {
        arn: member(cluster, 'clusterArn'),
        id: member(cluster, 'clusterIdentifier'),
        endpoint: member(member(cluster, 'clusterEndpoint'), 'hostname'),
        port: ctx.asString(member(member(cluster, 'clusterEndpoint'), 'port')),
      },
    });
  },
};
