import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const audit = () => design('Audit fixture');

export const auditCases: RuleCase[] = [
  {
    ruleId: 'CT-01',
    name: 'trail without log file validation',
    compliant: audit().node('cloudtrail', { id: 'trail' }).build(),
    nonCompliant: audit()
      .node('cloudtrail', { id: 'trail', properties: { logFileValidation: false } })
      .build(),
    expect: { target: 'trail', severity: 'medium' },
  },
  {
    ruleId: 'CT-02',
    name: 'single-region trail',
    compliant: audit().node('cloudtrail', { id: 'trail' }).build(),
    nonCompliant: audit()
      .node('cloudtrail', { id: 'trail', properties: { multiRegion: false } })
      .build(),
    expect: { target: 'trail', severity: 'medium' },
  },
  {
    ruleId: 'CT-03',
    name: 'trail whose log files only S3 encrypts',
    compliant: audit()
      .node('kms-key', { id: 'key' })
      .node('cloudtrail', { id: 'trail' })
      .connect('trail', 'key', 'encrypt-with')
      .build(),
    nonCompliant: audit().node('cloudtrail', { id: 'trail' }).build(),
    expect: { target: 'trail', severity: 'medium' },
  },
  {
    ruleId: 'CT-04',
    name: 'trail without CloudWatch Logs',
    compliant: audit().node('cloudtrail', { id: 'trail' }).build(),
    nonCompliant: audit()
      .node('cloudtrail', { id: 'trail', properties: { cloudWatchLogs: false } })
      .build(),
    expect: { target: 'trail', severity: 'low' },
  },
  {
    ruleId: 'CFG-01',
    name: 'recorder leaving out global resources',
    compliant: audit().node('config-recorder', { id: 'recorder' }).build(),
    nonCompliant: audit()
      .node('config-recorder', { id: 'recorder', properties: { includeGlobalResources: false } })
      .build(),
    expect: { target: 'recorder', severity: 'low' },
  },
  {
    ruleId: 'CFG-02',
    name: 'two recorders in one design',
    compliant: audit().node('config-recorder', { id: 'a' }).build(),
    nonCompliant: audit().node('config-recorder', { id: 'a' }).node('config-recorder', { id: 'b' }).build(),
    expect: { target: 'b', severity: 'high', manualFix: true },
  },
];
