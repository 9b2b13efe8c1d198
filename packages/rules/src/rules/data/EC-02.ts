import type { Properties } from '@archgen/model';
import type { Rule } from '../../types.ts';
import { checkNodes, flag, num, text } from '../../rule-kit.ts';

// Memcached has no replicas or snapshots: the checks apply to Redis only.
const isRedis = (props: Properties) => text(props, 'engine') !== 'memcached';

export const EC_02: Rule = {
  id: 'EC-02',
  title: 'Redis caches fail over across AZs in production and keep snapshots',
  pillar: 'reliability',
  severity: 'high',
  equivalents: ['AwsSolutions-AEC4', 'CKV_AWS_134'],
  check: (ctx) => [
    ...checkNodes(ctx, EC_02, ['elasticache'], 'production', (node, props) => {
      if (!isRedis(props)) return undefined;
      const nodes = num(props, 'nodes') ?? 1;
      if (flag(props, 'automaticFailover') !== false && nodes >= 2) return undefined;
      return {
        code: 'failover',
        message: `${node.name} cannot fail over to another AZ`,
        why: 'Without a replica in another AZ and automatic failover, losing the primary node loses the cache and every request falls through to the database.',
        fixTitle: 'Turn on Multi-AZ automatic failover',
        set: { automaticFailover: true, nodes: Math.max(2, nodes) },
      };
    }),
    ...checkNodes(ctx, EC_02, ['elasticache'], 'all', (node, props) =>
      isRedis(props) && (num(props, 'snapshotRetentionDays') ?? 1) < 1
        ? {
            code: 'snapshots',
            message: `${node.name} keeps no snapshots`,
            why: 'A Redis cache used for sessions or queues is data; without snapshots a failure or a bad FLUSHALL cannot be undone.',
            fixTitle: 'Keep snapshots for 1 day',
            set: { snapshotRetentionDays: 1 },
          }
        : undefined,
    ),
  ],
};
