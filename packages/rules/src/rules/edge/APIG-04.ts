import type { Finding, Rule } from '../../types.ts';
import { connectionTarget, makeFinding, newNode } from '../../rule-kit.ts';
import { aliasRecordPlans, apiDomainCertificateOf } from '@archgen/model';

export const APIG_04: Rule = {
  id: 'APIG-04',
  title: 'An API a hosted zone names has a certificate for its custom domain',
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const plan of aliasRecordPlans(ctx.design)) {
      const api = ctx.nodesById.get(plan.targetId);
      if (plan.ignored || api?.type !== 'api-gateway' || apiDomainCertificateOf(ctx.design, api)) continue;
      findings.push(
        makeFinding(
          APIG_04,
          connectionTarget(plan.connection),
          `${plan.fqdn} names ${api.name}, which has no certificate for a custom domain`,
          'API Gateway answers a name only through a custom domain, and a custom domain needs an ACM certificate covering the name: the generated code makes neither the domain nor the record until the API has one.',
          {
            title: `Add an ACM certificate for ${plan.fqdn} and connect it to ${api.name}`,
            actions: [
              {
                kind: 'add-node',
                node: newNode(
                  'acm-certificate',
                  `certificate-${api.id}`.slice(0, 56),
                  `${plan.fqdn} certificate`,
                  null,
                  {
                    domainName: plan.fqdn,
                  },
                ),
                connectTo: api.id,
                connectionKind: 'certificate',
              },
            ],
          },
        ),
      );
    }
    return findings;
  },
};
