/** Timestream database, plus a table that carries the retention settings. */
import { attr, block, ref, str } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { protectionLifecycle, tags } from './common.ts';

export const timestreamEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_timestreamwrite_database.${name}.arn`),
    name: (name) => ref(`aws_timestreamwrite_database.${name}.database_name`),
    id: (name) => ref(`aws_timestreamwrite_database.${name}.id`),
  },
  emit(c, ctx) {
    const db = `aws_timestreamwrite_database.${c.names.tfName}`;
    ctx.add(
      'data.tf',
      ctx.resource('aws_timestreamwrite_database', c.names.tfName, c, [
        attr('database_name', ctx.physicalName(c.names.slug, 256)),
        tags(c.names.display),
        protectionLifecycle(c),
      ]),
      block(
        'resource',
        ['aws_timestreamwrite_table', c.names.tfName],
        [
          attr('database_name', ref(`${db}.database_name`)),
          attr('table_name', str('events')),
          block(
            'retention_properties',
            [],
            [
              attr('memory_store_retention_period_in_hours', ctx.prop(c, 'memoryRetentionHours')),
              attr('magnetic_store_retention_period_in_days', ctx.prop(c, 'magneticRetentionDays')),
            ],
          ),
          tags(c.names.display),
          protectionLifecycle(c),
        ],
        ["Retention is a table setting in Timestream; the design's retention applies to this default table."],
      ),
    );
  },
};
