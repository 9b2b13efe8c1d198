import type { Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';

export const SG_03: Rule = {
  id: 'SG-03',
  title: 'Traffic connections carry a label for the security group rule description',
  pillar: 'operational-excellence',
  severity: 'low',
  equivalents: ['AwsSolutions-EC27', 'CKV_AWS_23'],
  check: (ctx) =>
    ctx.design.connections
      .filter(
        (c) =>
          c.kind === 'traffic' && !c.label?.trim() && ctx.nodesById.has(c.from) && ctx.nodesById.has(c.to),
      )
      .map((c) =>
        makeFinding(
          SG_03,
          connectionTarget(c),
          `The traffic from ${ctx.nodesById.get(c.from)!.name} to ${ctx.nodesById.get(c.to)!.name} has no label`,
          'The label becomes the security group rule description; a generic one tells an auditor nothing about why the port is open.',
          { title: 'Label the connection', actions: [] },
        ),
      ),
};
