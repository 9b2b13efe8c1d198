/**
 * The printer's shortcuts keep its output: text `escapeString` returns untouched really needs no
 * escape (checked against a character-by-character reference), a comment `sanitizeComment` returns
 * untouched really needs no cleaning, an expression printed one level deeper is the same text with
 * one more indent after each line break, and layout decided from the model (multi-line or not, flat
 * width) gives exactly what the earlier printer gave by printing each subtree and scanning its text
 * (kept below as the reference), on seeded random documents built from hostile strings.
 */
import { describe, expect, it } from 'vitest';
import {
  type Block,
  type BodyItem,
  type Expr,
  attr,
  binary,
  blank,
  block,
  call,
  comment,
  cond,
  index,
  list,
  literal,
  num,
  obj,
  ref,
  str,
  tpl,
} from './ast.ts';
import { escapeString, printExpr, printFile, sanitizeComment } from './print.ts';
import { seededRandom } from '../../../../test-support/random.ts';

/** The escaping rules applied one character at a time, with no shortcut. */
function referenceEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out.split('${').join('$${').split('%{').join('%%{');
}

const PIECES = [
  '',
  'a',
  'name',
  ' ',
  '"',
  '\\',
  '\\n',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '$',
  '{',
  '${',
  '$${',
  '%',
  '%{',
  '%%{',
  '}',
  '#',
  '//',
  '/*',
  '<<EOF',
  '🚀',
  '\ud800',
  'ü',
  'x'.repeat(30),
];

function hostileString(next: () => number): string {
  let text = '';
  const parts = Math.floor(next() * 5);
  for (let i = 0; i < parts; i++) text += PIECES[Math.floor(next() * PIECES.length)]!;
  return text;
}

const REFS = ['var.environment', 'aws_sqs_queue.orders.arn', 'local.tags', 'count.index'];
const OPERATORS = ['+', '-', '*', '%', '==', '!=', '<', '>=', '&&', '||'] as const;
const KEYS = ['name', 'Effect', 'null', 'for', 'aws:SecureTransport', 'a-b', '9lives'];

function pick<T>(next: () => number, options: readonly T[]): T {
  return options[Math.floor(next() * options.length)]!;
}

function hostileExpr(next: () => number, depth: number): Expr {
  const roll = next();
  if (depth <= 0 || roll < 0.3) {
    const kind = next();
    if (kind < 0.45) return str(hostileString(next));
    if (kind < 0.65) return ref(pick(next, REFS));
    if (kind < 0.8) return num(Math.floor(next() * 1000));
    if (kind < 0.85) return num(next() * 10 - 5);
    if (kind < 0.9) return literal(next() < 0.5);
    if (kind < 0.95) return literal(null);
    return next() < 0.5 ? list([]) : obj({});
  }
  const children = (max: number) =>
    Array.from({ length: Math.floor(next() * max) }, () => hostileExpr(next, depth - 1));
  if (roll < 0.4) return list(children(6));
  // Lists of short leaves, around the width where a list stops fitting on one line.
  if (roll < 0.45)
    return list(Array.from({ length: 4 + Math.floor(next() * 12) }, () => hostileExpr(next, 0)));
  if (roll < 0.58) return call(pick(next, ['merge', 'jsonencode', 'tomap']), ...children(4));
  if (roll < 0.72)
    return obj(
      children(4).map((value, i): [string, Expr] => [
        next() < 0.4 ? `k${i}` : next() < 0.5 ? pick(next, KEYS) : hostileString(next),
        value,
      ]),
    );
  if (roll < 0.8) return tpl(hostileString(next), hostileExpr(next, depth - 1), hostileString(next));
  if (roll < 0.83)
    return tpl(tpl(hostileString(next), hostileExpr(next, depth - 1)), str(hostileString(next)), '}');
  if (roll < 0.9)
    return binary(hostileExpr(next, depth - 1), pick(next, OPERATORS), hostileExpr(next, depth - 1));
  if (roll < 0.95)
    return cond(hostileExpr(next, depth - 1), hostileExpr(next, depth - 1), hostileExpr(next, depth - 1));
  return index(ref('local.map'), hostileExpr(next, depth - 1), ...(next() < 0.5 ? ['id'] : []));
}

const NAMES = ['name', 'a', 'visibility_timeout_seconds', 'policy', 'tags', 'x-y'];

function hostileBody(next: () => number, depth: number): BodyItem[] {
  return Array.from({ length: Math.floor(next() * 8) }, (): BodyItem => {
    const roll = next();
    if (roll < 0.6) return attr(pick(next, NAMES), hostileExpr(next, 3));
    if (roll < 0.72) return comment(hostileString(next));
    if (roll < 0.8) return blank;
    return hostileBlock(next, depth - 1);
  });
}

function hostileBlock(next: () => number, depth: number): Block {
  return block(
    pick(next, ['resource', 'lifecycle', 'statement']),
    Array.from({ length: Math.floor(next() * 3) }, () => hostileString(next)),
    depth > 0 ? hostileBody(next, depth) : [],
    Array.from({ length: Math.floor(next() * 2) }, () => hostileString(next)),
  );
}

/**
 * The earlier printer, which printed every subtree to text and then decided the layout by scanning
 * it (line breaks, widths); the printer under test decides from the model instead.
 */
const reference = (() => {
  const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
  const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'if', 'in', 'endfor', 'endif']);
  const PRECEDENCE: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4 };
  Object.assign(PRECEDENCE, { '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '%': 6 });
  const pad = (level: number) => '  '.repeat(level);
  const quote = (text: string) => `"${referenceEscape(text)}"`;
  const cleanComment = (text: string) => text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
  const printKey = (key: string) => (IDENTIFIER.test(key) && !KEYWORDS.has(key) ? key : quote(key));
  const nest = (text: string) => text.replaceAll('\n', '\n  ');

  function operand(e: Expr, level: number, parent?: { op: string; right: boolean }): string {
    const text = expr(e, level);
    if (e.kind === 'conditional') return `(${text})`;
    if (e.kind !== 'binary' || !parent) return text;
    const mine = PRECEDENCE[e.op]!;
    const theirs = PRECEDENCE[parent.op]!;
    return mine < theirs || (mine === theirs && parent.right) ? `(${text})` : text;
  }

  function templateParts(parts: (string | Expr)[]): (string | Expr)[] {
    return parts.flatMap((p) =>
      typeof p !== 'string' && p.kind === 'template' ? templateParts(p.parts) : [p],
    );
  }

  function expr(e: Expr, level: number): string {
    switch (e.kind) {
      case 'string':
        return quote(e.value);
      case 'number':
        return Number.isInteger(e.value) ? e.value.toFixed(0) : String(e.value);
      case 'bool':
        return String(e.value);
      case 'null':
        return 'null';
      case 'ref':
        return e.path;
      case 'template':
        return `"${templateParts(e.parts)
          .map((p) =>
            typeof p === 'string'
              ? referenceEscape(p)
              : p.kind === 'string'
                ? referenceEscape(p.value)
                : '${' + expr(p, level) + '}',
          )
          .join('')}"`;
      case 'call': {
        const args = e.args.map((a) => expr(a, level));
        if (args.slice(0, -1).every((a) => !a.includes('\n'))) return `${e.name}(${args.join(', ')})`;
        return `${e.name}(\n${args.map((a) => pad(level + 1) + nest(a) + ',').join('\n')}\n${pad(level)})`;
      }
      case 'list': {
        if (e.items.length === 0) return '[]';
        const inline = e.items.map((i) => expr(i, level));
        const text = `[${inline.join(', ')}]`;
        if (!inline.some((i) => i.includes('\n')) && text.length <= 80) return text;
        return `[\n${inline.map((i) => pad(level + 1) + nest(i) + ',').join('\n')}\n${pad(level)}]`;
      }
      case 'object': {
        if (e.entries.length === 0) return '{}';
        const lines: string[] = [];
        assignments(
          e.entries.map((entry) => ({ lead: printKey(entry.key), value: expr(entry.value, level + 1) })),
          level + 1,
          lines,
        );
        return `{\n${lines.join('\n')}\n${pad(level)}}`;
      }
      case 'binary':
        return `${operand(e.left, level, { op: e.op, right: false })} ${e.op} ${operand(e.right, level, { op: e.op, right: true })}`;
      case 'index':
        return `${expr(e.target, level)}[${expr(e.key, level)}]${e.attributes.map((a) => '.' + a).join('')}`;
      case 'conditional':
        return `${operand(e.test, level)} ? ${operand(e.then, level)} : ${operand(e.otherwise, level)}`;
    }
  }

  function assignments(items: { lead: string; value: string }[], level: number, out: string[]): void {
    let runStart = 0;
    for (let i = 0; i <= items.length; i++) {
      const item = items[i];
      if (item !== undefined && !item.value.includes('\n')) continue;
      const width = Math.max(0, ...items.slice(runStart, i).map((a) => a.lead.length));
      for (const a of items.slice(runStart, i)) out.push(`${pad(level)}${a.lead.padEnd(width)} = ${a.value}`);
      if (item !== undefined) out.push(`${pad(level)}${item.lead} = ${item.value}`);
      runStart = i + 1;
    }
    items.length = 0;
  }

  function body(items: BodyItem[], level: number, out: string[]): void {
    const pending: { lead: string; value: string }[] = [];
    const kinds = items.map((item, i) => {
      if (item.kind !== 'comment') return item.kind;
      return items.slice(i).find((later) => later.kind !== 'comment')?.kind ?? 'comment';
    });
    let previous: string | undefined;
    items.forEach((item, i) => {
      const kind = kinds[i]!;
      const switching =
        previous !== undefined &&
        previous !== kind &&
        (kind === 'block' || previous === 'block') &&
        kind !== 'blank' &&
        previous !== 'blank';
      previous = kind;
      if (item.kind === 'attribute') {
        if (switching) {
          assignments(pending, level, out);
          out.push('');
        }
        pending.push({ lead: item.name, value: expr(item.value, level) });
        return;
      }
      assignments(pending, level, out);
      if (switching && item.kind !== 'blank') out.push('');
      if (item.kind === 'blank') out.push('');
      else if (item.kind === 'comment') out.push(`${pad(level)}# ${cleanComment(item.text)}`);
      else blockLines(item, level, out);
    });
    assignments(pending, level, out);
  }

  function blockLines(b: Block, level: number, out: string[]): void {
    for (const c of b.leadingComments) out.push(`${pad(level)}# ${cleanComment(c)}`);
    out.push(`${pad(level)}${[b.type, ...b.labels.map(quote)].join(' ')} {`);
    body(b.body, level + 1, out);
    out.push(`${pad(level)}}`);
  }

  function file(items: BodyItem[], headerComments: string[]): string {
    const chunks: string[] = [];
    if (headerComments.length > 0) chunks.push(headerComments.map((c) => `# ${cleanComment(c)}`).join('\n'));
    let loose: BodyItem[] = [];
    const flushLoose = () => {
      if (loose.length === 0) return;
      const lines: string[] = [];
      body(loose, 0, lines);
      chunks.push(lines.join('\n'));
      loose = [];
    };
    for (const item of items) {
      if (item.kind !== 'block') {
        loose.push(item);
        continue;
      }
      flushLoose();
      const lines: string[] = [];
      blockLines(item, 0, lines);
      chunks.push(lines.join('\n'));
    }
    flushLoose();
    return chunks.join('\n\n') + '\n';
  }

  return { expr, file, cleanComment };
})();

describe('escapeString shortcut', () => {
  it('matches the character-by-character escape on hostile text', () => {
    const next = seededRandom(11);
    for (let i = 0; i < 5000; i++) {
      const text = hostileString(next);
      expect(escapeString(text), JSON.stringify(text)).toBe(referenceEscape(text));
    }
  });
});

describe('printing one level deeper', () => {
  it('only adds one indent after each line break', () => {
    const next = seededRandom(29);
    let multiLine = 0;
    for (let i = 0; i < 1500; i++) {
      const expr = hostileExpr(next, 4);
      const shallow = printExpr(expr, 1);
      if (shallow.includes('\n')) multiLine++;
      expect(printExpr(expr, 2)).toBe(shallow.replaceAll('\n', '\n  '));
    }
    expect(multiLine).toBeGreaterThan(300);
  });

  it('prints a call whose arguments are multi-line with every argument nested once', () => {
    const inner = literal({ a: 1, b: [1, 2] });
    const text = printExpr(call('merge', inner, call('tomap', inner)), 1);
    expect(text).toBe(
      [
        'merge(',
        '    {',
        '      a = 1',
        '      b = [1, 2]',
        '    },',
        '    tomap({',
        '      a = 1',
        '      b = [1, 2]',
        '    }),',
        '  )',
      ].join('\n'),
    );
  });
});

describe('numbers', () => {
  it('print as before: every digit of an integer, the shortest form of a fraction', () => {
    const next = seededRandom(3);
    const values = [
      0,
      -0,
      1,
      -1,
      2 ** 53 - 1,
      2 ** 53,
      2 ** 53 + 2,
      -(2 ** 60),
      1e20,
      1e21,
      1.5e300,
      0.1,
      -2.5e-7,
    ];
    for (let i = 0; i < 5000; i++) values.push(Math.floor((next() - 0.5) * 2 ** (next() * 80)), next() * 1e6);
    for (const value of values)
      expect(printExpr(num(value), 0), String(value)).toBe(reference.expr(num(value), 0));
  });
});

describe('sanitizeComment shortcut', () => {
  it('matches the full clean-up on hostile text, surrounding whitespace included', () => {
    const next = seededRandom(5);
    const edges = ['', ' ', '\u00a0', '\ufeff', '\u3000', '\t'];
    for (let i = 0; i < 5000; i++) {
      const text = pick(next, edges) + hostileString(next) + pick(next, edges);
      expect(sanitizeComment(text), JSON.stringify(text)).toBe(reference.cleanComment(text));
    }
  });
});

describe('layout decided from the model', () => {
  it('prints expressions exactly as the text-scanning reference printer', () => {
    const next = seededRandom(43);
    let multiLine = 0;
    let inlineLists = 0;
    for (let i = 0; i < 3000; i++) {
      const expr = hostileExpr(next, 4);
      const level = Math.floor(next() * 4);
      const expected = reference.expr(expr, level);
      if (expected.includes('\n')) multiLine++;
      if (expr.kind === 'list' && expr.items.length > 3 && !expected.includes('\n')) inlineLists++;
      expect(printExpr(expr, level)).toBe(expected);
    }
    expect(multiLine).toBeGreaterThan(600);
    expect(inlineLists).toBeGreaterThan(20);
  });

  it('prints files exactly as the text-scanning reference printer', () => {
    const next = seededRandom(97);
    for (let i = 0; i < 600; i++) {
      const items: BodyItem[] = [...hostileBody(next, 3), hostileBlock(next, 3), ...hostileBody(next, 2)];
      const header = Array.from({ length: Math.floor(next() * 2) }, () => hostileString(next));
      expect(printFile(items, header)).toBe(reference.file(items, header));
    }
  });
});
