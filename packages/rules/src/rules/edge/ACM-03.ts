import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const ACM_03: Rule = {
  id: 'ACM-03',
  title: 'Certificates are logged in the public certificate transparency logs',
  pillar: 'security',
  severity: 'medium',
  equivalents: ['CKV_AWS_234'],
  check: (ctx) =>
    checkNodes(ctx, ACM_03, ['acm-certificate'], 'all', (node, props) =>
      flag(props, 'transparencyLogging') === false
        ? {
            code: 'transparency',
            message: `${node.name} is kept out of the certificate transparency logs`,
            why: 'Browsers distrust public certificates missing from the transparency logs (Chrome and Safari refuse them), and the logs are how a domain owner spots a certificate issued without them.',
            fixTitle: 'Turn transparency logging on',
            set: { transparencyLogging: true },
          }
        : undefined,
    ),
};
