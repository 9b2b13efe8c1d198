import type { Rule } from '../../types.ts';
import { SQL_DATABASE_TYPES } from '../../rule-kit.ts';
import { checkEngineVersions } from '../../version-support.ts';

export const RDS_06: Rule = {
  id: 'RDS-06',
  title: 'Database engines are in standard support',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: [],
  check: (ctx) =>
    checkEngineVersions(
      ctx,
      RDS_06,
      SQL_DATABASE_TYPES,
      'A new major version is an upgrade to plan and test; AWS applies it only when asked to.',
    ),
};
