/** Kinesis data stream: on-demand or provisioned shards, KMS-encrypted with the AWS-managed key. */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';

export const kinesisEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    name: (id) => ref(id),
  },
  emit(stream, ctx) {
    const mode = ctx.perEnvironment(stream, 'mode');
    const shards = ctx.perEnvironment(stream, 'shards');
    ctx.template.addResource(stream.names.logicalId, {
      Type: 'AWS::Kinesis::Stream',
      Metadata: ctx.metadata(stream.acknowledgements),
      Properties: {
        StreamModeDetails: {
          StreamMode: ctx.value(stream, 'mode', (mode) =>
            mode === 'provisioned' ? 'PROVISIONED' : 'ON_DEMAND',
          )!,
        },
        // Shards are set only in provisioned mode; on-demand streams scale themselves.
        ShardCount: ctx.byEnvironment(
          Object.fromEntries(
            ctx.environments.map((env) => [
              env,
              mode[env] === 'provisioned' ? (shards[env] as number) : undefined,
            ]),
          ),
          {
            parameter: `${stream.names.logicalId}Shards`,
            description: `shards of ${stream.names.display}`,
            group: stream.names.display,
          },
        ),
        RetentionPeriodHours: ctx.value(stream, 'retentionHours'),
        StreamEncryption: ctx.value(stream, 'encryption', (on) =>
          on === true ? { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' } : undefined,
        ),
        Tags: ctx.tags(stream.names.display),
      },
    });
    ctx.output(stream, 'Name', ref(stream.names.logicalId), 'Stream name');
  },
};
