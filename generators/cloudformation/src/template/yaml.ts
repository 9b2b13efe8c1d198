/**
 * Prints a template as YAML with short-form intrinsic tags (`!Ref`, `!GetAtt`, `!Sub`, ...) and
 * reads one back into the long (JSON) form. Built on the `yaml` library's document model: every
 * string goes through its quoting rules, so no user text can break the structure.
 *
 * The documents use YAML 1.1 rules, as CloudFormation's parser does: a string like "yes", "on"
 * or "0123" is quoted so it stays a string. Strings a YAML 1.2 reader would take for something
 * else ("0o17", "1e3") are quoted too, so every tool reads the same values.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, parseDocument, type Node, type Tags } from 'yaml';
import { INTRINSIC_FUNCTIONS, Intrinsic, type TemplateValue } from './intrinsics.ts';
import { utf8ByteLength } from '../text.ts';
import {
  printYaml,
  UnsupportedShape,
  YAML_DOCUMENT_OPTIONS,
  type CommentLookup,
  type PrintedYaml,
} from './yaml-printer.ts';

const shortTag = (fn: string): string => `!${fn.replace(/^Fn::/, '')}`;

function isFlat(value: TemplateValue): boolean {
  if (value instanceof Intrinsic) return isFlat(value.argument);
  if (Array.isArray(value)) return value.every(isFlat);
  return typeof value !== 'object';
}

/**
 * YAML 1.2 lets a plain flow scalar start with ":" or "?" when a safe character follows (the
 * library prints `!Split [:cluster/, ...]` so); PyYAML, which the AWS CLI reads templates with,
 * refuses it: such strings in a flow sequence are single-quoted.
 */
function quoteLeadingFlowIndicators(seq: YAMLSeq): void {
  for (const item of seq.items) {
    if (item instanceof YAMLSeq) quoteLeadingFlowIndicators(item);
    else if (item instanceof Scalar && typeof item.value === 'string' && /^[:?]/.test(item.value))
      item.type = Scalar.QUOTE_SINGLE;
  }
}

function toNode(value: TemplateValue): Node {
  if (value instanceof Intrinsic) {
    // One YAML node holds one tag: `!Base64 !Sub x` is invalid, so the outer call goes long-form.
    if (value.argument instanceof Intrinsic) {
      const map = new YAMLMap();
      map.items.push(new Pair(new Scalar(value.fn), toNode(value.argument)));
      return map;
    }
    const node = toNode(value.argument);
    node.tag = shortTag(value.fn);
    if (node instanceof YAMLSeq && isFlat(value.argument)) {
      node.flow = true;
      quoteLeadingFlowIndicators(node);
    }
    return node;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(toNode(item));
    return seq;
  }
  if (typeof value === 'object') {
    const map = new YAMLMap();
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) map.items.push(new Pair(new Scalar(key), toNode(item)));
    }
    return map;
  }
  return new Scalar(value);
}

/** Comment text as a key's `commentBefore`: one leading space per line. */
const commentBefore = (comment: string): string =>
  comment
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');

/**
 * The template as YAML text. `comments` puts a comment line above a top-level section's entry,
 * keyed "Resources.Queue" (why a resource exists or why a finding is accepted).
 *
 * Printed directly (yaml-printer.ts), with the library's document stringifier as the fallback for
 * shapes the direct printer does not cover; both give the same text. `size` receives the text's
 * UTF-8 size (the direct printer counts it as it writes, sparing a scan of the whole text).
 */
export function printTemplate(
  template: TemplateValue,
  comments: Record<string, string> = {},
  size?: { utf8Bytes: number },
): string {
  let printed: PrintedYaml;
  try {
    printed = printDirect(template, comments);
  } catch (error) {
    if (!(error instanceof UnsupportedShape)) throw error;
    const text = printTemplateWithLibrary(template, comments);
    printed = { text, utf8Bytes: utf8ByteLength(text) };
  }
  if (size) size.utf8Bytes = printed.utf8Bytes;
  return printed.text;
}

/** `printTemplate` without the fallback: throws `UnsupportedShape` where the direct printer stops. */
export function printTemplateDirect(template: TemplateValue, comments: Record<string, string> = {}): string {
  return printDirect(template, comments).text;
}

function printDirect(template: TemplateValue, comments: Record<string, string>): PrintedYaml {
  // Grouped by section once, so a section without comments is not asked about each of its entries.
  const sections = new Map<string, Map<string, string>>();
  for (const [path, comment] of Object.entries(comments)) {
    if (!comment) continue;
    const text = commentBefore(comment);
    // "a.b.c" is section "a", key "b.c" or section "a.b", key "c": the lookup joins them with a dot.
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      const section = path.slice(0, dot);
      let entries = sections.get(section);
      if (!entries) sections.set(section, (entries = new Map()));
      entries.set(path.slice(dot + 1), text);
    }
  }
  const sectionComments = (section: string): CommentLookup | undefined => {
    const entries = sections.get(section);
    return entries && { above: (key) => entries.get(key), within: () => undefined };
  };
  return printYaml(template, { above: () => undefined, within: sectionComments });
}

/** `printTemplate` through the `yaml` library's document model: the reference the direct printer matches. */
export function printTemplateWithLibrary(
  template: TemplateValue,
  comments: Record<string, string> = {},
): string {
  const doc = new Document(null, YAML_DOCUMENT_OPTIONS);
  const root = toNode(template);
  if (root instanceof YAMLMap) {
    for (const section of root.items) {
      if (!(section.value instanceof YAMLMap) || !(section.key instanceof Scalar)) continue;
      for (const entry of section.value.items) {
        const key = entry.key;
        if (!(key instanceof Scalar)) continue;
        const comment = comments[`${String(section.key.value)}.${String(key.value)}`];
        if (comment) key.commentBefore = commentBefore(comment);
      }
    }
  }
  doc.contents = root;
  return doc.toString({ lineWidth: 0, directives: false, flowCollectionPadding: false });
}

/** Tags that read the short forms back as long-form objects (`!Ref X` -> `{ Ref: "X" }`). */
const READ_TAGS: Tags = INTRINSIC_FUNCTIONS.flatMap((fn) => [
  { tag: shortTag(fn), resolve: (value: string) => ({ [fn]: value }) },
  { tag: shortTag(fn), collection: 'seq' as const, resolve: (seq: YAMLSeq) => ({ [fn]: seq.toJSON() }) },
]);

/** Parses template YAML (short or long form) into the long form; throws on any YAML error. */
export function parseTemplate(text: string): Record<string, unknown> {
  const doc = parseDocument(text, { version: '1.1', customTags: READ_TAGS, uniqueKeys: true });
  if (doc.errors.length > 0)
    throw new Error(`invalid template YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
  const value: unknown = doc.toJS({ maxAliasCount: 0 });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('a template must be a YAML map');
  return value as Record<string, unknown>;
}
