/**
 * A rule's compliant and non-compliant fixtures (the cdk-nag / trivy pattern). The non-compliant
 * design must produce exactly one finding of the rule: the expected one.
 */
import type { Design } from '@archgen/model';
import type { Finding, Severity } from '../types.ts';

export interface RuleCase {
  ruleId: string;
  /** What the case shows, e.g. "internal ALB in a public subnet". */
  name: string;
  compliant: Design;
  nonCompliant: Design;
  /** The day both designs are judged on (default: the day the version tables were checked). */
  today?: string;
  expect: {
    target: string;
    targetKind?: Finding['target']['kind'];
    severity: Severity;
    /** Set for environment-dependent findings. */
    environment?: string;
    /** The fix needs a person (e.g. a certificate): the finding offers no actions. */
    manualFix?: true;
  };
}
