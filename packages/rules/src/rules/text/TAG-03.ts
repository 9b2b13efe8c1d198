import {
  hasAwsTagPrefix,
  tagKeyProblem,
  tagSafeText,
  tagValueProblem,
  TAG_KEY_MAX_LENGTH,
  TAG_VALUE_MAX_LENGTH,
} from '@archgen/model';
import type { Finding, FixAction, Rule } from '../../types.ts';
import { makeFinding } from '../../rule-kit.ts';
import { DESIGN_TARGET } from './text-fields.ts';
import { freeTagKey } from './tag-keys.ts';

/**
 * AWS tags take Unicode letters, digits, white space and `_ . : / = + - @`, keys of 1-128 and
 * values of 0-256 characters. The generated code keeps such a tag (escaped, so it cannot break
 * the code) and the deployment fails on the services that check: fix it in the design.
 */
export const TAG_03: Rule = {
  id: 'TAG-03',
  title: 'Design tag keys and values use only the characters and lengths AWS accepts',
  pillar: 'operational-excellence',
  severity: 'high',
  equivalents: [],
  // The tag is written as is (escaped), so the services that check tags refuse the resources.
  breaksGeneratedCode: {
    reason: 'AWS refuses resources tagged with characters, lengths or keys it does not accept',
  },
  check(ctx) {
    const findings: Finding[] = [];
    for (const [key, value] of Object.entries(ctx.design.tags)) {
      if (hasAwsTagPrefix(key)) continue; // TAG-02 renames it
      const problems = [tagKeyProblem(key), tagValueProblem(value)].filter((p) => p !== undefined);
      if (problems.length === 0) continue;
      const actions: FixAction[] = [];
      let fixedKey = key;
      if (tagKeyProblem(key) !== undefined) {
        const rest = Object.fromEntries(Object.entries(ctx.design.tags).filter(([k]) => k !== key));
        fixedKey = freeTagKey(rest, tagSafeText(key, TAG_KEY_MAX_LENGTH));
        actions.push({ kind: 'rename-tag', key, newKey: fixedKey });
      }
      if (tagValueProblem(value) !== undefined)
        actions.push({ kind: 'set-tag', key: fixedKey, value: tagSafeText(value, TAG_VALUE_MAX_LENGTH) });
      findings.push(
        makeFinding(
          TAG_03,
          DESIGN_TARGET,
          `Design tag "${key}": ${problems.join('; ')}`,
          'AWS accepts tag keys of 1-128 and values of up to 256 characters made of Unicode letters, digits, white space and _ . : / = + - @; the deployment fails on the services that check.',
          { title: 'Replace what AWS rejects with "_"', actions },
        ),
      );
    }
    // IAM compares tag keys ignoring case and rejects a role tagged "Team" and "team".
    const seen = new Map<string, string>();
    for (const key of Object.keys(ctx.design.tags)) {
      const first = seen.get(key.toLowerCase());
      if (first === undefined) {
        seen.set(key.toLowerCase(), key);
        continue;
      }
      const newKey = freeTagKey(ctx.design.tags, key);
      findings.push(
        makeFinding(
          TAG_03,
          DESIGN_TARGET,
          `Design tags "${first}" and "${key}" differ only in case`,
          'IAM treats tag keys that differ only in case as the same key and rejects the roles the generated code tags with both, so the deployment fails.',
          { title: `Rename "${key}" to "${newKey}"`, actions: [{ kind: 'rename-tag', key, newKey }] },
        ),
      );
    }
    return findings;
  },
};
