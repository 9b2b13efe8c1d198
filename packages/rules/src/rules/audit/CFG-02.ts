import type { Finding, Rule } from '../../types.ts';
import { makeFinding, nodeTarget } from '../../rule-kit.ts';

/**
 * AWS Config allows one configuration recorder per account and region; a design deploys into one
 * account and region per environment, so a second recorder node fails to deploy.
 */
export const CFG_02: Rule = {
  id: 'CFG-02',
  title: 'One AWS Config recorder per account and region',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  check(ctx) {
    const recorders = ctx.design.nodes
      .filter((n) => n.type === 'config-recorder')
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const [first, ...others] = recorders;
    if (!first) return [];
    return others.map((node): Finding =>
      makeFinding(
        CFG_02,
        nodeTarget(node),
        `${node.name} is a second Config recorder; ${first.name} already records this account and region`,
        'AWS Config accepts one configuration recorder per account and region: deploying a second one fails. Put the rules you need on the first recorder instead.',
        { title: `Delete ${node.name} and list its rules on ${first.name}`, actions: [] },
      ),
    );
  },
};
