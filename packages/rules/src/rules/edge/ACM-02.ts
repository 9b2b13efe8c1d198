import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, makeFinding } from '../../rule-kit.ts';
import { drawnCertificateOf, environmentRegion } from '@archgen/model';

/** CloudFront only serves certificates issued in us-east-1. */
const CLOUDFRONT_CERTIFICATE_REGION = 'us-east-1';

export const ACM_02: Rule = {
  id: 'ACM-02',
  title: 'A certificate a CloudFront distribution uses is issued in us-east-1',
  pillar: 'security',
  severity: 'high',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const distribution of ctx.nodesOfType('cloudfront')) {
      const certificate = drawnCertificateOf(ctx.design, distribution.id);
      if (!certificate) continue;
      const connection = ctx.design.connections.find(
        (c) => c.kind === 'certificate' && c.from === certificate.id && c.to === distribution.id,
      )!;
      const outside = ctx.environments.filter(
        (env) => environmentRegion(ctx.design, env) !== CLOUDFRONT_CERTIFICATE_REGION,
      );
      // One finding when no environment deploys in us-east-1, else one per environment outside it.
      const every = outside.length > 0 && outside.length === ctx.environments.length;
      for (const env of every ? [undefined] : outside) {
        const region = [
          ...new Set((env ? [env] : outside).map((e) => environmentRegion(ctx.design, e))),
        ].join(' and ');
        findings.push(
          makeFinding(
            ACM_02,
            connectionTarget(connection),
            `${certificate.name} would be issued in ${region}, where ${distribution.name} cannot use it`,
            'CloudFront takes viewer certificates only from us-east-1: the deployment fails. Deploy the environment in us-east-1, or request the certificate in us-east-1 (a stack of its own there) and give the distribution its ARN.',
            {
              title: `Remove the connection and set ${distribution.name}'s certificate ARN to a us-east-1 certificate`,
              actions: [{ kind: 'remove-connection', connectionId: connection.id }],
            },
            env,
          ),
        );
      }
    }
    return findings;
  },
};
