import type { Finding, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';
import { KEPT_TYPE, keptForms, keptTypeName } from './kept-forms.ts';

/**
 * A kept resource (an imported resource the designer does not model) with no Terraform form:
 * the Terraform export leaves it out, so that configuration lacks a resource the source had.
 */
export const IMP_01: Rule = {
  id: 'IMP-01',
  title: 'A kept resource has a Terraform form',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const node of ctx.nodesOfType(KEPT_TYPE)) {
      const forms = keptForms(ctx.props(node));
      if (forms.terraformType !== '') continue;
      findings.push(
        makeFinding(
          IMP_01,
          { kind: 'node', id: node.id },
          `${node.name}: kept resource ${keptTypeName(node, forms)} has no Terraform form, so the Terraform export leaves it out`,
          'It was imported from CloudFormation or CDK and the designer does not model it: only its CloudFormation form can be passed through. Write its Terraform resource by hand (or model it with a catalog service) before relying on the Terraform export.',
          { title: 'Write its Terraform resource by hand', actions: [] },
        ),
      );
    }
    return findings;
  },
};
