import type { Rule } from '../../types.ts';
import { checkNodes } from '../../rule-kit.ts';

export const MSK_02: Rule = {
  id: 'MSK-02',
  title: 'MSK clients authenticate',
  pillar: 'security',
  severity: 'high',
  equivalents: ['CKV_AWS_291'],
  check: (ctx) =>
    checkNodes(ctx, MSK_02, ['msk-cluster'], 'all', (node, props) =>
      props.clientAuth === 'unauthenticated'
        ? {
            message: `${node.name} lets any client in its security group read and write every topic`,
            why: 'Without authentication the network is the only control: any compromised host that reaches the brokers can read or overwrite every topic. IAM authentication scopes each role to its topics; SASL/SCRAM signs clients in with a password kept in Secrets Manager.',
            fixTitle: 'Use IAM authentication over TLS',
            set: { clientAuth: 'iam', encryptionInTransit: 'TLS' },
          }
        : undefined,
    ),
};
