import { TERRAFORM_MODULE } from '@archgen/model';
import type { Finding, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';
import { KEPT_TYPE, keptForms, keptTypeName } from './kept-forms.ts';

/**
 * A kept resource with no CloudFormation form: the CloudFormation and CDK exports leave it out,
 * so those stacks lack a resource the source had.
 */
export const IMP_02: Rule = {
  id: 'IMP-02',
  title: 'A kept resource has a CloudFormation form',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const node of ctx.nodesOfType(KEPT_TYPE)) {
      const forms = keptForms(ctx.props(node));
      // A kept module call has its own finding (IMP-04).
      if (forms.cloudFormationType !== '' || forms.terraformType === TERRAFORM_MODULE) continue;
      findings.push(
        makeFinding(
          IMP_02,
          { kind: 'node', id: node.id },
          `${node.name}: kept resource ${keptTypeName(node, forms)} has no CloudFormation form, so the CloudFormation and CDK exports leave it out`,
          'It was imported from Terraform and the designer does not model it: only its Terraform form can be passed through. Write its CloudFormation resource by hand (or model it with a catalog service) before relying on those exports.',
          { title: 'Write its CloudFormation resource by hand', actions: [] },
        ),
      );
    }
    return findings;
  },
};
