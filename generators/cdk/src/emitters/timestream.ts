/** Timestream databases. */
import type { ComponentEmitter } from './types.ts';
import { call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, kmsKey, protectionPolicy } from './common.ts';

export const timestreamEmitter: ComponentEmitter = {
  emit(component, ctx) {
    ctx.section(
      `${component.names.logicalId}: Timestream has no L2 construct in aws-cdk-lib, so these are L1 (Cfn*) resources.`,
    );
    const key = kmsKey(ctx, component, 'Encryption key');
    const database = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('timestream', 'CfnDatabase'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({ kmsKeyId: member(key, 'keyArn') }),
      ),
    );
    const table = ctx.declare(
      `${ctx.variableName(component)}Table`,
      newExpr(
        ctx.api('timestream', 'CfnTable'),
        ctx.scope,
        lit(`${component.names.logicalId}Table`),
        obj({
          databaseName: member(database, 'ref'),
          // retentionProperties is untyped in the L1: keys use CloudFormation's PascalCase.
          retentionProperties: obj({
            MemoryStoreRetentionPeriodInHours: ctx.asString(ctx.value(component, 'memoryRetentionHours')),
            MagneticStoreRetentionPeriodInDays: ctx.asString(ctx.value(component, 'magneticRetentionDays')),
          }),
        }),
      ),
    );
    // L1 resources: the same removal policy as the other targets' DeletionPolicy (protection.ts).
    for (const resource of [database, table])
      ctx.expr(call(member(resource, 'applyRemovalPolicy'), protectionPolicy(ctx, component)));
    acknowledgeDesignRisks(ctx, component, database);
    ctx.register(component.id, {
      construct: database,
      attributes: { arn: member(database, 'attrArn'), name: member(database, 'ref') },
      extras: { table },
    });
  },
};
