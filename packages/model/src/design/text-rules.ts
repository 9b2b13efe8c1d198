/**
 * What AWS accepts in the free text a design carries into templates: tag keys and values, IAM
 * role descriptions, and no CloudFormation dynamic reference anywhere. The rules report these
 * (TXT-01, TAG-01..03, IAM-03); the lowering applies the same helpers so the generated code of
 * every target deploys and says the same thing.
 */

/** Tags the generated code sets itself. They win over a design tag with the same key. */
export const NAME_TAG_KEY = 'Name';
export const ENVIRONMENT_TAG_KEY = 'Environment';
export const MANAGED_BY_TAG_KEY = 'ManagedBy';
/** The value of `ManagedBy` in every target, so the three outputs tag alike. */
export const MANAGED_BY_TAG_VALUE = 'archgen';
export const GENERATED_TAG_KEYS: readonly string[] = [ENVIRONMENT_TAG_KEY, MANAGED_BY_TAG_KEY, NAME_TAG_KEY];

export const TAG_KEY_MAX_LENGTH = 128;
export const TAG_VALUE_MAX_LENGTH = 256;

/** AWS's tag pattern (Unicode letters, digits, white space and `_ . : / = + - @`). */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const NOT_TAG_CHAR = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;

/** Length in Unicode characters, as AWS counts tag and description limits. */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The generated tag a design tag key collides with (IAM compares keys ignoring case), if any. */
export function generatedTagKeyFor(key: string): string | undefined {
  const lower = key.toLowerCase();
  return GENERATED_TAG_KEYS.find((k) => k.toLowerCase() === lower);
}

/** AWS reserves the `aws:` prefix (any case) for its own tags and rejects it in user tags. */
export function hasAwsTagPrefix(key: string): boolean {
  return /^aws:/i.test(key);
}

/** The distinct characters of `text` AWS does not allow in a tag, quoted for a message. */
function badTagChars(text: string): string[] {
  return [...new Set(text.match(NOT_TAG_CHAR) ?? [])].map((c) => JSON.stringify(c));
}

function tagTextProblem(text: string, what: string, min: number, max: number): string | undefined {
  const length = charLength(text);
  if (length < min) return `${what} is empty`;
  if (length > max) return `${what} is ${length} characters long; AWS allows ${max}`;
  if (!TAG_TEXT.test(text))
    return `${what} contains ${badTagChars(text).join(', ')}, which AWS does not allow in tags`;
  return undefined;
}

/** Why AWS would reject the tag key (length, characters), or undefined. The prefix is separate. */
export function tagKeyProblem(key: string): string | undefined {
  return tagTextProblem(key, 'the key', 1, TAG_KEY_MAX_LENGTH);
}

export function tagValueProblem(value: string): string | undefined {
  return tagTextProblem(value, 'the value', 0, TAG_VALUE_MAX_LENGTH);
}

/** `text` with every character AWS rejects in a tag replaced by `_`, cut to `max` characters. */
export function tagSafeText(text: string, max: number): string {
  const safe = text.replace(NOT_TAG_CHAR, '_');
  return charLength(safe) > max ? [...safe].slice(0, max).join('') : safe;
}

/** Whether AWS would accept the design tag as it is, and it does not collide with ours. */
export function isDeployableDesignTag(key: string, value: string): boolean {
  return (
    !hasAwsTagPrefix(key) &&
    generatedTagKeyFor(key) === undefined &&
    tagKeyProblem(key) === undefined &&
    tagValueProblem(value) === undefined
  );
}

// CloudFormation dynamic references: `{{resolve:ssm:...}}`, `{{resolve:secretsmanager:...}}`.

const DYNAMIC_REFERENCE = /\{\{\s*resolve\s*:/i;
/** The first `{` of a dynamic reference's `{{`. */
const DYNAMIC_REFERENCE_BRACE = /\{(?=\{\s*resolve\s*:)/gi;

/** Whether CloudFormation would resolve part of `text` as a dynamic reference (a secret, a parameter). */
export function hasDynamicReference(text: string): boolean {
  return DYNAMIC_REFERENCE.test(text);
}

/**
 * `text` with every `{{resolve:` written `{ {resolve:`: CloudFormation only resolves the exact
 * `{{resolve:` opener, so the text is kept readable and is never replaced by a secret.
 */
export function neutralizeDynamicReferences(text: string): string {
  return text.includes('{') ? text.replace(DYNAMIC_REFERENCE_BRACE, '{ ') : text;
}

// IAM role descriptions: Latin-1 printable characters, tab and line breaks; at most 1000.

export const IAM_DESCRIPTION_MAX_LENGTH = 1000;
// eslint-disable-next-line no-control-regex -- tab and line breaks are allowed characters here
const NOT_IAM_DESCRIPTION_CHAR = /[^\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]/gu;

/** Why IAM would reject `text` as a role description, or undefined. */
export function iamDescriptionProblem(text: string): string | undefined {
  const bad = [...new Set(text.match(NOT_IAM_DESCRIPTION_CHAR) ?? [])];
  if (bad.length > 0)
    return `contains ${bad.map((c) => JSON.stringify(c)).join(', ')}, which IAM does not allow in a role description (Latin-1 only)`;
  const length = charLength(text);
  if (length > IAM_DESCRIPTION_MAX_LENGTH)
    return `is ${length} characters long; IAM allows ${IAM_DESCRIPTION_MAX_LENGTH}`;
  return undefined;
}

/** `text` as IAM accepts it: other characters become `?`, cut to 1000 characters. */
export function iamSafeDescription(text: string): string {
  const safe = text.replace(NOT_IAM_DESCRIPTION_CHAR, '?');
  return safe.length > IAM_DESCRIPTION_MAX_LENGTH ? safe.slice(0, IAM_DESCRIPTION_MAX_LENGTH) : safe;
}
