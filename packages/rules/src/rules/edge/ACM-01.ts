import type { Rule } from '../../types.ts';
import { checkNodes, newNode } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';
import { certificateValidationOf } from '@archgen/model';

export const ACM_01: Rule = {
  id: 'ACM-01',
  title: 'Certificates are validated by DNS in a hosted zone, so ACM renews them by itself',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: [],
  check: (ctx) =>
    checkNodes(ctx, ACM_01, ['acm-certificate'], 'all', (node, props): NodeProblem | undefined => {
      const validation = certificateValidationOf(ctx.design, node);
      if (validation.method === 'EMAIL')
        return {
          code: 'email',
          message: `${node.name} is validated by email`,
          why: 'Someone must approve an email for the certificate and again before each renewal; a missed email lets the certificate expire and HTTPS fail.',
          fixTitle: 'Validate by DNS',
          set: { validationMethod: 'DNS' },
        };
      if (validation.zoneId) return undefined;
      const domain = String(props.domainName ?? '').replace(/^\*\./, '');
      const privateOnly = validation.ignored.length > 0;
      // A public zone of the design that holds the name: connecting it is the fix (a person's).
      const holding = ctx.nodesOfType('route53-zone').find((zone) => {
        const zoneProps = ctx.props(zone);
        const name = String(zoneProps.zoneName ?? '');
        return zoneProps.private !== true && (domain === name || domain.endsWith(`.${name}`));
      });
      if (holding)
        return {
          code: 'no-zone',
          message: `${node.name} is validated by DNS but not connected to ${holding.name}`,
          why: 'Without a connection to the zone nobody writes the validation records: the certificate stays pending and the stack that uses it waits until someone adds them by hand.',
          fixTitle: `Connect ${node.name} to ${holding.name} ("validate in")`,
        };
      return {
        code: 'no-zone',
        message: privateOnly
          ? `${node.name} is validated in a private hosted zone, which ACM cannot read`
          : `${node.name} is validated by DNS in no hosted zone of the design`,
        why: 'Without a public zone in the design nobody writes the validation records: the certificate stays pending and the stack that uses it waits until someone adds them by hand.',
        fixTitle: `Add a public hosted zone for ${domain} that validates it`,
        actions: [
          {
            kind: 'add-node',
            node: newNode('route53-zone', `zone-${node.id}`.slice(0, 56), `${domain} zone`, null, {
              zoneName: domain,
            }),
            connectFrom: node.id,
            connectionKind: 'validate-in',
          },
        ],
      };
    }),
};
