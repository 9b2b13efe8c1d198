import type { Rule } from '../../types.ts';
import { checkNodes, derivedId, flag, incomingOf, newNode, outgoingOf } from '../../rule-kit.ts';

/** Sources that invoke a function asynchronously, by connection kind. */
function isAsyncSource(sourceType: string, kind: string): boolean {
  return (
    (sourceType === 'sns' && kind === 'subscribe') ||
    (sourceType === 'eventbridge-rule' && kind === 'route') ||
    (sourceType === 's3' && kind === 'event-source')
  );
}

/**
 * A function's failure destination is drawn as a publish connection to a queue marked
 * isDeadLetterQueue; the lowering makes it the function's on-failure destination.
 */
export const LAM_02: Rule = {
  id: 'LAM-02',
  title: 'Asynchronously invoked functions have a dead-letter queue',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: ['Serverless-LambdaDLQ', 'CKV_AWS_116'],
  check: (ctx) =>
    checkNodes(ctx, LAM_02, ['lambda'], 'all', (node) => {
      const asyncSource = incomingOf(ctx, node.id)
        .map((c) => ({ c, source: ctx.nodesById.get(c.from) }))
        .find(({ c, source }) => source && isAsyncSource(source.type, c.kind));
      if (!asyncSource) return undefined;
      const hasDlq = outgoingOf(ctx, node.id, ['publish']).some((c) => {
        const target = ctx.nodesById.get(c.to);
        return target?.type === 'sqs' && flag(ctx.props(target), 'isDeadLetterQueue') === true;
      });
      if (hasDlq) return undefined;
      const dlq = newNode('sqs', derivedId('dlq', node.id), `${node.name} failures`, null, {
        isDeadLetterQueue: true,
        deadLetterQueue: false,
      });
      return {
        message: `${node.name} is invoked asynchronously by ${asyncSource.source!.name} but has no dead-letter queue`,
        why: 'Lambda retries a failed async event twice and then drops it; a dead-letter queue keeps the event for inspection and replay.',
        fixTitle: 'Add a dead-letter queue',
        actions: [{ kind: 'add-node', node: dlq, connectFrom: node.id, connectionKind: 'publish' }],
      };
    }),
};
