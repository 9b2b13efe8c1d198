import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';
import { webAclProtections } from '@archgen/model';

export const WAF_03: Rule = {
  id: 'WAF-03',
  title: "A front door's WAF switch is off when a drawn web ACL protects it",
  pillar: 'operational-excellence',
  severity: 'low',
  equivalents: [],
  check(ctx) {
    const protectedBy = new Map(
      webAclProtections(ctx.design)
        .filter((p) => !p.ignored)
        .map((p) => [p.targetId, ctx.nodesById.get(p.aclId)?.name ?? p.aclId]),
    );
    return checkNodes(ctx, WAF_03, ['cloudfront', 'alb'], 'all', (node, props) => {
      const acl = protectedBy.get(node.id);
      if (!acl || flag(props, 'waf') !== true) return undefined;
      return {
        message: `${node.name} turns on WAF and is protected by ${acl}: the switch's web ACL is not created`,
        why: 'One web ACL guards a resource. The drawn one wins, so the switch only misleads whoever reads the settings.',
        fixTitle: 'Turn the WAF switch off',
        set: { waf: false },
      };
    });
  },
};
