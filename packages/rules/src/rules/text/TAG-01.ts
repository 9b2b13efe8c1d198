import { generatedTagKeyFor, MANAGED_BY_TAG_VALUE } from '@archgen/model';
import type { Finding, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';
import { DESIGN_TARGET } from './text-fields.ts';
import { freeTagKey } from './tag-keys.ts';

/**
 * The generated code tags every resource with Name, Environment and ManagedBy itself. A design
 * tag with one of those keys (IAM compares keys ignoring case) is left out of all three outputs,
 * the same way, rather than overridden differently per target: say so, and offer a new key.
 */
export const TAG_01: Rule = {
  id: 'TAG-01',
  title: 'Design tags do not reuse the keys the generated code sets (Name, Environment, ManagedBy)',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: [],
  check(ctx) {
    const findings: Finding[] = [];
    for (const [key, value] of Object.entries(ctx.design.tags)) {
      const ours = generatedTagKeyFor(key);
      if (ours === undefined) continue;
      const newKey = freeTagKey(ctx.design.tags, `Design${ours}`);
      const what =
        ours === 'Name'
          ? "each resource's own name"
          : ours === 'Environment'
            ? 'the environment it is deployed to'
            : `"${MANAGED_BY_TAG_VALUE}"`;
      findings.push(
        makeFinding(
          TAG_01,
          DESIGN_TARGET,
          `Design tag "${key}" = "${value}" is left out: the generated code sets ${ours} to ${what}`,
          `${ours} is set by the generated code on every resource, in all three targets alike; a design tag with the same key (case does not matter to IAM) would be overridden, so it is not written. Rename it to keep its value.`,
          { title: `Rename the tag to "${newKey}"`, actions: [{ kind: 'rename-tag', key, newKey }] },
        ),
      );
    }
    return findings;
  },
};
