import { describe, expect, it } from 'vitest';
import { design, iamDescriptionProblem } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { lowerDesignTags } from './text.ts';

describe('design tags, decided once for every target', () => {
  it('leaves out keys the generated code sets (any case) and aws: keys; sorts the rest', () => {
    expect(
      lowerDesignTags({
        team: 'payments',
        Environment: 'production',
        managedby: 'terraform',
        NAME: 'x',
        'AWS:cloudformation:stack-name': 'y',
        CostCenter: '0o17',
      }),
    ).toEqual({ CostCenter: '0o17', team: 'payments' });
  });
});

describe('dynamic references', () => {
  it('reach the graph nowhere as {{resolve:', () => {
    const d = design('App {{resolve:ssm:/name}}')
      .description('Reads {{resolve:secretsmanager:db:SecretString:password}}')
      .tag('owner', '{{resolve:ssm:/owner}}')
      .vpc({ name: 'VPC {{resolve:ssm:/vpc}}' })
      .node('lambda', { id: 'fn', name: 'Fn {{resolve:ssm:/fn}}', tier: 'private' })
      .node('sqs', { id: 'q', name: 'Queue', properties: { fifo: false } })
      .connect('fn', 'q', 'write')
      .build();
    d.acceptedRisks.push({ ruleId: 'LAM-01', targetId: 'fn', reason: 'see {{resolve:ssm:/why}}' });
    const text = JSON.stringify(lowerDesign(d));
    expect(text).not.toMatch(/\{\{\s*resolve/i);
    expect(text).toContain('Fn { {resolve:ssm:/fn}}');
    expect(text).toContain('Reads { {resolve:secretsmanager:db:SecretString:password}}');
  });
});

describe('IAM role descriptions', () => {
  it('are Latin-1 whatever the owner is called', () => {
    const d = design('t').node('lambda', { id: 'fn', name: '支払い handler' }).build();
    const [role] = lowerDesign(d).roles;
    expect(role!.description).toBe('function role of ??? handler');
    expect(iamDescriptionProblem(role!.description!)).toBeUndefined();
  });
});
