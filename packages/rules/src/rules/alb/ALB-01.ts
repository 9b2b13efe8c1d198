import type { Rule } from '../../types.ts';
import { checkNodes, flag, text } from '../../rule-kit.ts';
import { drawnCertificateOf } from '@archgen/model';

export const ALB_01: Rule = {
  id: 'ALB-01',
  title: 'Load balancers serve HTTPS with an ACM certificate; port 80 only redirects',
  pillar: 'security',
  severity: 'high',
  equivalents: ['CKV_AWS_2', 'CKV2_AWS_20', 'AVD-AWS-0054'],
  check: (ctx) =>
    checkNodes(ctx, ALB_01, ['alb'], 'all', (node, props) => {
      // A drawn ACM certificate (a certificate connection) or a certificate ARN.
      if (!text(props, 'certificateArn') && !drawnCertificateOf(ctx.design, node.id))
        return {
          code: 'certificate',
          message: `${node.name} has no TLS certificate, so it serves plain HTTP`,
          why: 'Without a certificate the listener cannot speak HTTPS: requests, cookies and tokens cross the network in clear text.',
          fixTitle: 'Connect an ACM certificate, or set the ARN of an existing one',
        };
      if (flag(props, 'httpRedirect') === false)
        return {
          code: 'redirect',
          message: `${node.name} serves content on port 80 instead of redirecting to HTTPS`,
          why: 'Port 80 should only redirect; serving on it lets clients fall back to clear text.',
          fixTitle: 'Redirect HTTP to HTTPS',
          set: { httpRedirect: true },
        };
      return undefined;
    }),
};
