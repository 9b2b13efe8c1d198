import type { Finding, FixAction, Rule } from '../../types.ts';
import { makeFinding, newNode, nodeTarget } from '../../rule-kit.ts';
import {
  aliasRecordPlans,
  certificateArnRegion,
  drawnCertificateOf,
  environmentRegion,
} from '@archgen/model';

export const APIG_05: Rule = {
  id: 'APIG-05',
  title: "An API's custom domain certificate is issued in the API's region",
  pillar: 'reliability',
  severity: 'high',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const api of ctx.nodesOfType('api-gateway')) {
      // A drawn certificate is made in the API's own region (and takes precedence over the ARN).
      if (drawnCertificateOf(ctx.design, api.id)) continue;
      const arn = String(ctx.props(api).certificateArn ?? '').trim();
      const issuedIn = certificateArnRegion(arn);
      if (!issuedIn) continue;
      const outside = ctx.environments.filter((env) => environmentRegion(ctx.design, env) !== issuedIn);
      if (outside.length === 0) continue;
      // The first name a zone gives the API: the certificate to request for it.
      const name = aliasRecordPlans(ctx.design).find((p) => !p.ignored && p.targetId === api.id)?.fqdn;
      const actions: FixAction[] = [
        { kind: 'set-property', nodeId: api.id, key: 'certificateArn', value: '' },
      ];
      if (name)
        actions.push({
          kind: 'add-node',
          node: newNode(
            'acm-certificate',
            `certificate-${api.id}`.slice(0, 56),
            `${name} certificate`,
            null,
            {
              domainName: name,
            },
          ),
          connectTo: api.id,
          connectionKind: 'certificate',
        });
      // One finding when no environment deploys in the certificate's region, else one per environment.
      const every = outside.length === ctx.environments.length;
      for (const env of every ? [undefined] : outside) {
        const region = [
          ...new Set((env ? [env] : outside).map((e) => environmentRegion(ctx.design, e))),
        ].join(' and ');
        findings.push(
          makeFinding(
            APIG_05,
            nodeTarget(api),
            `${api.name}'s custom domain certificate is issued in ${issuedIn}, but the API deploys in ${region}`,
            "A regional API Gateway custom domain takes a certificate only from the API's own region (an edge-optimized one would need us-east-1, which the generated regional domains are not): the deployment fails.",
            {
              title: name
                ? `Request a certificate for ${name} with the API (connected) instead of the ARN`
                : 'Remove the certificate ARN',
              actions,
            },
            env,
          ),
        );
      }
    }
    return findings;
  },
};
