import { describe, expect, it } from 'vitest';
import { RULES, getRule } from './registry.ts';
import { PILLARS, SEVERITIES } from './types.ts';
import type { RuleCase } from './test-support/rule-case.ts';
import { albCases } from './rules/alb/alb.cases.ts';
import { backupCases } from './rules/backup/backup.cases.ts';
import { containerCases } from './rules/containers/containers.cases.ts';
import { costCases } from './rules/cost/cost.cases.ts';
import { dataCases } from './rules/data/data.cases.ts';
import { edgeCases } from './rules/edge/edge.cases.ts';
import { lambdaCases } from './rules/lambda/lambda.cases.ts';
import { limitsCases } from './rules/limits/limits.cases.ts';
import { importCases } from './rules/import/import.cases.ts';
import { messagingCases } from './rules/messaging/messaging.cases.ts';
import { networkCases } from './rules/network/network.cases.ts';
import { observabilityCases } from './rules/observability/observability.cases.ts';
import { auditCases } from './rules/audit/audit.cases.ts';
import { performanceCases } from './rules/performance/performance.cases.ts';
import { securityCases } from './rules/security/security.cases.ts';
import { storageCases } from './rules/storage/storage.cases.ts';
import { sustainabilityCases } from './rules/sustainability/sustainability.cases.ts';
import { textCases } from './rules/text/text.cases.ts';

const ALL_CASES: RuleCase[] = [
  ...albCases,
  ...backupCases,
  ...containerCases,
  ...costCases,
  ...dataCases,
  ...edgeCases,
  ...lambdaCases,
  ...limitsCases,
  ...importCases,
  ...messagingCases,
  ...networkCases,
  ...observabilityCases,
  ...auditCases,
  ...performanceCases,
  ...securityCases,
  ...storageCases,
  ...sustainabilityCases,
  ...textCases,
];

describe('rule registry', () => {
  it('holds exactly these rules, sorted by id', () => {
    expect(RULES.map((r) => r.id)).toEqual([
      'ACM-01',
      'ACM-02',
      'ACM-03',
      'ALB-01',
      'ALB-02',
      'ALB-03',
      'APIG-01',
      'APIG-02',
      'APIG-03',
      'APIG-04',
      'APIG-05',
      'ATH-01',
      'BAK-01',
      'BAK-02',
      'BAK-03',
      'BAK-04',
      'BAS-01',
      'CF-01',
      'CF-02',
      'CF-03',
      'CFG-01',
      'CFG-02',
      'COG-01',
      'CON-01',
      'CON-02',
      'CON-03',
      'COST-01',
      'COST-02',
      'COST-03',
      'COST-04',
      'COST-05',
      'COST-06',
      'CT-01',
      'CT-02',
      'CT-03',
      'CT-04',
      'CW-01',
      'CW-02',
      'DAT-01',
      'DDB-01',
      'DDB-02',
      'EC-01',
      'EC-02',
      'EC-03',
      'ECR-01',
      'ECR-02',
      'ECR-03',
      'ECR-04',
      'ECS-01',
      'ECS-02',
      'ECS-03',
      'ECS-04',
      'EFS-01',
      'EFS-02',
      'EFS-03',
      'EKS-01',
      'EKS-02',
      'EVR-01',
      'EVR-02',
      'FH-01',
      'FH-02',
      'FH-03',
      'IAM-01',
      'IAM-03',
      'IMP-01',
      'IMP-02',
      'IMP-03',
      'IMP-04',
      'IMP-05',
      'KIN-01',
      'KMS-01',
      'KMS-02',
      'LAM-01',
      'LAM-02',
      'LAM-03',
      'LAM-04',
      'LIM-01',
      'MSG-01',
      'MSK-01',
      'MSK-02',
      'MSK-03',
      'NEP-01',
      'NEP-02',
      'NET-01',
      'NET-02',
      'NET-03',
      'NET-04',
      'NET-05',
      'NET-06',
      'NET-07',
      'NET-08',
      'OS-01',
      'OS-02',
      'OS-03',
      'PERF-01',
      'PERF-02',
      'PERF-03',
      'PERF-04',
      'PLC-01',
      'PLC-02',
      'PLC-03',
      'R53-01',
      'R53-02',
      'R53-03',
      'RDS-01',
      'RDS-02',
      'RDS-03',
      'RDS-04',
      'RDS-05',
      'RDS-06',
      'S3-01',
      'S3-02',
      'S3-03',
      'SFN-01',
      'SG-01',
      'SG-02',
      'SG-03',
      'SM-01',
      'SNS-01',
      'SQS-02',
      'SQS-03',
      'SQS-04',
      'SQS-05',
      'SQS-06',
      'SUS-01',
      'SUS-02',
      'TAG-01',
      'TAG-02',
      'TAG-03',
      'TXT-01',
      'WAF-01',
      'WAF-02',
      'WAF-03',
    ]);
  });

  it('has at least 40 rules with unique ids', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('covers all six pillars', () => {
    expect(new Set(RULES.map((r) => r.pillar))).toEqual(new Set(PILLARS));
  });

  it('gives every rule a title, a known severity and string equivalents', () => {
    for (const rule of RULES) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(SEVERITIES, rule.id).toContain(rule.severity);
      for (const id of rule.equivalents) expect(id, rule.id).toMatch(/^[A-Za-z0-9_.-]+$/);
    }
  });

  it('finds rules by id', () => {
    expect(getRule('NET-04')?.severity).toBe('critical');
    expect(getRule('NOPE-01')).toBeUndefined();
  });

  it('has a compliant and a non-compliant fixture for every rule', () => {
    const withCases = new Set(ALL_CASES.map((c) => c.ruleId));
    expect(RULES.map((r) => r.id).filter((id) => !withCases.has(id))).toEqual([]);
    expect([...withCases].filter((id) => !getRule(id))).toEqual([]);
  });

  it('pins each case to its rule severity', () => {
    for (const c of ALL_CASES)
      expect(c.expect.severity, `${c.ruleId}: ${c.name}`).toBe(getRule(c.ruleId)?.severity);
  });
});
