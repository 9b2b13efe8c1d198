/** Athena workgroup with enforced settings, a scan cutoff and encrypted results in the design's bucket. */
import type { ComponentEmitter } from '../context.ts';
import { ref, sub } from '../template/intrinsics.ts';
import { stackUniqueName } from './common.ts';

const GIB = 1024 ** 3;

export const athenaEmitter: ComponentEmitter = {
  references: {
    name: (id) => ref(id),
    arn: (id) => sub(`arn:\${AWS::Partition}:athena:\${AWS::Region}:\${AWS::AccountId}:workgroup/\${${id}}`),
  },
  emit(workgroup, ctx) {
    const output = workgroup.outputBucketId
      ? sub(`s3://\${${ctx.logicalId(workgroup.outputBucketId)}}/athena-results/`)
      : undefined;
    ctx.template.addResource(workgroup.names.logicalId, {
      Type: 'AWS::Athena::WorkGroup',
      Metadata: ctx.metadata(workgroup.acknowledgements),
      Properties: {
        Name: stackUniqueName(workgroup.names.slug, 128),
        Description: workgroup.names.display.slice(0, 1024),
        RecursiveDeleteOption: false,
        WorkGroupConfiguration: {
          EnforceWorkGroupConfiguration: ctx.value(workgroup, 'enforceConfiguration'),
          PublishCloudWatchMetricsEnabled: true,
          BytesScannedCutoffPerQuery: ctx.value(workgroup, 'bytesScannedCutoffGb', (gb) =>
            Math.max(10_485_760, Math.round(Number(gb) * GIB)),
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
