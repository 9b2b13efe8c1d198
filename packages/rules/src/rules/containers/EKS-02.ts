import type { Rule } from '../../types.ts';
import { checkEngineVersions } from '../../version-support.ts';

export const EKS_02: Rule = {
  id: 'EKS-02',
  title: 'EKS clusters run a Kubernetes version in standard support',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: ['CKV_AWS_339'],
  check: (ctx) =>
    checkEngineVersions(
      ctx,
      EKS_02,
      ['eks'],
      'A cluster upgrades one minor version at a time, and its node groups and add-ons follow.',
    ),
};
