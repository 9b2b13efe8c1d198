/** Timestream database with one table carrying the design's memory and magnetic retention. */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref } from '../template/intrinsics.ts';
import { deletionPolicies } from './common.ts';

export const timestreamEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    name: (id) => ref(id),
  },
  emit(database, ctx) {
    const id = database.names.logicalId;
    ctx.template.addResource(id, {
      Type: 'AWS::Timestream::Database',
      ...deletionPolicies(database),
      Metadata: ctx.metadata(database.acknowledgements),
      Properties: { Tags: ctx.tags(database.names.display) },
    });
    ctx.template.addResource(`${id}Table`, {
      Type: 'AWS::Timestream::Table',
      ...deletionPolicies(database),
      Properties: {
        DatabaseName: ref(id),
        RetentionProperties: {
          MemoryStoreRetentionPeriodInHours: ctx.value(database, 'memoryRetentionHours', (v) => String(v)),
          MagneticStoreRetentionPeriodInDays: ctx.value(database, 'magneticRetentionDays', (v) => String(v)),
        },
        Tags: ctx.tags(`${database.names.display} table`),
      },
    });
  },
};
