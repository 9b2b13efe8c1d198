/**
 * CloudTrail trail: the L2 Trail writes to the bucket the lowering decided (it adds CloudTrail's
 * statements to the bucket's policy and waits for it). CloudWatch Logs delivery is set on the L1
 * with the lowering's log group and role: the L2's sendToCloudWatchLogs would make a role of its own.
 */
import type { ComponentEmitter } from './types.ts';
import { asType, assign, call, lit, member, newExpr, obj } from '../ts/ast.ts';
import { acknowledgeDesignRisks, encryptionKey, requireResolved } from './common.ts';

const READ_WRITE_TYPES: Readonly<Record<string, string>> = {
  All: 'ALL',
  ReadOnly: 'READ_ONLY',
  WriteOnly: 'WRITE_ONLY',
};

export const cloudtrailEmitter: ComponentEmitter = {
  dependencies: (component) =>
    [component.trail?.bucketId, component.logGroupId, component.encryption?.keyId].filter(
      (id): id is string => id !== undefined,
    ),
  emit(component, ctx) {
    const decided = requireResolved(component.trail, component, 'CloudTrail trail');
    const name = ctx.variableName(component);
    const trail = ctx.declare(
      name,
      newExpr(
        ctx.api('cloudtrail', 'Trail'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          trailName: ctx.physicalName(component),
          bucket: ctx.handle(decided.bucketId).construct,
          s3KeyPrefix: lit(decided.prefix),
          isMultiRegionTrail: ctx.value(component, 'multiRegion'),
          includeGlobalServiceEvents: ctx.value(component, 'includeGlobalServiceEvents'),
          enableFileValidation: ctx.value(component, 'logFileValidation'),
          encryptionKey: encryptionKey(ctx, component)?.key,
          managementEvents: ctx.choose(component, 'managementEvents', (v) =>
            ctx.api('cloudtrail', `ReadWriteType.${READ_WRITE_TYPES[String(v)] ?? 'ALL'}`),
          ),
        }),
      ),
    );
    if (decided.s3DataEvents) ctx.expr(call(member(trail, 'logAllS3DataEvents')));
    if (decided.lambdaDataEvents) ctx.expr(call(member(trail, 'logAllLambdaDataEvents')));
    const role = decided.logsRoleId ? ctx.roles.get(decided.logsRoleId) : undefined;
    if (role && component.logGroupId) {
      const cfnTrail = ctx.declare(
        `${name}Cfn`,
        asType(member(member(trail, 'node'), 'defaultChild'), ctx.typeOf('cloudtrail', 'CfnTrail')),
      );
      const logGroup = ctx.handle(component.logGroupId).construct;
      ctx.add(assign(member(cfnTrail, 'cloudWatchLogsLogGroupArn'), member(logGroup, 'logGroupArn')));
      ctx.add(assign(member(cfnTrail, 'cloudWatchLogsRoleArn'), member(role, 'roleArn')));
      // CloudTrail checks the role's permissions when the trail is created or updated.
      ctx.expr(call(member(member(trail, 'node'), 'addDependency'), role));
    }
    acknowledgeDesignRisks(ctx, component, trail);
    ctx.register(component.id, {
      construct: trail,
      attributes: { arn: member(trail, 'trailArn') },
    });
  },
};
