/** A custom event bus (no resource policy: only this account's principals put events, EVB-01) and its archive. */
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref, sub } from '../template/intrinsics.ts';

export const eventBusEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    name: (id) => ref(id),
  },
  emit(bus, ctx) {
    const id = bus.names.logicalId;
    ctx.template.addResource(id, {
      Type: 'AWS::Events::EventBus',
      Metadata: ctx.metadata(bus.acknowledgements),
      Properties: { Name: sub(`\${AWS::StackName}-${bus.names.slug}`), Tags: ctx.tags() },
    });
    ctx.output(bus, 'Name', ref(id), 'Event bus name');
    const archive = ctx.when(
      Object.fromEntries(
        Object.entries(ctx.perEnvironment(bus, 'archiveDays')).map(([env, days]) => [env, Number(days) > 0]),
      ),
    );
    if (archive === false) return;
    ctx.template.addResource(`${id}Archive`, {
      Type: 'AWS::Events::Archive',
      Condition: typeof archive === 'string' ? archive : undefined,
      Properties: {
        SourceArn: getAtt(id, 'Arn'),
        Description: `Replayable copy of events on ${bus.names.display}`.slice(0, 512),
        RetentionDays: ctx.value(bus, 'archiveDays'),
      },
    });
  },
};
