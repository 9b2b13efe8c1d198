/** RDS instances, in isolated subnets. */
import type { PropertyValue } from '@archgen/model';
import type { ComponentEmitter } from './types.ts';
import type { Expr } from '../ts/ast.ts';
import { arr, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import {
  PER_ENVIRONMENT,
  acknowledgeDefaultPort,
  acknowledgeDesignRisks,
  acknowledgeWhere,
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

export const rdsEmitter: ComponentEmitter = {
  emit(component, ctx) {
    // The databases' only customer managed key is a drawn one (encrypt-with).
    const drawnKey = encryptionKey(ctx, component)?.key;
    const name = ctx.variableName(component);
    ctx.section(`${component.names.logicalId}: RDS ${ctx.str(component, 'engine')} instance.`);
    const engine = ctx.str(component, 'engine') === 'mysql' ? 'mysql' : 'postgres';
    const version = engineVersion(ctx, component, (full, major) =>
      call(
        ctx.api('rds', engine === 'mysql' ? 'MysqlEngineVersion.of' : 'PostgresEngineVersion.of'),
        lit(full),
        lit(major),
      ),
    );
    const engineExpr = call(
      ctx.api('rds', engine === 'mysql' ? 'DatabaseInstanceEngine.mysql' : 'DatabaseInstanceEngine.postgres'),
      obj({ version }),
    );
    const instanceClass = ctx.choose(component, 'instanceClass', (v) =>
      newExpr(ctx.api('ec2', 'InstanceType'), lit(String(v).replace(/^db\./, ''))),
    );
    const port = ctx.value(component, 'port');
    const deletionProtection = deletionProtectionOf(ctx, component);
    const db = ctx.declare(
      name,
      newExpr(
        ctx.api('rds', 'DatabaseInstance'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          engine: engineExpr,
          instanceType: instanceClass,
          vpc: vpcOf(ctx, component),
          vpcSubnets: subnetSelection(component),
          securityGroups: securityGroupOf(ctx, component)
            ? arr([securityGroupOf(ctx, component) as Expr])
            : undefined,
          ...managedCredentials(ctx, component),
          port,
          multiAz: ctx.value(component, 'multiAz'),
          allocatedStorage: ctx.value(component, 'allocatedStorageGb'),
          storageType: ctx.api('rds', 'StorageType.GP3'),
          // A drawn key (encrypt-with) encrypts the storage in every environment.
          storageEncrypted: drawnKey ? lit(true) : ctx.value(component, 'storageEncrypted'),
          storageEncryptionKey: drawnKey,
          backupRetention: ctx.duration('days', ctx.value(component, 'backupRetentionDays')),
          deletionProtection,
          iamAuthentication: ctx.value(component, 'iamAuth'),
          publiclyAccessible: resolvedScalar(
            ctx,
            component,
            'PubliclyAccessible',
            requireResolved(component.publiclyAccessible, component, 'publiclyAccessible'),
            'publicly accessible',
          ),
          cloudwatchLogsExports: arr(
            (engine === 'mysql' ? ['error', 'general', 'slowquery'] : ['postgresql', 'upgrade']).map((l) =>
              lit(l),
            ),
          ),
          enablePerformanceInsights: lit(true),
          autoMinorVersionUpgrade: lit(true),
          removalPolicy: protectionPolicy(ctx, component),
        }),
      ),
    );
    acknowledgeDefaultPort(ctx, db, 'AwsSolutions-RDS11');
    const isFalse = (v: PropertyValue) => v === false;
    acknowledgeWhere(ctx, component, 'multiAz', isFalse, db, 'AwsSolutions-RDS3', PER_ENVIRONMENT);
    acknowledgeUnprotected(ctx, component, deletionProtection, db, 'AwsSolutions-RDS10');
    acknowledgeDesignRisks(ctx, component, db);
    registerManagedSecret(ctx, component, db);
    ctx.register(component.id, {
      construct: db,
      attributes: {
        arn: member(db, 'instanceArn'),
        id: member(db, 'instanceIdentifier'),
        endpoint: member(db, 'dbInstanceEndpointAddress'),
        port: member(db, 'dbInstanceEndpointPort'),
      },
    });
  },
};
