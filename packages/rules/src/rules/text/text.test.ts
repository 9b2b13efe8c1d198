import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { describeRuleCases } from '../../test-support/describe-rule-cases.ts';
import { applyFix } from '../../fixes.ts';
import { validateDesign } from '../../validate.ts';
import { textCases } from './text.cases.ts';
import { withoutDynamicReferences } from './TXT-01.ts';

describeRuleCases(textCases);

describe('free-text fixes', () => {
  it('takes dynamic references out and keeps the rest of the text', () => {
    expect(withoutDynamicReferences('a {{resolve:ssm:/p}} b')).toBe('a resolve:ssm:/p b');
    expect(withoutDynamicReferences('{{ resolve:x')).toBe(' resolve:x');
  });

  it('renames a colliding tag to a free key and keeps its value and place', () => {
    const d = design('t')
      .tag('a', '1')
      .tag('Environment', 'prod')
      .tag('DesignEnvironment', 'x')
      .tag('z', '2')
      .build();
    const [finding] = validateDesign(d).filter((f) => f.ruleId === 'TAG-01');
    const fixed = applyFix(d, finding!.fix!);
    expect(Object.entries(fixed.tags)).toEqual([
      ['a', '1'],
      ['DesignEnvironment2', 'prod'],
      ['DesignEnvironment', 'x'],
      ['z', '2'],
    ]);
  });

  it('flags an aws: key only once (TAG-02, not TAG-03 too)', () => {
    const d = design('t').tag('aws:x y#', 'v').build();
    expect(
      validateDesign(d)
        .map((f) => f.ruleId)
        .filter((id) => id.startsWith('TAG')),
    ).toEqual(['TAG-02']);
  });
});
