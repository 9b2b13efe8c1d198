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
 *
 * The document is written front to back into one string: a subtree's text is never returned to
 * its parent to be indented, copied or searched for line breaks again. Each distinct string is
 * printed once per document and context, then reused.
 */
import { Document, Scalar } from 'yaml';
import { stringifyNumber, stringTag, type StringifyContext } from 'yaml/util';
import { utf8ByteLength } from '../text.ts';
import { INTRINSIC_FUNCTIONS, Intrinsic, type TemplateMap, type TemplateValue } from './intrinsics.ts';

export class UnsupportedShape extends Error {}

/** The documents we print: YAML 1.1, with strings quoted so YAML 1.2 readers agree (yaml.ts too). */
export const YAML_DOCUMENT_OPTIONS = { version: '1.1', compat: 'core' } as const;

const INDENT_STEP = '  ';
const MERGE_KEY = '<<';

/**
 * The library's stringify context for a `version: '1.1'` document printed with our options.
 * `compat: 'core'` makes it also quote what a YAML 1.2 reader would not read as a string (e.g.
 * 0o17, 1e3): CloudFormation reads 1.1, but linters and editors read 1.2.
 */
const BASE_CONTEXT: StringifyContext = {
  anchors: new Set(),
  doc: new Document(null, YAML_DOCUMENT_OPTIONS),
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
 * The schema's implicit types (1.1, and 1.2 core through `compat`): a plain string matching one
 * would read back as a number, boolean, null, timestamp or merge key, so the library quotes it
 * (the same test it runs).
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
/**
 * Indicators YAML 1.2 accepts first in a plain flow scalar when a safe character follows, and
 * PyYAML (the AWS CLI's reader) does not.
 */
const LEADING_FLOW_INDICATOR = /^[:?]/;

function isPlainSafe(text: string, inFlow: boolean): boolean {
  if (!PLAIN_IN_BLOCK.test(text) || BREAKS_PLAIN.test(text)) return false;
  if (inFlow && FLOW_INDICATOR.test(text)) return false;
  // Every implicit type needs a digit, sign or dot first, or is a word of at most 5 characters.
  const first = text.charCodeAt(0);
  if (text.length <= 5 || (first >= 48 && first <= 57))
    return !IMPLICIT_TYPE_TESTS.some((test) => test.test(text));
  return true;
}

/** The library's printed form of a string (called once per distinct string and context). */
function printString(text: string, indent: string, inFlow: boolean, implicitKey: boolean): string {
  if (isPlainSafe(text, inFlow)) return text;
  // The schema's merge-key tag claims the string "<<" before the string tag, and prints it bare.
  if (text === MERGE_KEY) return text;
  const context: StringifyContext = { ...BASE_CONTEXT, indent, inFlow, implicitKey };
  const scalar = new Scalar(text);
  // YAML 1.2 lets a plain scalar start with ":" followed by a letter (the library prints
  // `!Split [:cluster/, ...]` so); PyYAML, which the AWS CLI reads templates with, refuses it.
  if (inFlow && LEADING_FLOW_INDICATOR.test(text)) scalar.type = Scalar.QUOTE_SINGLE;
  return stringTag.stringify!(scalar, context);
}

const shortTag = (fn: string): string => `!${fn.replace(/^Fn::/, '')}`;
const SHORT_TAGS = new Map<string, string>(INTRINSIC_FUNCTIONS.map((fn) => [fn, shortTag(fn)]));

function isFlat(value: TemplateValue): boolean {
  if (value instanceof Intrinsic) return isFlat(value.argument);
  if (Array.isArray(value)) return value.every(isFlat);
  return typeof value !== 'object';
}

const isMap = (value: unknown): value is TemplateMap => typeof value === 'object' && value !== null;

/** Whether a map has a member to print (`undefined` members are left out). */
function hasEntries(map: TemplateMap): boolean {
  for (const key in map) {
    if (!Object.hasOwn(map, key)) continue;
    const item = map[key];
    if (item === null) throw new UnsupportedShape('null map value');
    if (item !== undefined) return true;
  }
  return false;
}

/** Comments above map entries, and the lookup for each entry's own map. */
export interface CommentLookup {
  above(key: string): string | undefined;
  within(key: string): CommentLookup | undefined;
}

/** Indentation by depth, and the line breaks that start a line (or a sequence item) at that depth. */
const INDENTS = [''];
const LINE_STARTS = ['\n'];
const ITEM_STARTS = ['\n- '];
function growIndents(depth: number): void {
  while (INDENTS.length <= depth) {
    const indent = INDENTS[INDENTS.length - 1] + INDENT_STEP;
    INDENTS.push(indent);
    LINE_STARTS.push(`\n${indent}`);
    ITEM_STARTS.push(`\n${indent}- `);
  }
}

/** A scalar's printed form, with what the writer needs to know about it without rescanning it. */
interface PrintedScalar {
  text: string;
  /** The text after `key:`: a space first, unless it starts a line of its own. */
  afterKey: string;
  multiLine: boolean;
  /** UTF-8 bytes beyond one per UTF-16 code unit. */
  extraBytes: number;
}

/** A map key's printed form with its colon: as a map's first line, and on a later line. */
interface PrintedKey {
  first: string;
  next: string;
  extraBytes: number;
}

function printedScalar(text: string): PrintedScalar {
  return {
    text,
    afterKey: text === '' || text[0] === '\n' ? text : ` ${text}`,
    multiLine: text.includes('\n'),
    extraBytes: utf8ByteLength(text) - text.length,
  };
}

const TRUE = printedScalar('true');
const FALSE = printedScalar('false');

/**
 * Writes one document into a single growing string, the way the library's stringifier lays it
 * out. A node at `depth` is indented by `depth` steps (the library's `ctx.indent`). Whether a
 * value is empty, flow or block decides the text between a key and its value, so that is worked
 * out from the value itself before it is written, never by scanning text already printed.
 */
class YamlWriter {
  out = '';
  /**
   * UTF-8 bytes of `out` beyond its length. Structure, tags and numbers are ASCII; every printed
   * string and comment is counted when it is looked up, and each is written exactly once.
   */
  extraBytes = 0;
  /** Whether the flow text last returned by `flowItem` spans lines. */
  private flowMultiLine = false;
  /**
   * Printed strings per (depth, context), for this document: keys and values repeat thousands
   * of times, and a string's printed form depends only on its text, indent and context.
   */
  private readonly values: Map<string, PrintedScalar>[] = [];
  private readonly flowValues: Map<string, PrintedScalar>[] = [];
  private readonly keys: Map<string, PrintedKey>[] = [];
  private readonly numbers = new Map<number, PrintedScalar>();
  /** Object.prototype has no enumerable members (nothing has polluted it). */
  private readonly plainObjectPrototype = Object.keys(Object.prototype).length === 0;

  private string(text: string, depth: number, inFlow: boolean): PrintedScalar {
    const caches = inFlow ? this.flowValues : this.values;
    while (caches.length <= depth) caches.push(new Map());
    const cache = caches[depth]!;
    let printed = cache.get(text);
    if (printed === undefined) {
      printed = printedScalar(printString(text, INDENTS[depth]!, inFlow, false));
      cache.set(text, printed);
    }
    this.extraBytes += printed.extraBytes;
    return printed;
  }

  /** `key:` for an entry of a map at `depth` (the key itself sits at `depth + 1`). */
  private key(key: string, depth: number): PrintedKey {
    while (this.keys.length <= depth) this.keys.push(new Map());
    const cache = this.keys[depth]!;
    let printed = cache.get(key);
    if (printed === undefined) {
      const text = printString(key, INDENTS[depth + 1]!, false, true);
      if (text.length > 1024) throw new UnsupportedShape('key too long for an implicit key');
      printed = {
        first: `${text}:`,
        next: `${LINE_STARTS[depth]}${text}:`,
        extraBytes: utf8ByteLength(text) - text.length,
      };
      cache.set(key, printed);
    }
    this.extraBytes += printed.extraBytes;
    return printed;
  }

  private tag(fn: string): string {
    const known = SHORT_TAGS.get(fn);
    if (known !== undefined) return known;
    const tag = shortTag(fn);
    this.extraBytes += utf8ByteLength(tag) - tag.length;
    return tag;
  }

  private number(value: number): PrintedScalar {
    // A Map key does not tell 0 from -0, and they print differently.
    if (value === 0) return printedScalar(stringifyNumber(new Scalar(value)));
    let printed = this.numbers.get(value);
    if (printed === undefined) {
      printed = printedScalar(stringifyNumber(new Scalar(value)));
      this.numbers.set(value, printed);
    }
    return printed;
  }

  private scalar(value: unknown, depth: number, inFlow: boolean): PrintedScalar {
    if (typeof value === 'string') return this.string(value, depth, inFlow);
    if (typeof value === 'number') return this.number(value);
    if (typeof value === 'boolean') return value ? TRUE : FALSE;
    throw new UnsupportedShape(`scalar of type ${typeof value}`);
  }

  /**
   * A block-context node at `depth` (the library's `stringify(node, ctx)`); `afterKey` when it is
   * a map value, which puts the separator from `key:` in front of it.
   */
  value(value: TemplateValue, depth: number, comments: CommentLookup | undefined, afterKey: boolean): void {
    if (value instanceof Intrinsic) {
      const argument = value.argument;
      // One YAML node holds one tag: `!Base64 !Sub x` is invalid, so the outer call goes long-form.
      if (argument instanceof Intrinsic) {
        this.entry(value.fn, argument, depth, comments, afterKey ? LINE_STARTS[depth]! : '');
        return;
      }
      const tag = this.tag(value.fn);
      // A tag stays next to its key, also when its block collection starts on the next line.
      const lead = afterKey ? ' ' : '';
      if (Array.isArray(argument)) {
        if (argument.length === 0) this.out += `${lead}${tag} []`;
        else if (isFlat(argument)) {
          const text = this.flowSeq(argument, depth);
          // A flow sequence over several lines starts on a line of its own, tag included.
          this.out += `${afterKey && this.flowMultiLine ? LINE_STARTS[depth] : lead}${tag} ${text}`;
        } else this.seq(argument, depth, `${lead}${tag}${LINE_STARTS[depth]}`);
      } else if (isMap(argument)) {
        if (!this.map(argument, depth, comments, `${lead}${tag}${LINE_STARTS[depth]}`))
          this.out += `${lead}${tag} {}`;
      } else this.out += `${lead}${tag} ${this.scalar(argument, depth, false).text}`;
      return;
    }
    if (Array.isArray(value)) {
      if (value.length === 0) this.out += afterKey ? ' []' : '[]';
      else this.seq(value, depth, afterKey ? LINE_STARTS[depth]! : '');
    } else if (isMap(value)) {
      if (!this.map(value, depth, comments, afterKey ? LINE_STARTS[depth]! : ''))
        this.out += afterKey ? ' {}' : '{}';
    } else {
      const printed = this.scalar(value, depth, false);
      this.out += afterKey ? printed.afterKey : printed.text;
    }
  }

  /** A non-empty block sequence at `depth`, written after `lead`. */
  private seq(items: TemplateValue[], depth: number, lead: string): void {
    growIndents(depth + 1);
    for (let i = 0; i < items.length; i++) {
      this.out += i === 0 ? `${lead}- ` : ITEM_STARTS[depth]!;
      this.value(items[i]!, depth + 1, undefined, false);
    }
  }

  /** A block map at `depth`, written after `lead`; false (and nothing written) when it is empty. */
  private map(map: TemplateMap, depth: number, comments: CommentLookup | undefined, lead: string): boolean {
    let first = true;
    // `for...in` also visits inherited enumerable members: only check ownership where there can be any.
    const prototype: unknown = Object.getPrototypeOf(map);
    const inherits = prototype !== null && (prototype !== Object.prototype || !this.plainObjectPrototype);
    for (const key in map) {
      if (inherits && !Object.hasOwn(map, key)) continue;
      const item = map[key];
      if (item === null) throw new UnsupportedShape('null map value');
      if (item === undefined) continue;
      this.entry(key, item, depth, comments, first ? lead : undefined);
      first = false;
    }
    return !first;
  }

  /**
   * One map entry: its comment lines, then `key: value` (the library's `stringifyPair`). `lead`
   * is set for a map's first entry (what goes before it), undefined for the others.
   */
  private entry(
    key: string,
    value: TemplateValue,
    depth: number,
    comments: CommentLookup | undefined,
    lead: string | undefined,
  ): void {
    growIndents(depth + 1);
    const comment = comments?.above(key);
    if (comment) {
      const line = commentLines(comment, INDENTS[depth]!).trimStart();
      this.extraBytes += utf8ByteLength(line) - line.length;
      // Lines of a map are joined by a line break plus indent; an empty line gets no indent.
      if (lead !== undefined) this.out += lead + line;
      else this.out += line ? LINE_STARTS[depth] + line : '\n';
      lead = undefined;
    }
    const printed = this.key(key, depth);
    this.out += lead === undefined ? printed.next : lead + printed.first;
    this.value(value, depth + 1, comments?.within(key), true);
  }

  /** A flow-context node at `depth`, as text (flow collections are short); sets `flowMultiLine`. */
  private flowItem(value: TemplateValue, depth: number): string {
    if (value instanceof Intrinsic) {
      if (value.argument instanceof Intrinsic) throw new UnsupportedShape('map inside a flow collection');
      return `${this.tag(value.fn)} ${this.flowItem(value.argument, depth)}`;
    }
    if (Array.isArray(value)) return this.flowSeq(value, depth);
    if (isMap(value)) {
      if (hasEntries(value)) throw new UnsupportedShape('map inside a flow collection');
      this.flowMultiLine = false;
      return '{}';
    }
    const printed = this.scalar(value, depth, true);
    this.flowMultiLine = printed.multiLine;
    return printed.text;
  }

  private flowSeq(items: TemplateValue[], depth: number): string {
    if (items.length === 0) {
      this.flowMultiLine = false;
      return '[]';
    }
    growIndents(depth + 2);
    const lines: string[] = [];
    let multiLine = false;
    for (let i = 0; i < items.length; i++) {
      let text = this.flowItem(items[i]!, depth + 2);
      if (this.flowMultiLine) multiLine = true;
      if (i < items.length - 1) text += ',';
      lines.push(text);
    }
    this.flowMultiLine = multiLine;
    if (!multiLine) return `[${lines.join(' ')}]`;
    let text = '[';
    for (const line of lines) text += line ? LINE_STARTS[depth + 1] + line : '\n';
    return `${text}${LINE_STARTS[depth]}]`;
  }
}

/** Comment lines as the library writes a key's `commentBefore`. */
function commentLines(comment: string, indent: string): string {
  const text = BASE_CONTEXT.options.commentString(comment);
  if (/^\n+$/.test(text)) return text.substring(1);
  return indent ? text.replace(/^(?! *$)/gm, indent) : text;
}

export interface PrintedYaml {
  text: string;
  /** The text's size in UTF-8 bytes, counted while printing. */
  utf8Bytes: number;
}

/** The document text for `template`, with `comments` above map entries. */
export function printYaml(template: TemplateValue, comments?: CommentLookup): PrintedYaml {
  const writer = new YamlWriter();
  writer.value(template, 0, comments, false);
  const text = `${writer.out}\n`;
  return { text, utf8Bytes: text.length + writer.extraBytes };
}
