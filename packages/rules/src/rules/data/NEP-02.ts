import type { Rule } from '../../types.ts';
import { checkEngineVersions } from '../../version-support.ts';

export const NEP_02: Rule = {
  id: 'NEP-02',
  title: 'Graph databases run a Neptune version before its end of life',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: [],
  check: (ctx) =>
    checkEngineVersions(
      ctx,
      NEP_02,
      ['neptune'],
      'Upgrading on your own schedule lets you test queries against the new engine first.',
    ),
};
