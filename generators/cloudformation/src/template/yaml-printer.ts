/**
 * A direct YAML printer for template values that produces exactly the text the `yaml` library's
 * document stringifier produces for them (YAML 1.1, `lineWidth: 0`, no directives, no flow
 * padding), without building a document node per value.
 *
 * It mirrors the library's layout rules for the few shapes a template has (block maps, block and
 * flow sequences, short-form tags, comment lines above keys). Strings take a fast path only when a
 * cheap, conservative test proves the library would print them plain and unchanged; every other
 * string goes through the library's own string stringifier with the same context, so quoting
 * decisions stay the library's. Shapes it does not cover throw `UnsupportedShape`, and the caller
 * falls back to the library. yaml-printer.test.ts checks it against the library on every golden
 * and on generated hostile values.
 */
import { Document, Scalar } from 'yaml';
import { stringifyNumber, stringTag, type StringifyContext } from 'yaml/util';
import { Intrinsic, type TemplateValue } from './intrinsics.ts';

export class UnsupportedShape extends Error {}

const INDENT_STEP = '  ';
const MERGE_KEY = '<<';

/** The library's stringify context for a `version: '1.1'` document printed with our options. */
const BASE_CONTEXT: StringifyContext = {
  anchors: new Set(),
  doc: new Document(null, { version: '1.1' }),
  flowCollectionPadding: '',
  indent: '',
  indentStep: INDENT_STEP,
  inFlow: null,
  forceBlockIndent: false,
  options: {
    blockQuote: true,
    commentString: (text: string) => text.replace(/^(?!$)(?: $)?/gm, '#'),
    defaultKeyType: null,
    defaultStringType: 'PLAIN',
    directives: false,
    doubleQuotedAsJSON: false,
    doubleQuotedMinMultiLineLength: 40,
    falseStr: 'false',
    flowCollectionPadding: false,
    indentSeq: true,
    lineWidth: 0,
    minContentWidth: 20,
    nullStr: 'null',
    simpleKeys: false,
    singleQuote: null,
    trailingComma: false,
    trueStr: 'true',
    verifyAliasOrder: true,
  },
};

/**
 * The schema's implicit types: a plain string matching one of these would read back as a number,
 * boolean, null, timestamp or merge key, so the library quotes it (the same test it runs).
 */
const IMPLICIT_TYPE_TESTS: RegExp[] = [
  ...BASE_CONTEXT.doc.schema.tags,
  ...(BASE_CONTEXT.doc.schema.compat ?? []),
].flatMap((tag) =>
  tag.default && tag.tag !== 'tag:yaml.org,2002:str' && 'test' in tag && tag.test ? [tag.test] : [],
);

/**
 * Strings the library prints plain and unchanged in block context: no indicator first character
 * (letters, digits, `_`, `$`, `/`, `(` only), no character that can start a comment, quote,
 * alias, tag, escape or line break, and not `: `, a trailing space or a trailing `:`.
 */
const PLAIN_IN_BLOCK = /^[\w$/(][\w ./:;${}()=+*,@-]*$/;
const BREAKS_PLAIN = /: | $|:$/;
const FLOW_INDICATOR = /[[\]{},]/;

function isPlainSafe(text: string, inFlow: boolean): boolean {
  if (!PLAIN_IN_BLOCK.test(text) || BREAKS_PLAIN.test(text)) return false;
  if (inFlow && FLOW_INDICATOR.test(text)) return false;
  // Every implicit type needs a digit, sign or dot first, or is a word of at most 5 characters.
  const first = text.charCodeAt(0);
  if (text.length <= 5 || (first >= 48 && first <= 57))
    return !IMPLICIT_TYPE_TESTS.some((test) => test.test(text));
  return true;
}

function printString(text: string, indent: string, inFlow: boolean, implicitKey: boolean): string {
  if (isPlainSafe(text, inFlow)) return text;
  // The schema's merge-key tag claims the string "<<" before the string tag, and prints it bare.
  if (text === MERGE_KEY) return text;
  const context: StringifyContext = { ...BASE_CONTEXT, indent, inFlow, implicitKey };
  return stringTag.stringify!(new Scalar(text), context);
}

function printScalar(value: unknown, indent: string, inFlow: boolean): string {
  if (typeof value === 'string') return printString(value, indent, inFlow, false);
  if (typeof value === 'number') return stringifyNumber(new Scalar(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  throw new UnsupportedShape(`scalar of type ${typeof value}`);
}

/** A value as the library's document model sees it: one node, at most one tag. */
type ResolvedNode =
  | { kind: 'scalar'; value: unknown; tag?: string }
  | { kind: 'seq'; items: TemplateValue[]; tag?: string; flow?: true }
  | { kind: 'map'; entries: [string, TemplateValue][]; tag?: string };

const shortTag = (fn: string): string => `!${fn.replace(/^Fn::/, '')}`;

function isFlat(value: TemplateValue): boolean {
  if (value instanceof Intrinsic) return isFlat(value.argument);
  if (Array.isArray(value)) return value.every(isFlat);
  return typeof value !== 'object';
}

function mapEntries(value: { [key: string]: TemplateValue | undefined }): [string, TemplateValue][] {
  const entries: [string, TemplateValue][] = [];
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = value[key];
    if (item === null) throw new UnsupportedShape('null map value');
    if (item !== undefined) entries.push([key, item]);
  }
  return entries;
}

function resolveUntagged(value: TemplateValue): ResolvedNode {
  if (value instanceof Intrinsic) {
    // One YAML node holds one tag: `!Base64 !Sub x` is invalid, so the outer call goes long-form.
    if (value.argument instanceof Intrinsic) return { kind: 'map', entries: [[value.fn, value.argument]] };
    const node = resolveUntagged(value.argument);
    node.tag = shortTag(value.fn);
    if (node.kind === 'seq' && isFlat(value.argument)) node.flow = true;
    return node;
  }
  if (Array.isArray(value)) return { kind: 'seq', items: value };
  if (typeof value === 'object' && value !== null) return { kind: 'map', entries: mapEntries(value) };
  return { kind: 'scalar', value };
}

/** Comments above map entries, and the lookup for each entry's own map. */
export interface CommentLookup {
  above(key: string): string | undefined;
  within(key: string): CommentLookup | undefined;
}

/** A node's text at `indent` (the library's `stringify(node, ctx)`). */
function printResolved(
  node: ResolvedNode,
  indent: string,
  inFlow: boolean,
  comments?: CommentLookup,
): string {
  let text: string;
  if (node.kind === 'scalar') text = printScalar(node.value, indent, inFlow);
  else if (node.kind === 'seq') text = printSeq(node.items, indent, inFlow || node.flow === true);
  else text = printMap(node.entries, indent, inFlow, comments);
  if (!node.tag) return text;
  return node.kind === 'scalar' || text[0] === '{' || text[0] === '['
    ? `${node.tag} ${text}`
    : `${node.tag}\n${indent}${text}`;
}

function printSeq(items: TemplateValue[], indent: string, flow: boolean): string {
  if (items.length === 0) return '[]';
  if (flow) {
    const itemIndent = indent + INDENT_STEP + INDENT_STEP;
    const lines: string[] = [];
    let multiLine = false;
    for (let i = 0; i < items.length; i++) {
      let text = printResolved(resolveUntagged(items[i]!), itemIndent, true);
      if (text.includes('\n')) multiLine = true;
      if (i < items.length - 1) text += ',';
      lines.push(text);
    }
    if (!multiLine) return `[${lines.join(' ')}]`;
    let text = '[';
    for (const line of lines) text += line ? `\n${INDENT_STEP}${indent}${line}` : '\n';
    return `${text}\n${indent}]`;
  }
  const itemIndent = indent + INDENT_STEP;
  let text = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) text += `\n${indent}`;
    text += `- ${printResolved(resolveUntagged(items[i]!), itemIndent, false)}`;
  }
  return text;
}

function printMap(
  entries: [string, TemplateValue][],
  indent: string,
  inFlow: boolean,
  comments: CommentLookup | undefined,
): string {
  if (entries.length === 0) return '{}';
  if (inFlow) throw new UnsupportedShape('map inside a flow collection');
  const lines: string[] = [];
  for (const [key, value] of entries) {
    const comment = comments?.above(key);
    if (comment) lines.push(commentLines(comment, indent).trimStart());
    lines.push(printPair(key, value, indent, comments?.within(key)));
  }
  let text = lines[0]!;
  for (let i = 1; i < lines.length; i++) text += lines[i] ? `\n${indent}${lines[i]}` : '\n';
  return text;
}

/** `key: value` in a block map at `indent` (the library's `stringifyPair`). */
function printPair(
  key: string,
  value: TemplateValue,
  indent: string,
  comments: CommentLookup | undefined,
): string {
  const pairIndent = indent + INDENT_STEP;
  const keyText = printString(key, pairIndent, false, true);
  if (keyText.length > 1024) throw new UnsupportedShape('key too long for an implicit key');
  const node = resolveUntagged(value);
  const valueText = printResolved(node, pairIndent, false, comments);
  let separator = ' ';
  if (node.kind !== 'scalar') {
    const firstNewline = valueText.indexOf('\n');
    const size = node.kind === 'seq' ? node.items.length : node.entries.length;
    const flow = (node.kind === 'seq' ? node.flow : undefined) ?? size === 0;
    if (firstNewline !== -1 || !flow) {
      // A tag alone on the first line (`!Sub` then the items) stays next to the key.
      let tagLine = false;
      if (firstNewline !== -1 && valueText[0] === '!') {
        const space = valueText.indexOf(' ');
        tagLine = space === -1 || firstNewline < space;
      }
      if (!tagLine) separator = `\n${pairIndent}`;
    }
  } else if (valueText === '' || valueText[0] === '\n') separator = '';
  return `${keyText}:${separator}${valueText}`;
}

/** Comment lines as the library writes a key's `commentBefore`. */
function commentLines(comment: string, indent: string): string {
  const text = BASE_CONTEXT.options.commentString(comment);
  if (/^\n+$/.test(text)) return text.substring(1);
  return indent ? text.replace(/^(?! *$)/gm, indent) : text;
}

/** The document text for `template`, with `comments` above map entries. */
export function printYaml(template: TemplateValue, comments?: CommentLookup): string {
  return `${printResolved(resolveUntagged(template), '', false, comments)}\n`;
}
