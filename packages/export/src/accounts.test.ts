// An environment's account, when the design names one, is where every target deploys it, and
// nowhere else (issue: "an environment's account is accepted and then ignored").
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCdk } from '@archgen/generator-cdk';
import { generateTerraform } from '@archgen/generator-terraform';
import { generateCloudFormation, parseTemplate } from '@archgen/generator-cloudformation';

function accountsDesign() {
  const d = design('Accounts')
    .environments('dev', 'prod')
    .node('sqs', { id: 'queue', placement: null })
    .build();
  d.environments[0]!.account = '111111111111';
  return d;
}

describe('environment accounts', () => {
  const graph = lowerDesign(accountsDesign());

  it('are decided once, in the lowering', () => {
    expect(graph.accounts).toEqual({ dev: '111111111111' });
  });

  it('pin the CDK stack of that environment (config.account feeds the stack env)', () => {
    const files = generateCdk(graph);
    expect(files['lib/config.ts']).toMatch(/dev: \{[^}]*account: '111111111111'/);
    expect(files['lib/config.ts']).not.toMatch(/prod: \{[^}]*account:/);
    expect(files['bin/app.ts']).toMatch(/account: config\.account/);
  });

  it('become allowed_account_ids of the Terraform provider, per environment', () => {
    const files = generateTerraform(graph);
    expect(files['providers.tf']).toMatch(/allowed_account_ids = var\.allowed_account_ids/);
    expect(files['environments/dev.tfvars']).toMatch(/allowed_account_ids\s*= \["111111111111"\]/);
    expect(files['environments/prod.tfvars']).toMatch(/allowed_account_ids\s*= \[\]/);
  });

  it('become a CloudFormation Rules assertion for that environment only', () => {
    const template = parseTemplate(generateCloudFormation(graph)['template.yaml']!) as {
      Rules?: Record<string, unknown>;
    };
    expect(template.Rules).toEqual({
      DevAccount: {
        RuleCondition: { 'Fn::Equals': [{ Ref: 'EnvironmentName' }, 'dev'] },
        Assertions: [
          {
            Assert: { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '111111111111'] },
            AssertDescription: expect.stringContaining('111111111111'),
          },
        ],
      },
    });
  });

  it('leave every target open when no environment names one', () => {
    const open = lowerDesign(design('Open').node('sqs', { id: 'queue', placement: null }).build());
    expect(open.accounts).toEqual({});
    expect(generateTerraform(open)['providers.tf']).not.toContain('allowed_account_ids');
    expect(generateCloudFormation(open)['template.yaml']).not.toContain('Rules:');
  });
});
