import type { Rule } from '../../types.ts';
import { checkNodes, text } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';
import { aliasRecordPlans, drawnCertificateOf } from '@archgen/model';

const namesOf = (aliases: string | undefined): string[] =>
  (aliases ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);

export const R53_02: Rule = {
  id: 'R53-02',
  title: 'A name a hosted zone gives a front door is served over HTTPS',
  pillar: 'security',
  severity: 'medium',
  equivalents: [],
  check(ctx) {
    const plans = aliasRecordPlans(ctx.design).filter((p) => !p.ignored);
    return checkNodes(ctx, R53_02, ['cloudfront', 'alb'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      const drawn = drawnCertificateOf(ctx.design, node.id) !== undefined;
      const certificate = drawn || Boolean(text(props, 'certificateArn'));
      for (const plan of plans.filter((p) => p.targetId === node.id)) {
        if (!certificate)
          problems.push({
            code: `certificate-${plan.connection.id}`,
            message: `${plan.fqdn} names ${node.name}, which has no certificate for it`,
            why:
              node.type === 'cloudfront'
                ? 'CloudFront answers a custom name only with an ACM certificate (in us-east-1) covering it; without one the name fails.'
                : 'Without a certificate the load balancer serves the name over plain HTTP: credentials and cookies travel in clear text.',
            fixTitle: 'Connect an ACM certificate covering the name, or set the ARN of an existing one',
          });
        // With a drawn certificate and no names of its own, a distribution lists its records' names.
        else if (
          node.type === 'cloudfront' &&
          !(drawn && namesOf(text(props, 'aliases')).length === 0) &&
          !namesOf(text(props, 'aliases')).includes(plan.fqdn)
        ) {
          const aliases = [...namesOf(text(props, 'aliases')), plan.fqdn].join(', ');
          problems.push({
            code: `alias-${plan.connection.id}`,
            message: `${plan.fqdn} names ${node.name}, which does not list it among its custom domain names`,
            why: 'CloudFront refuses requests for a name the distribution does not list: the record resolves, the site answers 403.',
            fixTitle: `Add ${plan.fqdn} to the custom domain names`,
            set: { aliases },
          });
        }
      }
      return problems;
    });
  },
};
