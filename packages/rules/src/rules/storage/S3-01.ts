import type { Rule } from '../../types.ts';
import { checkNodes, flag, incomingOf } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const S3_01: Rule = {
  id: 'S3-01',
  title: 'Buckets block public access and require TLS',
  pillar: 'security',
  severity: 'critical',
  equivalents: [
    'AwsSolutions-S2',
    'AwsSolutions-S10',
    'CKV_AWS_53',
    'CKV_AWS_54',
    'CKV_AWS_55',
    'CKV_AWS_56',
    'AVD-AWS-0086',
    'AVD-AWS-0087',
    'AVD-AWS-0091',
    'AVD-AWS-0093',
  ],
  check: (ctx) =>
    checkNodes(ctx, S3_01, ['s3'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      // A CloudFront origin left public is CF-02's finding, with its own explanation.
      const cloudFrontOrigin = incomingOf(ctx, node.id, ['route']).some(
        (c) => ctx.nodesById.get(c.from)?.type === 'cloudfront',
      );
      if (flag(props, 'blockPublicAccess') === false && !cloudFrontOrigin)
        problems.push({
          code: 'public',
          message: `${node.name} does not block public access`,
          why: 'One public ACL or policy statement is then enough to publish every object; Block Public Access makes that impossible.',
          fixTitle: 'Block all public access',
          set: { blockPublicAccess: true },
        });
      if (flag(props, 'enforceTls') === false)
        problems.push({
          code: 'tls',
          message: `${node.name} accepts requests without TLS`,
          why: 'A bucket policy denying aws:SecureTransport=false keeps objects and credentials off unencrypted connections.',
          fixTitle: 'Require TLS',
          set: { enforceTls: true },
        });
      return problems;
    }),
};
