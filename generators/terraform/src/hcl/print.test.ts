import { describe, expect, it } from 'vitest';
import { attr, binary, block, call, comment, index, list, literal, num, obj, ref, str, tpl } from './ast.ts';
import { escapeString, printExpr, printFile } from './print.ts';

describe('escapeString', () => {
  it('escapes quotes, backslashes and control characters', () => {
    expect(escapeString('a"b\\c\nd\re\tf\u0001')).toBe('a\\"b\\\\c\\nd\\re\\tf\\u0001');
  });

  it('turns template introducers into literal text', () => {
    expect(escapeString('${x} %{ if true }')).toBe('$${x} %%{ if true }');
    // A user's own "$${" must survive as the three characters it is.
    expect(escapeString('$${x}')).toBe('$$${x}');
  });

  it('leaves a lone $ or % alone', () => {
    expect(escapeString('$5 and 100%')).toBe('$5 and 100%');
  });
});

describe('printExpr', () => {
  it('prints templates with literal parts escaped and interpolations as code', () => {
    expect(printExpr(tpl('${user}-', ref('var.environment')), 0)).toBe('"$${user}-${var.environment}"');
  });

  it('rejects references and function names that are not plain traversals', () => {
    expect(() => printExpr(ref('var.x}"; evil("'), 0)).toThrow(/Invalid HCL reference/);
    expect(() => printExpr(call('evil(1)', str('x')), 0)).toThrow(/Invalid HCL function/);
    expect(() => printExpr(index(ref('a.b'), num(0), 'c d'), 0)).toThrow(/Invalid HCL attribute/);
  });

  it('quotes object keys that are not identifiers or are keywords', () => {
    const text = printExpr(obj({ Name: str('x'), 'aws:SecureTransport': str('false'), null: str('y') }), 0);
    expect(text).toContain('Name                  = "x"');
    expect(text).toContain('"aws:SecureTransport" = "false"');
    expect(text).toContain('"null"                = "y"');
  });

  it('keeps short lists inline and breaks long or nested ones with trailing commas', () => {
    expect(printExpr(list([str('a'), str('b')]), 0)).toBe('["a", "b"]');
    expect(printExpr(literal([{ a: 1 }]), 0)).toBe('[\n  {\n    a = 1\n  },\n]');
  });
});

describe('printFile', () => {
  it('aligns "=" across runs of single-line attributes, as terraform fmt does', () => {
    const text = printFile([
      block(
        'resource',
        ['aws_sqs_queue', 'orders'],
        [
          attr('name', str('orders')),
          attr('visibility_timeout_seconds', num(30)),
          attr('policy', call('jsonencode', literal({ Version: '2012-10-17' }))),
          attr('fifo_queue', literal(false)),
        ],
      ),
    ]);
    expect(text).toBe(
      [
        'resource "aws_sqs_queue" "orders" {',
        '  name                       = "orders"',
        '  visibility_timeout_seconds = 30',
        '  policy = jsonencode({',
        '    Version = "2012-10-17"',
        '  })',
        '  fifo_queue = false',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('separates attributes from nested blocks with a blank line and blocks from each other at top level', () => {
    const text = printFile([
      block(
        'resource',
        ['a', 'b'],
        [attr('x', num(1)), block('inner', [], [attr('y', num(2))]), attr('z', num(3))],
      ),
      block('resource', ['a', 'c'], [attr('x', num(1))]),
    ]);
    expect(text).toBe(
      'resource "a" "b" {\n  x = 1\n\n  inner {\n    y = 2\n  }\n\n  z = 3\n}\n\nresource "a" "c" {\n  x = 1\n}\n',
    );
  });

  it('keeps every comment on one line, so user text cannot start a line of code', () => {
    const text = printFile([
      block('resource', ['a', 'b'], [comment('reason\nresource "evil" "x" {}')], ['why\r\nnot']),
    ]);
    expect(text).toBe('# why not\nresource "a" "b" {\n  # reason resource "evil" "x" {}\n}\n');
  });
});

describe('operators and nested templates', () => {
  it('parenthesizes only where precedence needs it', () => {
    const a = ref('var.a');
    const b = ref('var.b');
    expect(printExpr(binary(binary(a, '>=', num(1)), '&&', binary(b, '<=', num(2))), 0)).toBe(
      'var.a >= 1 && var.b <= 2',
    );
    expect(printExpr(binary(binary(a, '+', b), '*', num(2)), 0)).toBe('(var.a + var.b) * 2');
    expect(printExpr(binary(a, '-', binary(b, '-', num(1))), 0)).toBe('var.a - (var.b - 1)');
  });

  it('inlines a template inside a template', () => {
    expect(printExpr(tpl(tpl(ref('local.p'), '-x'), '-'), 0)).toBe('"${local.p}-x-"');
  });
});
