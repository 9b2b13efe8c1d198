import type { Rule } from '../../types.ts';
import { checkNodes, flag, text } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';
import { webAclProtections } from '@archgen/model';

export const ALB_02: Rule = {
  id: 'ALB-02',
  title: 'Load balancers drop invalid headers; public ones sit behind WAF',
  pillar: 'security',
  severity: 'high',
  equivalents: ['CKV_AWS_103', 'CKV_AWS_131', 'CKV2_AWS_28', 'AVD-AWS-0047', 'AVD-AWS-0052'],
  check: (ctx) => {
    // A drawn web ACL attached to the load balancer (protect) is its WAF.
    const guarded = new Set(webAclProtections(ctx.design).flatMap((p) => (p.ignored ? [] : [p.targetId])));
    return checkNodes(ctx, ALB_02, ['alb'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      if (flag(props, 'dropInvalidHeaders') === false)
        problems.push({
          code: 'headers',
          message: `${node.name} forwards invalid HTTP headers`,
          why: 'Malformed headers are a request-smuggling vector; the load balancer should drop them before they reach the application.',
          fixTitle: 'Drop invalid headers',
          set: { dropInvalidHeaders: true },
        });
      if (text(props, 'scheme') !== 'internal' && flag(props, 'waf') !== true && !guarded.has(node.id))
        problems.push({
          code: 'waf',
          message: `${node.name} faces the internet without a WAF`,
          why: 'A web ACL with the AWS managed rule groups blocks common exploits and bad bots before they reach the application.',
          fixTitle: 'Attach a WAF web ACL',
          set: { waf: true },
        });
      return problems;
    });
  },
};
