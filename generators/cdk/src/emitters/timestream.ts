/** Timestream databases. */
import type { ComponentEmitter } from './types.ts';
import { lit, member, newExpr, obj, thisExpr } from '../ts/ast.ts';
import { acknowledgeDesignRisks, kmsKey } from './common.ts';

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
        thisExpr,
        lit(component.names.logicalId),
        obj({ kmsKeyId: member(key, 'keyArn') }),
      ),
    );
    const table = ctx.declare(
      `${ctx.variableName(component)}Table`,
      newExpr(
        ctx.api('timestream', 'CfnTable'),
        thisExpr,
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
    acknowledgeDesignRisks(ctx, component, database);
    ctx.register(component.id, {
      construct: database,
      attributes: { arn: member(database, 'attrArn'), name: member(database, 'ref') },
      extras: { table },
    });
  },
};
