import type { Finding } from './types.ts';
import { getRule } from './registry.ts';

/**
 * The findings that make the generated code fail its toolchain or its deploy (see
 * `Rule.breaksGeneratedCode`). Accepted ones are included: accepting a risk does not make AWS
 * accept the code.
 */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => {
    const breaks = getRule(f.ruleId)?.breaksGeneratedCode;
    return breaks !== undefined && (breaks.applies?.(f) ?? true);
  });
}
