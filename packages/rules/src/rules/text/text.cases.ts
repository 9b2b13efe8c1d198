import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const fixture = () => design('Text fixture').tag('team', 'payments');

/** An ALB sending traffic to a Fargate service over a labelled connection. */
const labelled = (label: string) => {
  const d = design('Text fixture')
    .vpc()
    .node('alb', { id: 'web', tier: 'public' })
    .node('ecs-fargate', { id: 'api', tier: 'private' })
    .connect('web', 'api', 'traffic')
    .build();
  d.connections[0]!.label = label;
  d.connections[0]!.id = 'web-to-api';
  return d;
};

export const textCases: RuleCase[] = [
  {
    ruleId: 'TXT-01',
    name: 'a secret reference in a node name',
    compliant: fixture().node('sqs', { id: 'q', name: 'Orders {resolve} queue' }).build(),
    nonCompliant: fixture()
      .node('sqs', { id: 'q', name: 'Orders {{resolve:secretsmanager:db:SecretString:password}}' })
      .build(),
    expect: { target: 'q', severity: 'high' },
  },
  {
    ruleId: 'TXT-01',
    name: 'a parameter reference in a tag value and the description',
    compliant: fixture().description('Uses SSM parameters').tag('build', 'resolve:ssm:/b').build(),
    nonCompliant: fixture()
      .description('Build {{ resolve:ssm:/build/id }}')
      .tag('build', '{{RESOLVE:ssm:/build/id}}')
      .build(),
    expect: { target: 'design', targetKind: 'design', severity: 'high' },
  },
  {
    ruleId: 'TAG-01',
    name: 'a design tag named like the generated Environment tag',
    compliant: fixture().tag('Stage', 'production').build(),
    nonCompliant: fixture().tag('environment', 'production').build(),
    expect: { target: 'design', targetKind: 'design', severity: 'medium' },
  },
  {
    ruleId: 'TAG-01',
    name: 'a design tag named ManagedBy',
    compliant: fixture().tag('Owner', 'platform').build(),
    nonCompliant: fixture().tag('ManagedBy', 'terraform').build(),
    expect: { target: 'design', targetKind: 'design', severity: 'medium' },
  },
  {
    ruleId: 'TAG-02',
    name: 'a tag key with the reserved aws: prefix',
    compliant: fixture().tag('cloudformation-stack', 'x').build(),
    nonCompliant: fixture().tag('AWS:cloudformation:stack-name', 'x').build(),
    expect: { target: 'design', targetKind: 'design', severity: 'medium' },
  },
  {
    ruleId: 'TAG-03',
    name: 'tag key and value with characters AWS rejects',
    compliant: fixture().tag('cost:center', 'Zürich 東京 a-b_c.d/e=f+g@h').build(),
    nonCompliant: fixture().tag('cost#center', 'owner "a" <b>').build(),
    expect: { target: 'design', targetKind: 'design', severity: 'high' },
  },
  {
    ruleId: 'TAG-03',
    name: 'a tag value over 256 characters',
    compliant: fixture().tag('notes', 'n'.repeat(256)).build(),
    nonCompliant: fixture().tag('notes', 'n'.repeat(257)).build(),
    expect: { target: 'design', targetKind: 'design', severity: 'high' },
  },
  {
    ruleId: 'TAG-03',
    name: 'two tag keys that differ only in case',
    compliant: fixture().tag('Owner', 'payments').build(),
    nonCompliant: fixture().tag('Team', 'payments').build(),
    expect: { target: 'design', targetKind: 'design', severity: 'high' },
  },
  {
    ruleId: 'TXT-01',
    name: 'a dynamic reference in a connection label (a security group rule description)',
    compliant: labelled('HTTPS from {web}'),
    nonCompliant: labelled('HTTPS {{resolve:ssm:/port}}'),
    expect: { target: 'web-to-api', targetKind: 'connection', severity: 'high', manualFix: true },
  },
  {
    ruleId: 'IAM-03',
    name: 'a function named in a script IAM descriptions cannot hold',
    compliant: fixture().node('lambda', { id: 'fn', name: 'Zahlung café' }).build(),
    nonCompliant: fixture().node('lambda', { id: 'fn', name: '支払い handler' }).build(),
    expect: { target: 'fn', severity: 'low', manualFix: true },
  },
];
