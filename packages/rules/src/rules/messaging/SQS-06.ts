import { deadLetterRedrive } from '@archgen/model';
import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, flag, makeFinding } from '../../rule-kit.ts';

const SECOND_WHY = 'A queue redrives to exactly one dead-letter queue: the other connections create nothing.';
const KIND_WHY =
  "The dead-letter queue of a FIFO queue must be a FIFO queue, and a standard queue's a standard one; SQS refuses the redrive policy otherwise.";

export const SQS_06: Rule = {
  id: 'SQS-06',
  title: 'Dead-letter connections form no cycle and join queues of the same kind',
  pillar: 'reliability',
  severity: 'high',
  equivalents: ['E3502'],
  breaksGeneratedCode: {
    reason: 'SQS refuses a FIFO queue redriving to a standard queue, or a standard queue to a FIFO one',
    // The lowering leaves out a cycle's closing connection and a second one: only ignored.
    applies: (finding) => finding.why === KIND_WHY,
  },
  check(ctx) {
    const findings: Finding[] = [];
    const { redrive, unused } = deadLetterRedrive(ctx.design);
    const remove = (id: string) => ({
      title: 'Remove the connection',
      actions: [{ kind: 'remove-connection' as const, connectionId: id }],
    });
    for (const c of ctx.design.connections) {
      if (c.kind !== 'dead-letter') continue;
      const from = ctx.nodesById.get(c.from);
      const to = ctx.nodesById.get(c.to);
      if (!from || !to) continue;
      const why = unused.get(c.id);
      // CON-01 reports a dead-letter connection between anything but two queues.
      if (why === 'self' || why === 'cycle') {
        findings.push(
          makeFinding(
            SQS_06,
            connectionTarget(c),
            why === 'self'
              ? `${from.name} is drawn as its own dead-letter queue`
              : `${from.name} dead-letters to ${to.name}, whose dead-letter queues lead back to ${from.name}`,
            'Failed messages must leave the queue for one that keeps them; a queue redriving into itself or a ring of queues never sets them aside, and such queues would each wait for the other to exist, so this connection creates nothing.',
            remove(c.id),
          ),
        );
        continue;
      }
      if (why === 'second') {
        const used = ctx.nodesById.get(redrive.get(from.id) ?? '');
        findings.push(
          makeFinding(
            SQS_06,
            connectionTarget(c),
            `${from.name} has more than one dead-letter queue; only ${used?.name ?? 'the first'} is used`,
            SECOND_WHY,
            remove(c.id),
          ),
        );
        continue;
      }
      if (why !== undefined) continue;
      // FIFO or not is structural: the base properties decide it in every environment.
      const fromFifo = flag(ctx.props(from), 'fifo') === true;
      const toFifo = flag(ctx.props(to), 'fifo') === true;
      if (fromFifo !== toFifo)
        findings.push(
          makeFinding(
            SQS_06,
            connectionTarget(c),
            `${from.name} is ${fromFifo ? 'a FIFO' : 'a standard'} queue, but its dead-letter queue ${to.name} is ${toFifo ? 'a FIFO' : 'a standard'} queue`,
            KIND_WHY,
            {
              title: `Make ${to.name} ${fromFifo ? 'a FIFO' : 'a standard'} queue`,
              actions: [{ kind: 'set-property', nodeId: to.id, key: 'fifo', value: fromFifo }],
            },
          ),
        );
    }
    return findings;
  },
};
