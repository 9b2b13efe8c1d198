import { describe, expect, it } from 'vitest';
import {
  arr,
  call,
  comment,
  cond,
  doc,
  eq,
  id,
  index,
  lit,
  member,
  newExpr,
  obj,
  ref,
  template,
} from './ast.ts';
import { printExpr, printModule, quote } from './print.ts';

/** Evaluates a printed string literal the way a JS engine would. */
const evaluate = (source: string): unknown => new Function(`return ${source};`)();

describe('quote', () => {
  const hostile = [
    'a"b ${x} \n',
    "it's",
    'back\\slash',
    'line\u2028sep\u2029para',
    'lone \ud800 surrogate',
    'tab\tcr\r',
    '`tick`',
    '</script>',
  ];
  it.each(hostile)('prints %j as a literal that evaluates back to itself', (value) => {
    const printed = quote(value);
    expect(printed.startsWith("'") && printed.endsWith("'")).toBe(true);
    expect(printed).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(evaluate(printed)).toBe(value);
  });
});

describe('printExpr', () => {
  it('escapes template text so user text cannot open a substitution', () => {
    const printed = printExpr(template('${evil} `x` ', id('name'), '\\'));
    expect(printed).toBe('`\\${evil} \\`x\\` ${name}\\\\`');
    const name = 'N';
    expect(new Function('name', `return ${printed};`)(name)).toBe('${evil} `x` N\\');
  });

  it('quotes object keys that are not identifiers', () => {
    expect(printExpr(obj({ plain: lit(1), 'detail-type': lit(2), 'a"b': lit(3) }))).toBe(
      "{\n  plain: 1,\n  'detail-type': 2,\n  'a\"b': 3,\n}",
    );
  });

  it('parenthesizes a conditional used as an object and keeps === chains flat', () => {
    expect(printExpr(cond(eq(ref('config.mode'), lit('a')), lit(1), lit(2)))).toBe(
      "config.mode === 'a' ? 1 : 2",
    );
    expect(printExpr(member(cond(id('x'), id('a'), id('b')), 'y'))).toBe('(x ? a : b).y');
  });

  it('prints calls, new, arrays and index access', () => {
    expect(printExpr(call(ref('a.b'), lit(1), arr([lit('x')])))).toBe("a.b(1, ['x'])");
    expect(printExpr(newExpr('s3.Bucket', id('this'), lit('Id')))).toBe("new s3.Bucket(this, 'Id')");
    expect(printExpr(member(index(ref('p.list'), 0), 'id'))).toBe('p.list[0].id');
  });

  it('refuses identifiers that are not identifiers', () => {
    expect(() => id('a b')).toThrow(/identifier/);
    expect(() => member(id('a'), 'x;y')).toThrow(/identifier/);
    expect(() => ref('a.b-c')).toThrow(/identifier/);
  });
});

describe('comments', () => {
  it('keep every line of user text inside the comment', () => {
    const printed = printModule([comment('name\nprocess.exit(1)\u2028x'), doc('a */ b\nc')]);
    for (const line of printed.trimEnd().split('\n')) expect(line).toMatch(/^(\/\/|\/\*\*| \*)/);
    expect(printed).not.toContain('a */');
  });
});

describe('obj', () => {
  it('keeps entries in key order and leaves out undefined values', () => {
    const record = { b: lit(1), a: undefined, 2: lit(2), c: lit(3), 1: lit(4) };
    expect(obj(record)).toEqual({
      kind: 'object',
      entries: [
        { key: '1', value: lit(4) },
        { key: '2', value: lit(2) },
        { key: 'b', value: lit(1) },
        { key: 'c', value: lit(3) },
      ],
    });
    expect(
      obj([
        ['z', lit(1)],
        ['y', undefined],
        ['x', lit(2)],
      ]),
    ).toEqual({
      kind: 'object',
      entries: [
        { key: 'z', value: lit(1) },
        { key: 'x', value: lit(2) },
      ],
    });
  });
});
