import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const vpc = () => design('ALB fixture').vpc();
const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/abc-123';

export const albCases: RuleCase[] = [
  {
    ruleId: 'ALB-01',
    name: 'no certificate: plain HTTP',
    compliant: vpc()
      .node('alb', { id: 'web', properties: { certificateArn: CERT } })
      .build(),
    nonCompliant: vpc().node('alb', { id: 'web' }).build(),
    expect: { target: 'web', severity: 'high', manualFix: true },
  },
  {
    ruleId: 'ALB-01',
    name: 'port 80 serves content instead of redirecting',
    compliant: vpc()
      .node('alb', { id: 'web', properties: { certificateArn: CERT, httpRedirect: true } })
      .build(),
    nonCompliant: vpc()
      .node('alb', { id: 'web', properties: { certificateArn: CERT, httpRedirect: false } })
      .build(),
    expect: { target: 'web', severity: 'high' },
  },
  {
    ruleId: 'ALB-02',
    name: 'public load balancer without WAF',
    compliant: vpc()
      .node('alb', { id: 'web', properties: { waf: true } })
      .build(),
    nonCompliant: vpc()
      .node('alb', { id: 'web', properties: { waf: false } })
      .build(),
    expect: { target: 'web', severity: 'high' },
  },
  {
    ruleId: 'ALB-02',
    name: 'invalid headers forwarded (internal ALB needs no WAF)',
    compliant: vpc()
      .node('alb', { id: 'web', tier: 'private', properties: { scheme: 'internal' } })
      .build(),
    nonCompliant: vpc()
      .node('alb', {
        id: 'web',
        tier: 'private',
        properties: { scheme: 'internal', dropInvalidHeaders: false },
      })
      .build(),
    expect: { target: 'web', severity: 'high' },
  },
  {
    ruleId: 'ALB-03',
    name: 'no access logs',
    compliant: vpc()
      .node('alb', { id: 'web', properties: { accessLogs: true } })
      .build(),
    nonCompliant: vpc().node('alb', { id: 'web' }).build(),
    expect: { target: 'web', severity: 'medium' },
  },
];
