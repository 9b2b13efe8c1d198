import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';
import { webAclProtections } from '@archgen/model';

export const CF_03: Rule = {
  id: 'CF-03',
  title: 'CloudFront logs access and sits behind WAF',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: ['AwsSolutions-CFR3', 'AwsSolutions-CFR2', 'CKV_AWS_86', 'CKV_AWS_68'],
  check: (ctx) => {
    // A drawn web ACL attached to the distribution (protect) is its WAF.
    const guarded = new Set(webAclProtections(ctx.design).flatMap((p) => (p.ignored ? [] : [p.targetId])));
    return checkNodes(ctx, CF_03, ['cloudfront'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      if (flag(props, 'accessLogs') !== true)
        problems.push({
          code: 'logs',
          message: `${node.name} writes no access logs`,
          why: 'Access logs show who requested what from which edge location; they are the only record of viewer traffic.',
          fixTitle: 'Turn on access logs',
          set: { accessLogs: true },
        });
      if (flag(props, 'waf') !== true && !guarded.has(node.id))
        problems.push({
          code: 'waf',
          message: `${node.name} has no WAF web ACL`,
          why: 'A web ACL at the edge blocks common exploits and floods before they reach any origin.',
          fixTitle: 'Attach a WAF web ACL',
          set: { waf: true },
        });
      return problems;
    });
  },
};
