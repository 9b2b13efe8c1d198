import { design, type DesignNode } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const cloudFormation = {
  cloudFormationType: 'AWS::SSM::Parameter',
  cloudFormationProperties: { Type: 'String' },
};
const terraform = { terraformType: 'aws_ssm_parameter', terraformArguments: { type: 'String' } };

function kept(properties: DesignNode['properties']) {
  return design('Imported').node('other-resource', { id: 'param', name: 'Param', properties }).build();
}

function keeping(second: string) {
  return design('Imported')
    .node('sqs', { id: 'a', name: 'A', logicalIds: { self: 'Orders' } })
    .node('sqs', { id: 'b', name: 'B', logicalIds: { self: second } })
    .build();
}

function grouped(kind: 'terraform-module' | 'drawn') {
  return design('Imported')
    .node('sqs', { id: 'queue', name: 'Queue' })
    .node('lambda', { id: 'worker', name: 'Worker' })
    .group('module-jobs', 'module.jobs', ['queue', 'worker'], { kind, source: './modules/jobs' })
    .build();
}

export const importCases: RuleCase[] = [
  {
    ruleId: 'IMP-01',
    name: 'a kept resource with only its CloudFormation form',
    compliant: kept({ ...cloudFormation, ...terraform }),
    nonCompliant: kept(cloudFormation),
    expect: { target: 'param', severity: 'medium', manualFix: true },
  },
  {
    ruleId: 'IMP-02',
    name: 'a kept resource with only its Terraform form',
    compliant: kept({ ...cloudFormation, ...terraform }),
    nonCompliant: kept(terraform),
    expect: { target: 'param', severity: 'medium', manualFix: true },
  },
  {
    ruleId: 'IMP-04',
    name: 'a Terraform module kept as its call',
    compliant: kept(terraform),
    nonCompliant: kept({
      terraformType: 'module',
      terraformArguments: { source: 'terraform-aws-modules/vpc/aws', version: '~> 5.0' },
    }),
    expect: { target: 'param', severity: 'medium', manualFix: true },
  },
  {
    ruleId: 'IMP-05',
    name: 'resources of a local Terraform module shown as a group',
    compliant: grouped('drawn'),
    nonCompliant: grouped('terraform-module'),
    expect: { target: 'queue', severity: 'low', manualFix: true },
  },
  {
    ruleId: 'IMP-03',
    name: 'two nodes keep the same logical id (in another case)',
    compliant: keeping('OrdersTable'),
    nonCompliant: keeping('ORDERS'),
    expect: { target: 'b', severity: 'medium', manualFix: true },
  },
];
