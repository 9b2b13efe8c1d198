import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { validateDesign } from '../../validate.ts';
import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { limitsCases } from './limits.cases.ts';

describeRuleCases(limitsCases);

describe('LIM-01 on services that must share one stack', () => {
  /** An API with `count` function integrations: each side names the other, so one stack. */
  function apiWith(count: number, apis = 1) {
    const builder = design('Wide API');
    for (let a = 1; a <= apis; a++) {
      const api = a === 1 ? 'api' : `api${a}`;
      builder.node('api-gateway', { id: api });
      for (let i = 1; i <= count; i++)
        builder.node('lambda', { id: `${api}fn${i}` }).connect(api, `${api}fn${i}`, 'invoke');
    }
    return builder.build();
  }
  const lim = (d: ReturnType<typeof apiWith>) => validateDesign(d).filter((f) => f.ruleId === 'LIM-01');

  it('errors on the API when it and its integrations make more than one stack holds', () => {
    const [finding, ...rest] = lim(apiWith(120));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'high', target: { kind: 'node', id: 'api' } });
    expect(finding!.message).toMatch(
      /^121 services that must share one stack \(.*\) make about \d+ CloudFormation/,
    );
  });

  it('only says the design is split while each group fits in a stack', () => {
    const findings = lim(apiWith(60, 2));
    expect(findings.map((f) => f.severity)).toEqual(['low']);
  });
});
