/** Athena workgroup with enforced settings, a scan cutoff and encrypted results in the design's bucket. */
import { ATHENA_RECURSIVE_DELETE, DECIDED_PROPS, requireResolved } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { ref, sub } from '../template/intrinsics.ts';
import { stackUniqueName } from './common.ts';

export const athenaEmitter: ComponentEmitter = {
  references: {
    name: (id) => ref(id),
    arn: (id) => sub(`arn:\${AWS::Partition}:athena:\${AWS::Region}:\${AWS::AccountId}:workgroup/\${${id}}`),
  },
  emit(workgroup, ctx) {
    // The lowering always names the results bucket and prefix: the design's bucket or a derived one.
    const bucket = ctx.logicalId(requireResolved(workgroup.outputBucketId, workgroup, 'results bucket'));
    const prefix = requireResolved(workgroup.resultsPrefix, workgroup, 'results prefix');
    const output = sub(`s3://\${${bucket}}/${prefix}`);
    ctx.template.addResource(workgroup.names.logicalId, {
      Type: 'AWS::Athena::WorkGroup',
      Metadata: ctx.metadata(workgroup.acknowledgements),
      Properties: {
        Name: stackUniqueName(workgroup.names.slug, 128),
        Description: workgroup.names.display.slice(0, 1024),
        RecursiveDeleteOption: ATHENA_RECURSIVE_DELETE,
        WorkGroupConfiguration: {
          EnforceWorkGroupConfiguration: ctx.value(workgroup, 'enforceConfiguration'),
          PublishCloudWatchMetricsEnabled: true,
          // The lowering's limit in bytes; null (no limit) leaves the property out.
          BytesScannedCutoffPerQuery: ctx.value(workgroup, DECIDED_PROPS.bytesScannedCutoffBytes, (bytes) =>
            typeof bytes === 'number' ? bytes : undefined,
          ),
          ResultConfiguration: {
            OutputLocation: output,
            EncryptionConfiguration: ctx.value(workgroup, 'resultsEncryption', (on) =>
              on === true ? { EncryptionOption: 'SSE_S3' } : undefined,
            ),
          },
        },
        Tags: ctx.tags(workgroup.names.display),
      },
    });
  },
};
