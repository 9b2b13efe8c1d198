import type { Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';
import { listenerPorts } from '../connection/listener-ports.ts';

/**
 * A traffic connection's label becomes its security group rule description. Without one the
 * lowering describes it from the port ("HTTPS :443 from web"), as the canvas shows it: that
 * generated label counts. Only traffic with no label and no port to describe is flagged.
 */
export const SG_03: Rule = {
  id: 'SG-03',
  title: 'Traffic connections carry a label for the security group rule description',
  pillar: 'operational-excellence',
  severity: 'low',
  equivalents: ['AwsSolutions-EC27', 'CKV_AWS_23'],
  check: (ctx) =>
    ctx.design.connections
      .filter((c) => {
        if (c.kind !== 'traffic' || c.label?.trim()) return false;
        const from = ctx.nodesById.get(c.from);
        const to = ctx.nodesById.get(c.to);
        if (!from || !to) return false;
        return c.port === undefined && listenerPorts(to, ctx.props(to)).length === 0;
      })
      .map((c) =>
        makeFinding(
          SG_03,
          connectionTarget(c),
          `The traffic from ${ctx.nodesById.get(c.from)!.name} to ${ctx.nodesById.get(c.to)!.name} has no label and no port to describe it`,
          'The label becomes the security group rule description; with neither a label nor a port, an auditor cannot tell why the rule is open.',
          { title: 'Label the connection', actions: [] },
        ),
      ),
};
