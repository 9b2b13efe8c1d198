/**
 * What the printer's shortcuts must keep: a string `quote` prints (escaped or not) reads back, in
 * the TypeScript parser, as the same one-line literal; and layouts are printed once per expression
 * and indent, so deep multi-line nesting costs linear time, not twice per level.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { arr, call, id, lit, newExpr, obj, type Expr } from './ast.ts';
import { printExpr, quote } from './print.ts';

/** The value TypeScript reads from a printed literal, or why it cannot. */
function readBack(literal: string): string {
  const file = ts.createSourceFile('x.ts', `const x = ${literal};`, ts.ScriptTarget.ES2022);
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) return `parse error: ${String(diagnostics[0]!.messageText)}`;
  const init = (file.statements[0] as ts.VariableStatement).declarationList.declarations[0]!.initializer!;
  return ts.isStringLiteral(init) ? init.text : `not a string literal: ${ts.SyntaxKind[init.kind]}`;
}

describe('quote', () => {
  it('reads back as the same string for every character up to U+00FF, alone and in text', () => {
    const texts = ['', 'plain words', '\u2028', 'x\u2029', '\ud800', '🚀', 'it\'s "q" \\', '${x}', '*/'];
    for (let code = 0; code <= 0xff; code++) {
      const ch = String.fromCharCode(code);
      texts.push(ch, `a${ch}b`, `${ch}${ch}`);
    }
    for (const text of texts) {
      const printed = quote(text);
      expect(readBack(printed), JSON.stringify(text)).toBe(text);
      // One line in any editor: no raw line break or line/paragraph separator.
      expect(printed, JSON.stringify(text)).not.toMatch(/[\n\r\u2028\u2029]/);
    }
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
