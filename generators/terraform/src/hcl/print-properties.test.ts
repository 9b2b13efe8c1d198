/**
 * Properties the printer's shortcuts must keep, on seeded random hostile strings and trees: a
 * string `escapeString` prints reads back (by the HCL quoted-template rules) as the same text with
 * no interpolation or directive; numbers read back as the same value; a comment `sanitizeComment`
 * returns stays one comment line; an expression printed one level deeper is the same text with one
 * more indent after each line break. Goldens and `terraform fmt`/`validate` in the toolchain suite
 * check the rest of the output.
 */
import { describe, expect, it } from 'vitest';
import { type Expr, binary, call, cond, index, list, literal, num, obj, ref, str, tpl } from './ast.ts';
import { escapeString, printExpr, sanitizeComment } from './print.ts';
import { seededRandom } from '../../../../test-support/random.ts';

/**
 * The text of a quoted HCL string body, read as Terraform reads it: `\n \r \t \" \\ \uXXXX`
 * escapes, `$${` and `%%{` as literal `${` and `%{`. Throws on what would not read back as plain
 * text: an interpolation or directive, a raw quote, line break or control character.
 */
function readHclString(body: string): string {
  let out = '';
  for (let i = 0; i < body.length;) {
    const rest = body.slice(i);
    if (rest.startsWith('$${') || rest.startsWith('%%{')) {
      out += rest.slice(1, 3);
      i += 3;
    } else if (rest.startsWith('${') || rest.startsWith('%{')) {
      throw new Error(`template sequence at ${i}`);
    } else if (rest[0] === '\\') {
      const escape = /^\\(?:([nrt"\\])|u([0-9a-f]{4}))/.exec(rest);
      if (!escape) throw new Error(`bad escape at ${i}`);
      out += escape[1]
        ? (({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[escape[1]] ?? escape[1])
        : String.fromCharCode(parseInt(escape[2]!, 16));
      i += escape[0].length;
    } else {
      const code = rest.charCodeAt(0);
      if (rest[0] === '"' || code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
        throw new Error(`raw ${JSON.stringify(rest[0])} at ${i}`);
      out += rest[0];
      i += 1;
    }
  }
  return out;
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

describe('escapeString', () => {
  it('reads back as the same text, with no interpolation, on hostile text', () => {
    const next = seededRandom(11);
    for (let i = 0; i < 5000; i++) {
      const text = hostileString(next);
      expect(readHclString(escapeString(text)), JSON.stringify(text)).toBe(text);
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
  it('read back as the same value: every digit of an integer below 1e21, an HCL number literal otherwise', () => {
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
    for (const value of values) {
      const printed = printExpr(num(value), 0);
      expect(printed, String(value)).toMatch(
        Number.isInteger(value) && Math.abs(value) < 1e21 ? /^-?\d+$/ : /^-?\d+(\.\d+)?(e[+-]?\d+)?$/,
      );
      expect(Number(printed), String(value)).toBe(value === 0 ? 0 : value);
    }
  });
});

describe('sanitizeComment', () => {
  it('returns one line with no control character or surrounding whitespace, and clean text unchanged', () => {
    const next = seededRandom(5);
    const edges = ['', ' ', '\u00a0', '\ufeff', '\u3000', '\t'];
    for (let i = 0; i < 5000; i++) {
      const text = pick(next, edges) + hostileString(next) + pick(next, edges);
      const clean = sanitizeComment(text);
      expect(clean, JSON.stringify(text)).not.toMatch(/[\p{Cc}\u2028\u2029]|^\s|\s$/u);
      expect(sanitizeComment(clean), JSON.stringify(text)).toBe(clean);
    }
    expect(sanitizeComment('  plain words ')).toBe('plain words');
    expect(sanitizeComment('a\n\r\u2028b')).toBe('a b');
  });
});
