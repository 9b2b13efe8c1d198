/** EventBridge bus (no resource policy: only this account can put events, EVB-01) and archive. */
import type { ResolvedComponent } from '@archgen/infra';
import { attr, block, ref } from '../hcl/ast.ts';
import type { ComponentEmitter } from '../context.ts';
import { tags } from './common.ts';

const address = (c: ResolvedComponent) => `aws_cloudwatch_event_bus.${c.names.tfName}`;

export const eventBusEmitter: ComponentEmitter = {
  references: {
    arn: (name) => ref(`aws_cloudwatch_event_bus.${name}.arn`),
    name: (name) => ref(`aws_cloudwatch_event_bus.${name}.name`),
    id: (name) => ref(`aws_cloudwatch_event_bus.${name}.id`),
  },
  emit(c, ctx) {
    ctx.add(
      'messaging.tf',
      ctx.resource('aws_cloudwatch_event_bus', c.names.tfName, c, [
        attr('name', ctx.physicalName(c.names.slug, 256)),
        tags(c.names.display),
      ]),
    );
    const archive = ctx.presence(c, 'archiveDays', (v) => typeof v === 'number' && v > 0, 'archive_count');
    if (archive) {
      ctx.add(
        'messaging.tf',
        block(
          'resource',
          ['aws_cloudwatch_event_archive', c.names.tfName],
          [
            attr('count', archive.count),
            attr('name', ctx.physicalName(c.names.slug, 48)),
            attr('event_source_arn', ref(`${address(c)}.arn`)),
            attr('retention_days', ctx.prop(c, 'archiveDays')),
          ],
        ),
      );
    }
    ctx.output(
      `${c.names.tfName}_name`,
      ref(`${address(c)}.name`),
      `Name of the event bus "${c.names.display}"`,
    );
  },
};
