/**
 * The lowering's one decision about free text that reaches a template: which design tags every
 * resource gets, and that no user text carries a CloudFormation dynamic reference.
 *
 * Tag precedence, the same in every target: the generated code owns `Name` (the resource's
 * name), `Environment` (the environment deployed) and `ManagedBy` (`archgen`). A design tag with
 * one of those keys (compared ignoring case, as IAM does) or with the `aws:` prefix AWS reserves
 * is left out of all three outputs (rules TAG-01, TAG-02 report it with a fix). The rest goes on
 * every resource, sorted by key; a key or value AWS would reject is kept, escaped like any
 * text, and reported by TAG-03.
 */
import {
  generatedTagKeyFor,
  hasAwsTagPrefix,
  hasDynamicReference,
  neutralizeDynamicReferences,
  type Design,
} from '@archgen/model';
import { compareIds } from './naming.ts';

/** User text as the lowering hands it on: `{{resolve:` broken (see neutralizeDynamicReferences). */
export const userText = neutralizeDynamicReferences;

/**
 * The design with `{{resolve:` broken in every string (names, descriptions, labels, tags,
 * reasons, properties), so no user text the lowering passes on can be resolved by CloudFormation.
 * Ids cannot hold braces; a design without any dynamic reference is returned as it is.
 */
export function withoutDynamicReferences(design: Design): Design {
  if (!hasDynamicReference(JSON.stringify(design))) return design;
  return mapStrings(design) as Design;
}

function mapStrings(value: unknown): unknown {
  if (typeof value === 'string') return neutralizeDynamicReferences(value);
  if (Array.isArray(value)) return value.map(mapStrings);
  if (value !== null && typeof value === 'object') {
    // Null-prototype records (tags, properties) stay so: a "__proto__" key is data.
    const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, neutralizeDynamicReferences(key), {
        value: mapStrings((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** The design's tags every resource gets, sorted by key (generators add Name, Environment, ManagedBy). */
export function lowerDesignTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tags)
      .filter(([key]) => !hasAwsTagPrefix(key) && generatedTagKeyFor(key) === undefined)
      .map(([key, value]) => [userText(key), userText(value)] as const)
      .sort(([a], [b]) => compareIds(a, b)),
  );
}

/** The keys and value of the tags generators add themselves, for every target alike. */
export { ENVIRONMENT_TAG_KEY, MANAGED_BY_TAG_KEY, MANAGED_BY_TAG_VALUE, NAME_TAG_KEY } from '@archgen/model';
