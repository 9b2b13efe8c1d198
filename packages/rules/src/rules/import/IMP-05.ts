import type { DesignNode } from '@archgen/model';
import type { Finding, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';

/**
 * A Terraform module read from its local source: its resources are in the design, drawn inside a
 * group named after the module call, but every export writes them flat (no generator writes a
 * `module` block back), so whoever re-exports should know the module boundary stays on the canvas.
 */
export const IMP_05: Rule = {
  id: 'IMP-05',
  title: 'A Terraform module is exported as its resources',
  pillar: 'operational-excellence',
  severity: 'low',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    const members = new Map<string, DesignNode[]>();
    for (const node of ctx.design.nodes)
      if (node.group !== undefined) members.set(node.group, [...(members.get(node.group) ?? []), node]);
    for (const group of ctx.design.groups ?? []) {
      if (group.kind !== 'terraform-module') continue;
      const nodes = members.get(group.id) ?? [];
      // The finding sits on the group's first node, so it shows on the canvas next to the frame.
      const first = nodes[0];
      if (!first) continue;
      const source = group.source ? ` (source "${group.source}")` : '';
      findings.push(
        makeFinding(
          IMP_05,
          { kind: 'node', id: first.id },
          `${group.name}${source}: the module's ${nodes.length} resource${nodes.length === 1 ? ' is' : 's are'} shown as a group; the Terraform, CloudFormation and CDK exports write ${nodes.length === 1 ? 'it' : 'them'} flat, without the module block`,
          'The group is a picture of where the resources came from, not a module the exports write: after exporting, keep the module in the original configuration, or move the generated resources into a module by hand (terraform state mv keeps them from being replaced).',
          { title: 'Keep the module in the original code', actions: [] },
        ),
      );
    }
    return findings;
  },
};
