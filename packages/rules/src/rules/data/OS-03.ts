import type { Rule } from '../../types.ts';
import { checkEngineVersions } from '../../version-support.ts';

export const OS_03: Rule = {
  id: 'OS-03',
  title: 'Search domains run a version in standard support',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: [],
  check: (ctx) =>
    checkEngineVersions(
      ctx,
      OS_03,
      ['opensearch'],
      'A domain upgrades in place with a blue/green deployment; check the upgrade path between major versions.',
    ),
};
