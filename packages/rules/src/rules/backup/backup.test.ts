import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { validateDesign } from '../../validate.ts';
import { backupCases } from './backup.cases.ts';

describeRuleCases(backupCases);

describe('backup rules', () => {
  it('BAK-02 leaves the default retention alone: the lowering keeps 35 days in production', () => {
    const plan = design('Backup fixture')
      .node('backup-plan', { id: 'plan', properties: { selectionTag: 'backup=daily' } })
      .build();
    expect(validateDesign(plan).filter((f) => f.ruleId === 'BAK-02')).toEqual([]);
  });

  it('BAK-04 flags the bucket only in the environment that turns versioning off', () => {
    const d = design('Backup fixture')
      .node('backup-plan', { id: 'plan' })
      .node('s3', { id: 'files' })
      .connect('plan', 'files', 'back-up')
      .override('staging', 'files', { versioned: false })
      .build();
    const findings = validateDesign(d).filter((f) => f.ruleId === 'BAK-04');
    expect(findings.map((f) => [f.target.id, f.environment])).toEqual([['files', 'staging']]);
  });
});
