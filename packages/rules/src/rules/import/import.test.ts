import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { validateDesign } from '../../validate.ts';
import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { importCases } from './import.cases.ts';

describeRuleCases(importCases);

describe('kept resources', () => {
  it('names the type and node, and a kept resource with no form gets both findings', () => {
    const d = design('Imported')
      .node('other-resource', {
        id: 'policy',
        name: 'Publish policy',
        properties: { cloudFormationType: 'AWS::IAM::ManagedPolicy' },
      })
      .node('other-resource', { id: 'empty', name: 'Empty' })
      .build();
    const findings = validateDesign(d).filter((f) => f.ruleId.startsWith('IMP-'));
    expect(findings.map((f) => `${f.ruleId} ${f.target.id}`).sort()).toEqual([
      'IMP-01 empty',
      'IMP-01 policy',
      'IMP-02 empty',
    ]);
    expect(findings.find((f) => f.target.id === 'policy')?.message).toBe(
      'Publish policy: kept resource AWS::IAM::ManagedPolicy has no Terraform form, so the Terraform export leaves it out',
    );
  });
});
