import type { Finding, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';

/**
 * Two nodes (or two parts) keep the same CloudFormation logical id from imported code. Logical
 * ids are unique in a template, so the lowering keeps the first (nodes in id order) and names
 * the other itself: deploying over the imported stack then replaces that resource.
 */
export const IMP_03: Rule = {
  id: 'IMP-03',
  title: 'Kept logical ids are unique',
  pillar: 'reliability',
  severity: 'medium',
  equivalents: [],
  check(ctx) {
    const nodes = [...ctx.design.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const first = new Map<string, { nodeId: string; key: string }>();
    const findings: Finding[] = [];
    for (const node of nodes) {
      const entries = Object.entries(node.logicalIds ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [key, logicalId] of entries) {
        const owner = first.get(logicalId.toLowerCase());
        if (!owner) {
          first.set(logicalId.toLowerCase(), { nodeId: node.id, key });
          continue;
        }
        const holder = ctx.nodesById.get(owner.nodeId)?.name ?? owner.nodeId;
        findings.push(
          makeFinding(
            IMP_03,
            { kind: 'node', id: node.id },
            `${node.name}: logical id ${logicalId} (${key}) is already kept by ${holder} (${owner.key}), so this one gets a new id`,
            'CloudFormation logical ids are unique in a template (whatever the case). With a new id, deploying over the imported stack deletes the old resource and creates a new one.',
            { title: 'Keep one id per resource in the source', actions: [] },
          ),
        );
      }
    }
    return findings;
  },
};
