import { describe, expect, it } from 'vitest';
import { applyFix } from '../fixes.ts';
import { getRule } from '../registry.ts';
import { validateDesign } from '../validate.ts';
import type { RuleCase } from './rule-case.ts';

function findingsOf(ruleId: string, design: RuleCase['compliant'], today?: string) {
  return validateDesign(design, today === undefined ? {} : { today }).filter((f) => f.ruleId === ruleId);
}

/** Registers, per case: the non-compliant finding, the compliant silence, and the fix. */
export function describeRuleCases(cases: readonly RuleCase[]): void {
  for (const c of cases) {
    describe(`${c.ruleId}: ${c.name}`, () => {
      it('is a registered rule', () => {
        expect(getRule(c.ruleId)?.id).toBe(c.ruleId);
      });

      it('flags the non-compliant design', () => {
        const findings = findingsOf(c.ruleId, c.nonCompliant, c.today);
        expect(findings).toHaveLength(1);
        const [finding] = findings;
        expect(finding!.target).toEqual({ kind: c.expect.targetKind ?? 'node', id: c.expect.target });
        expect(finding!.severity).toBe(c.expect.severity);
        expect(finding!.environment).toBe(c.expect.environment);
        expect(finding!.message.length).toBeGreaterThan(10);
        expect(finding!.why.length).toBeGreaterThan(10);
      });

      it('passes the compliant design', () => {
        expect(findingsOf(c.ruleId, c.compliant, c.today)).toEqual([]);
      });

      if (c.expect.manualFix) {
        it('offers a fix a person applies', () => {
          const [finding] = findingsOf(c.ruleId, c.nonCompliant, c.today);
          expect(finding!.fix?.title).toBeTruthy();
          expect(finding!.fix?.actions).toEqual([]);
        });
      } else {
        it('is resolved by applying its fix', () => {
          const [finding] = findingsOf(c.ruleId, c.nonCompliant, c.today);
          expect(finding!.fix?.actions.length).toBeGreaterThan(0);
          const fixed = applyFix(c.nonCompliant, finding!.fix!);
          expect(findingsOf(c.ruleId, fixed, c.today)).toEqual([]);
        });
      }
    });
  }
}
