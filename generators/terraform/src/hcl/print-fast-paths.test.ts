/**
 * The printer's shortcuts keep its output: text `escapeString` returns untouched really needs no
 * escape (checked against a character-by-character reference), and an expression printed one level
 * deeper is the same text with one more indent after each line break (what lets calls and lists
 * print each argument once), on seeded random expressions built from hostile strings.
 */
import { describe, expect, it } from 'vitest';
import { binary, call, cond, index, list, literal, num, obj, ref, str, tpl, type Expr } from './ast.ts';
import { escapeString, printExpr } from './print.ts';

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

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

function hostileExpr(next: () => number, depth: number): Expr {
  const roll = next();
  if (depth <= 0 || roll < 0.3) {
    const kind = next();
    if (kind < 0.5) return str(hostileString(next));
    if (kind < 0.7) return ref(REFS[Math.floor(next() * REFS.length)]!);
    return num(Math.floor(next() * 1000));
  }
  const children = (max: number) =>
    Array.from({ length: Math.floor(next() * max) }, () => hostileExpr(next, depth - 1));
  if (roll < 0.45) return list(children(6));
  if (roll < 0.6) return call('merge', ...children(4));
  if (roll < 0.75)
    return obj(
      children(4).map((value, i): [string, Expr] => [next() < 0.5 ? `k${i}` : hostileString(next), value]),
    );
  if (roll < 0.85) return tpl(hostileString(next), hostileExpr(next, depth - 1), hostileString(next));
  if (roll < 0.9) return binary(hostileExpr(next, depth - 1), '+', hostileExpr(next, depth - 1));
  if (roll < 0.95)
    return cond(ref('var.enabled'), hostileExpr(next, depth - 1), hostileExpr(next, depth - 1));
  return index(ref('local.map'), hostileExpr(next, depth - 1), 'id');
}

describe('escapeString shortcut', () => {
  it('matches the character-by-character escape on hostile text', () => {
    const next = random(11);
    for (let i = 0; i < 5000; i++) {
      const text = hostileString(next);
      expect(escapeString(text), JSON.stringify(text)).toBe(referenceEscape(text));
    }
  });
});

describe('printing one level deeper', () => {
  it('only adds one indent after each line break', () => {
    const next = random(29);
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
