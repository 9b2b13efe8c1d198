import { TERRAFORM_MODULE } from '@archgen/model';
import type { Finding, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';
import { KEPT_TYPE, keptForms } from './kept-forms.ts';

/**
 * A Terraform module call kept as written (its source, a registry or git module, was not among
 * the imported files): the module's resources are not in the design, so the rules and the review
 * do not see them, and only the Terraform export has the call.
 */
export const IMP_04: Rule = {
  id: 'IMP-04',
  title: "A Terraform module's resources are in the design",
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const node of ctx.nodesOfType(KEPT_TYPE)) {
      const props = ctx.props(node);
      if (keptForms(props).terraformType !== TERRAFORM_MODULE) continue;
      const args = props.terraformArguments;
      const source =
        args && typeof args === 'object' && !Array.isArray(args) && typeof args.source === 'string'
          ? ` (source "${args.source}")`
          : '';
      findings.push(
        makeFinding(
          IMP_04,
          { kind: 'node', id: node.id },
          `${node.name}: Terraform module${source} kept as its call; the resources it makes are not in the design, so no rule or review sees them and the CloudFormation and CDK exports leave them out`,
          "Import the module's source folder with the configuration that calls it (a local path, or the module downloaded by `terraform init` under .terraform/modules) so its resources are read one by one, or draw what it makes.",
          { title: "Import the module's folder too", actions: [] },
        ),
      );
    }
    return findings;
  },
};
