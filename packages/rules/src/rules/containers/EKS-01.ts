import type { Rule } from '../../types.ts';
import { checkNodes, flag } from '../../rule-kit.ts';

export const EKS_01: Rule = {
  id: 'EKS-01',
  title: 'EKS API endpoints are private',
  pillar: 'security',
  severity: 'high',
  equivalents: ['AwsSolutions-EKS1', 'CKV_AWS_39', 'AVD-AWS-0040'],
  check: (ctx) =>
    checkNodes(ctx, EKS_01, ['eks'], 'all', (node, props) =>
      flag(props, 'endpointPublicAccess') === true
        ? {
            message: `${node.name} exposes its Kubernetes API endpoint to the internet`,
            why: 'A public control-plane endpoint invites credential stuffing and exploits against the API server; reach it through the VPC.',
            fixTitle: 'Make the endpoint private',
            set: { endpointPublicAccess: false },
          }
        : undefined,
    ),
};
