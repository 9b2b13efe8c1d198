import { hasAwsTagPrefix } from '@archgen/model';
import type { Finding, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';
import { DESIGN_TARGET } from './text-fields.ts';
import { freeTagKey } from './tag-keys.ts';

/** AWS reserves the `aws:` prefix for its own tags and rejects it in user tags. */
export const TAG_02: Rule = {
  id: 'TAG-02',
  title: 'No design tag key starts with the reserved "aws:" prefix',
  pillar: 'operational-excellence',
  severity: 'medium',
  equivalents: [],
  // Not breaksGeneratedCode: the generated code leaves the tag out, so it deploys.
  check(ctx) {
    const findings: Finding[] = [];
    for (const key of Object.keys(ctx.design.tags)) {
      if (!hasAwsTagPrefix(key)) continue;
      const newKey = freeTagKey(ctx.design.tags, key.slice(4).replace(/^:+/, ''));
      findings.push(
        makeFinding(
          TAG_02,
          DESIGN_TARGET,
          `Design tag "${key}" starts with "aws:", which AWS reserves; it is left out of the generated code`,
          'AWS rejects tag keys starting with "aws:" (in any case) on every resource, so the deployment would fail; the generated code leaves the tag out in all three targets until it is renamed.',
          { title: `Rename the tag to "${newKey}"`, actions: [{ kind: 'rename-tag', key, newKey }] },
        ),
      );
    }
    return findings;
  },
};
