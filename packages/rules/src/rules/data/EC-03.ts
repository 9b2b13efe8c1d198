import type { Rule } from '../../types.ts';
import { checkEngineVersions } from '../../version-support.ts';

export const EC_03: Rule = {
  id: 'EC-03',
  title: 'Cache engines are in standard support',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: [],
  check: (ctx) =>
    checkEngineVersions(
      ctx,
      EC_03,
      ['elasticache'],
      'ElastiCache upgrades a replication group in place, one node at a time.',
    ),
};
