import type { Finding, Rule } from '../../types.ts';
import { COMPUTE_TYPES, makeFinding, nodesOfTypes, nodeTarget, outgoingOf } from '../../rule-kit.ts';

/** From this many stores of one type on, writing to all of them is a wildcard in disguise. */
const BROAD_ACCESS_MIN_STORES = 3;
const WRITING = ['write', 'read-write'] as const;

export const IAM_01: Rule = {
  id: 'IAM-01',
  title: 'No compute writes to every bucket or table',
  pillar: 'security',
  severity: 'high',
  equivalents: ['AwsSolutions-IAM5', 'CKV_AWS_62', 'CKV_AWS_63'],
  check(ctx) {
    const findings: Finding[] = [];
    for (const storeType of ['s3', 'dynamodb']) {
      const stores = ctx.nodesOfType(storeType);
      if (stores.length < BROAD_ACCESS_MIN_STORES) continue;
      for (const node of nodesOfTypes(ctx, COMPUTE_TYPES)) {
        const written = new Set(
          outgoingOf(ctx, node.id, WRITING)
            .map((c) => c.to)
            .filter((id) => ctx.nodesById.get(id)?.type === storeType),
        );
        if (written.size < stores.length) continue;
        const what = storeType === 's3' ? 'bucket' : 'table';
        findings.push(
          makeFinding(
            IAM_01,
            nodeTarget(node),
            `${node.name} can write to every ${what} in the design (${stores.length})`,
            `Its role then amounts to write access on all ${what}s: one compromised ${node.name} can corrupt all data. Grant write only where it writes and read elsewhere.`,
            { title: `Change connections to ${what}s it only reads to "read"`, actions: [] },
          ),
        );
      }
    }
    return findings;
  },
};
