/**
 * AWS Config recorder with its delivery channel and AWS managed rules. Config refuses a delivery
 * channel or a rule before the recorder exists, and checks the bucket's policy (printed with the
 * bucket) when the channel is made: both wait. CloudFormation starts the recorder itself once
 * the channel exists.
 */
import { requireResolved } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { ref, sub } from '../template/intrinsics.ts';

/** "S3_BUCKET_PUBLIC_READ_PROHIBITED" -> "S3BucketPublicReadProhibited", for logical ids. */
const pascal = (id: string) =>
  id
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

export const configRecorderEmitter: ComponentEmitter = {
  references: {
    name: (id) => ref(id),
  },
  emit(recorder, ctx) {
    const decided = requireResolved(recorder.configRecorder, recorder, 'Config recorder');
    const id = recorder.names.logicalId;
    const bucket = ctx.logicalId(decided.bucketId);
    ctx.template.addResource(id, {
      Type: 'AWS::Config::ConfigurationRecorder',
      Metadata: ctx.metadata(recorder.acknowledgements),
      Properties: {
        Name: sub(`\${AWS::StackName}-${recorder.names.slug}`),
        RoleARN: ctx.roleArn(decided.roleId),
        RecordingGroup: {
          AllSupported: ctx.value(recorder, 'allSupported'),
          IncludeGlobalResourceTypes: ctx.value(recorder, 'includeGlobalResources'),
        },
      },
    });
    ctx.template.addResource(`${id}DeliveryChannel`, {
      Type: 'AWS::Config::DeliveryChannel',
      DependsOn: [id, `${bucket}Policy`],
      Properties: {
        Name: sub(`\${AWS::StackName}-${recorder.names.slug}`),
        S3BucketName: ref(bucket),
        S3KeyPrefix: decided.prefix,
        ConfigSnapshotDeliveryProperties: { DeliveryFrequency: ctx.value(recorder, 'deliveryFrequency') },
      },
    });
    for (const rule of decided.rules)
      ctx.template.addResource(`${id}${pascal(rule)}`, {
        Type: 'AWS::Config::ConfigRule',
        DependsOn: [id],
        Properties: {
          ConfigRuleName: sub(
            `\${AWS::StackName}-${recorder.names.slug}-${rule.toLowerCase().replaceAll('_', '-')}`,
          ),
          Source: { Owner: 'AWS', SourceIdentifier: rule },
        },
      });
    ctx.output(recorder, 'Name', ref(id), 'Configuration recorder name');
  },
};
