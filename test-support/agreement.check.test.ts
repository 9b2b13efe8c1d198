/**
 * Runs after the toolchain suites (its own step in scripts/test-all.mjs): compares the resource
 * types each real toolchain produced for every verification design.
 */
import { describe, expect, it } from 'vitest';
import { verificationDesigns } from './designs.ts';
import {
  AGREEMENT_TARGETS,
  agreementProblems,
  readResourceTypes,
  type AgreementTarget,
  type ResourceTypeCounts,
} from './agreement.ts';

describe('CDK, Terraform and CloudFormation describe the same services', () => {
  for (const { name, design } of verificationDesigns()) {
    it(name, () => {
      const outputs = {} as Record<AgreementTarget, ResourceTypeCounts>;
      const missing: string[] = [];
      for (const target of AGREEMENT_TARGETS) {
        const counts = readResourceTypes(target, name);
        if (counts) outputs[target] = counts;
        else missing.push(target);
      }
      expect(missing, `no recorded toolchain output for ${name}: run the toolchain suites first`).toEqual([]);
      expect(agreementProblems(design, outputs)).toEqual([]);
    });
  }
});
