import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const regional = () => design('Backup fixture');

export const backupCases: RuleCase[] = [
  {
    ruleId: 'BAK-01',
    name: 'a plan connected to nothing and selecting no tag',
    compliant: regional()
      .node('backup-plan', { id: 'plan' })
      .node('dynamodb', { id: 'table' })
      .connect('plan', 'table', 'back-up')
      .build(),
    nonCompliant: regional().node('backup-plan', { id: 'plan' }).node('dynamodb', { id: 'table' }).build(),
    expect: { target: 'plan', severity: 'medium' },
  },
  {
    ruleId: 'BAK-01',
    name: 'a tag selects what a plan backs up',
    compliant: regional()
      .node('backup-plan', { id: 'plan', properties: { selectionTag: 'backup=daily' } })
      .build(),
    nonCompliant: regional().node('backup-plan', { id: 'plan' }).build(),
    expect: { target: 'plan', severity: 'medium' },
  },
  {
    ruleId: 'BAK-02',
    name: 'production recovery points kept a week (the default keeps 35 days there)',
    compliant: regional()
      .node('backup-plan', { id: 'plan', properties: { selectionTag: 'backup=daily' } })
      .override('dev', 'plan', { retentionDays: 3 })
      .build(),
    nonCompliant: regional()
      .node('backup-plan', { id: 'plan', properties: { selectionTag: 'backup=daily', retentionDays: 7 } })
      .build(),
    expect: { target: 'plan', severity: 'medium', environment: 'prod' },
  },
  {
    ruleId: 'BAK-03',
    name: 'production recovery points in an unlocked vault',
    compliant: regional()
      .node('backup-plan', { id: 'plan', properties: { selectionTag: 'backup=daily', vaultLock: true } })
      .build(),
    nonCompliant: regional()
      .node('backup-plan', { id: 'plan', properties: { selectionTag: 'backup=daily' } })
      .build(),
    expect: { target: 'plan', severity: 'low', environment: 'prod' },
  },
  {
    ruleId: 'BAK-04',
    name: 'a plan backs up a bucket without versioning',
    compliant: regional()
      .node('backup-plan', { id: 'plan' })
      .node('s3', { id: 'files' })
      .node('s3', { id: 'scratch', properties: { versioned: false } })
      .connect('plan', 'files', 'back-up')
      .build(),
    nonCompliant: regional()
      .node('backup-plan', { id: 'plan' })
      .node('s3', { id: 'files', properties: { versioned: false } })
      .connect('plan', 'files', 'back-up')
      .build(),
    expect: { target: 'files', severity: 'high' },
  },
];
