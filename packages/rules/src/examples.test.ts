import { describe, expect, it } from 'vitest';
import { verificationDesigns } from '../../../test-support/designs.ts';
import { applyFix } from './fixes.ts';
import { validateDesign } from './validate.ts';
import type { Finding } from './types.ts';

const sameFinding = (a: Finding) => (b: Finding) =>
  a.ruleId === b.ruleId &&
  a.target.id === b.target.id &&
  a.environment === b.environment &&
  a.message === b.message;

describe.each(verificationDesigns())('$name', ({ design }) => {
  const findings = validateDesign(design);

  it('validates deterministically', () => {
    expect(validateDesign(design)).toEqual(findings);
  });

  it('has every one-click fix apply cleanly and clear its finding', () => {
    for (const finding of findings.filter((f) => f.fix && f.fix.actions.length > 0)) {
      const fixed = applyFix(design, finding.fix!);
      expect(
        validateDesign(fixed).filter(sameFinding(finding)),
        `${finding.ruleId} on ${finding.target.id}`,
      ).toEqual([]);
    }
  });
});
