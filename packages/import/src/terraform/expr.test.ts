import { describe, expect, it } from 'vitest';
import { Unknown, cidrsubnet, collectRefs, evaluate, splitTemplate, type Scope } from './expr.ts';

const scope: Scope = {
  variable: (n) => ({ env: 'dev', cidrs: ['10.0.1.0/24', '10.0.2.0/24'], size: 256 })[n],
  local: (n) => ({ prefix: 'shop' })[n],
  countIndex: 1,
};

describe('Terraform expressions', () => {
  it('splits templates and keeps escaped interpolations literal', () => {
    expect(splitTemplate('a-${var.env}-$${x}')).toEqual(['a-', { expr: 'var.env' }, '-${x}']);
  });

  it('evaluates variables, locals, count.index and functions', () => {
    expect(evaluate('${local.prefix}-${var.env}-q', scope)).toBe('shop-dev-q');
    expect(evaluate('${var.size}', scope)).toBe(256);
    expect(evaluate('${var.cidrs[count.index]}', scope)).toBe('10.0.2.0/24');
    expect(evaluate('${element(var.cidrs, 0)}', scope)).toBe('10.0.1.0/24');
    expect(evaluate('${length(var.cidrs)}', scope)).toBe(2);
    expect(evaluate('${cidrsubnet("10.0.0.0/16", 8, count.index + 10)}', scope)).toBe('10.0.11.0/24');
    expect(evaluate('${var.env == "prod" ? 3 : 1}', scope)).toBe(1);
    expect(evaluate('${jsonencode({ source = ["app.${var.env}"] })}', scope)).toBe('{"source":["app.dev"]}');
  });

  it('keeps resource attributes unknown, with their references', () => {
    const v = evaluate('${aws_sqs_queue.q.arn}', scope);
    expect(v).toBeInstanceOf(Unknown);
    expect((v as Unknown).refs).toEqual(['aws_sqs_queue.q.arn']);
    const policy = evaluate(
      '${jsonencode({ Statement = [{ Action = ["sqs:SendMessage"], Resource = aws_sqs_queue.q.arn }] })}',
      scope,
    );
    expect(policy).toBeInstanceOf(Unknown);
    expect((policy as Unknown).structure).toMatchObject({ Statement: [{ Action: ['sqs:SendMessage'] }] });
  });

  it('collects references at any depth, inside for expressions and function calls', () => {
    const refs = collectRefs({
      a: ['${aws_lambda_function.f.arn}'],
      b: { c: '${[for s in aws_subnet.private : s.id]}' },
      d: '${templatefile("x.json", { fn = module.worker.arn, t = data.aws_iam_policy_document.p.json })}',
    });
    expect(refs).toEqual(
      expect.arrayContaining([
        'aws_lambda_function.f.arn',
        'aws_subnet.private',
        'module.worker.arn',
        'data.aws_iam_policy_document.p.json',
      ]),
    );
  });

  it('keeps a key named __proto__ as data, never as a prototype', () => {
    const v = evaluate('${jsonencode({ "__proto__" = { polluted = true } })}', scope);
    expect(v).toBe('{"__proto__":{"polluted":true}}');
    const obj = evaluate({ ['__proto__']: 'x' }, scope) as Record<string, unknown>;
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on expressions nested deeper than it reads', () => {
    const deep = `\${${'('.repeat(5000)}var.size${')'.repeat(5000)}}`;
    expect(() => evaluate(deep, scope)).not.toThrow();
    expect(() => collectRefs({ a: deep })).not.toThrow();
  });

  it('computes cidrsubnet like Terraform', () => {
    expect(cidrsubnet('10.1.0.0/16', 4, 15)).toBe('10.1.240.0/20');
    expect(cidrsubnet('192.168.0.0/16', 8, 3)).toBe('192.168.3.0/24');
    expect(cidrsubnet('10.0.0.0/16', 8, 256)).toBeUndefined();
  });
});
