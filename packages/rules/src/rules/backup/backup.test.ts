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

  it('DDB-01 still flags a table without PITR that a plan backs up, and says what the plan does not cover', () => {
    const build = (backedUp: boolean) => {
      const d = design('Backup fixture')
        .node('backup-plan', { id: 'plan', name: 'Nightly' })
        .node('dynamodb', { id: 'table', properties: { pointInTimeRecovery: false } });
      return (backedUp ? d.connect('plan', 'table', 'back-up') : d).build();
    };
    const why = (backedUp: boolean) =>
      validateDesign(build(backedUp))
        .filter((f) => f.ruleId === 'DDB-01')
        .map((f) => f.why);
    expect(why(true)).toHaveLength(1);
    expect(why(true)[0]).toMatch(
      /Nightly backs it up too, but its recovery points restore to when they were taken/,
    );
    expect(why(false)[0]).not.toMatch(/backs it up/);
  });
});
