import type { Rule } from '../../types.ts';
import { checkNodes, flag, text } from '../../rule-kit.ts';
import type { NodeProblem } from '../../rule-kit.ts';

export const EC_01: Rule = {
  id: 'EC-01',
  title: 'Caches encrypt at rest and in transit; Redis requires AUTH',
  pillar: 'security',
  severity: 'high',
  equivalents: ['AwsSolutions-AEC3', 'AwsSolutions-AEC6', 'CKV_AWS_29', 'CKV_AWS_30', 'CKV_AWS_31'],
  check: (ctx) =>
    checkNodes(ctx, EC_01, ['elasticache'], 'all', (node, props) => {
      const problems: NodeProblem[] = [];
      if (flag(props, 'atRestEncryption') === false)
        problems.push({
          code: 'at-rest',
          message: `${node.name} stores data unencrypted`,
          why: 'Snapshots and swap hold cached data on disk; encryption at rest keeps them unreadable outside the service.',
          fixTitle: 'Encrypt at rest',
          set: { atRestEncryption: true },
        });
      if (flag(props, 'transitEncryption') === false)
        problems.push({
          code: 'in-transit',
          message: `${node.name} accepts unencrypted connections`,
          why: 'Cached values are often session tokens or personal data; TLS keeps them from being read on the network.',
          fixTitle: 'Encrypt in transit',
          set: { transitEncryption: true },
        });
      if (text(props, 'engine') !== 'memcached' && flag(props, 'authToken') === false)
        problems.push({
          code: 'auth',
          message: `${node.name} lets any client in the network connect without AUTH`,
          why: 'Without an AUTH token anything that reaches the port can read and flush the cache.',
          fixTitle: 'Require an AUTH token',
          set: { authToken: true },
        });
      return problems;
    }),
};
