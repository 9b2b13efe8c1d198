/**
 * Dead-letter connections (sqs -> sqs "dead-letter"): which one a queue redrives to. Shared by
 * the lowering (which uses exactly these) and the rules (which report the ones left out), so the
 * two never disagree.
 */
import type { Connection, DesignNode } from './schema.ts';

/** Why a dead-letter connection is not used. */
export type UnusedDeadLetter = 'self' | 'cycle' | 'second' | 'not-queues';

export interface DeadLetterRedrive {
  /** Source queue id -> the queue id it redrives to. */
  redrive: Map<string, string>;
  /** Dead-letter connections left out, by connection id, and why. */
  unused: Map<string, UnusedDeadLetter>;
}

/**
 * Each queue's drawn dead-letter queue: the first of its dead-letter connections (by connection
 * id) to another queue that closes no cycle. A queue redriving to itself, or a ring of queues
 * redriving to each other, would make each wait for the other to exist (CloudFormation and
 * Terraform refuse the cycle); such a connection, or a second one from the same queue, is unused.
 */
export function deadLetterRedrive(design: {
  nodes: readonly Pick<DesignNode, 'id' | 'type'>[];
  connections: readonly Connection[];
}): DeadLetterRedrive {
  const types = new Map(design.nodes.map((n) => [n.id, n.type]));
  const redrive = new Map<string, string>();
  const unused = new Map<string, UnusedDeadLetter>();
  const reaches = (start: string, goal: string): boolean => {
    for (let id: string | undefined = start; id !== undefined; id = redrive.get(id))
      if (id === goal) return true;
    return false;
  };
  const sorted = design.connections
    .filter((c) => c.kind === 'dead-letter')
    // The lowering's id order (infra naming.ts compareIds).
    .sort((a, b) => a.id.localeCompare(b.id, 'en'));
  for (const c of sorted) {
    if (types.get(c.from) !== 'sqs' || types.get(c.to) !== 'sqs') unused.set(c.id, 'not-queues');
    else if (c.from === c.to) unused.set(c.id, 'self');
    else if (redrive.has(c.from)) unused.set(c.id, 'second');
    else if (reaches(c.to, c.from)) unused.set(c.id, 'cycle');
    else redrive.set(c.from, c.to);
  }
  return { redrive, unused };
}
