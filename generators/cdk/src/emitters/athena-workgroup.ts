/** Athena workgroups. */
import { ATHENA_RECURSIVE_DELETE, DECIDED_PROPS } from '@archgen/infra';
import type { ComponentEmitter } from './types.ts';
import { call, lit, member, newExpr, obj, template } from '../ts/ast.ts';
import { acknowledgeDesignRisks, requireResolved } from './common.ts';
import { onlyWhere } from '../context.ts';
import { plainText } from '../naming.ts';

export const athenaEmitter: ComponentEmitter = {
  dependencies: (component) => (component.outputBucketId ? [component.outputBucketId] : []),
  emit(component, ctx) {
    ctx.section(
      `${component.names.logicalId}: Athena has no L2 construct in aws-cdk-lib, so an L1 workgroup.`,
    );
    // The lowering always names the results bucket: the design's, or one it derived.
    const results = ctx.handle(
      requireResolved(component.outputBucketId, component, 'results bucket'),
    ).construct;
    const encrypted = ctx.flag(component, 'resultsEncryption');
    // The lowering's limit in bytes; null (no limit) leaves the property out there.
    const cutoff = ctx.optional(
      component,
      DECIDED_PROPS.bytesScannedCutoffBytes,
      (bytes) => typeof bytes === 'number',
    );
    const workgroup = ctx.declare(
      ctx.variableName(component),
      newExpr(
        ctx.api('athena', 'CfnWorkGroup'),
        ctx.scope,
        lit(component.names.logicalId),
        obj({
          name: ctx.physicalName(component),
          description: lit(plainText(component.names.display, 1024)),
          state: lit('ENABLED'),
          recursiveDeleteOption: lit(ATHENA_RECURSIVE_DELETE),
          workGroupConfiguration: obj({
            enforceWorkGroupConfiguration: ctx.value(component, 'enforceConfiguration'),
            publishCloudWatchMetricsEnabled: lit(true),
            bytesScannedCutoffPerQuery: cutoff ? onlyWhere(cutoff.test, cutoff.value) : undefined,
            resultConfiguration: obj({
              outputLocation: template(
                's3://',
                member(results, 'bucketName'),
                `/${requireResolved(component.resultsPrefix, component, 'results prefix')}`,
              ),
              encryptionConfiguration: encrypted
                ? onlyWhere(encrypted.test, obj({ encryptionOption: lit('SSE_S3') }))
                : undefined,
            }),
          }),
        }),
      ),
    );
    acknowledgeDesignRisks(ctx, component, workgroup);
    ctx.register(component.id, {
      construct: workgroup,
      attributes: {
        name: member(workgroup, 'ref'),
        arn: call(
          member(ctx.scope, 'formatArn'),
          obj({ service: lit('athena'), resource: lit('workgroup'), resourceName: member(workgroup, 'ref') }),
        ),
      },
      extras: { results },
    });
  },
};
