/**
 * The printer's shortcuts keep its output: `quote` skips escaping only for text the escaping would
 * leave alone, and layouts are printed once per expression and indent, so deep multi-line nesting
 * costs linear time, not twice per level.
 */
import { describe, expect, it } from 'vitest';
import { arr, call, id, lit, newExpr, obj, type Expr } from './ast.ts';
import { printExpr, quote } from './print.ts';

/** The full escaping, with no shortcut: JSON escaping, then the quote swap. */
function referenceQuote(value: string): string {
  const body = JSON.stringify(value)
    .slice(1, -1)
    .replace(/\\.|'/g, (token) => (token === '\\"' ? '"' : token === "'" ? "\\'" : token))
    .replace(/[\u2028\u2029]/g, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
  return `'${body}'`;
}

describe('quote shortcut', () => {
  it('matches the full escaping for every character up to U+00FF, alone and in text', () => {
    for (let code = 0; code <= 0xff; code++) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `a${ch}b`, `${ch}${ch}`])
        expect(quote(text), JSON.stringify(text)).toBe(referenceQuote(text));
    }
    for (const text of ['', 'plain words', '\u2028', 'x\u2029', '\ud800', '🚀', 'it\'s "q" \\'])
      expect(quote(text), JSON.stringify(text)).toBe(referenceQuote(text));
  });
});

/** `new Level(this, id, { props: <the level below>, items })` nested `depth` times. */
function nested(depth: number): Expr {
  let expr: Expr = call('cdk.Duration.seconds', lit(30));
  for (let level = 0; level < depth; level++)
    expr = newExpr(
      `constructs.Level${level}`,
      id('this'),
      lit(`a fairly long construct id ${level}`),
      obj({
        props: expr,
        items: arr([lit('first item with some length'), lit('second item with some length')]),
      }),
    );
  return expr;
}

describe('nested multi-line layouts', () => {
  it('prints each level once it no longer fits on a line', () => {
    expect(printExpr(nested(1))).toBe(
      [
        "new constructs.Level0(this, 'a fairly long construct id 0', {",
        '  props: cdk.Duration.seconds(30),',
        "  items: ['first item with some length', 'second item with some length'],",
        '})',
      ].join('\n'),
    );
  });

  it('prints 34 nested levels (millions of layouts without the cache)', () => {
    const text = printExpr(nested(34));
    for (let level = 0; level < 34; level++) expect(text).toContain(`new constructs.Level${level}(`);
    expect(text).toMatch(/\n {60,}props: cdk\.Duration\.seconds\(/);
  });
});
