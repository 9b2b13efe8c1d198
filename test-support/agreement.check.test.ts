/**
 * Runs after the toolchain suites (its own step in scripts/test-all.mjs): for every verification
 * design and every environment, the synthesized CDK stack, the CloudFormation template (that
 * environment's parameter file applied, Conditions resolved) and the Terraform plan
 * (`terraform show -json`) must hold the same resources and agree on the values that matter.
 * Each disagreement is named `design / env / resource / property: cdk=.. terraform=.. cloudformation=..`.
 *
 * Missing recordings fail in CI (CI=true or ARCHGEN_REQUIRE_TOOLCHAINS=1); elsewhere the design is
 * skipped with a loud reason, never passed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, toolchainsRequired, verificationDesigns } from './designs.ts';
import { lowerDesign } from '@archgen/infra';
import {
  agreementProblems,
  keptResourceProblems,
  readCdkTemplate,
  readCloudFormation,
  readTerraformPlan,
  type AgreementTarget,
  type ResourceTypeCounts,
} from './agreement.ts';
import { parameterValues, resolveTemplate, type CfnTemplate } from './agreement-cfn.ts';
import {
  cfnEntities,
  cfnTypeCounts,
  terraformEntities,
  terraformTypeCounts,
  type TerraformPlan,
} from './agreement-meaning.ts';
import { compareEntities, formatDisagreement, isCdkFrameworkEntity } from './agreement-compare.ts';

const found: string[] = [];

/**
 * Disagreements known and not fixed yet (issue 10 stays open until this file is empty), one line
 * each as the check prints them. A ratchet both ways: a disagreement not listed fails, and so
 * does a listed one that no longer occurs (remove it from the file in the change that fixes it).
 */
const KNOWN_FILE = join(REPO_ROOT, 'test-support', 'agreement-known.txt');
const KNOWN = existsSync(KNOWN_FILE)
  ? readFileSync(KNOWN_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
  : [];

afterAll(() => {
  // The whole list in one place for people fixing the generators.
  mkdirSync(join(REPO_ROOT, '.tmp', 'agreement'), { recursive: true });
  writeFileSync(join(REPO_ROOT, '.tmp', 'agreement', 'disagreements.txt'), found.join('\n') + '\n');
});

describe('CDK, Terraform and CloudFormation mean the same infrastructure', () => {
  for (const { name, design } of verificationDesigns()) {
    describe(name, () => {
      for (const env of design.environments.map((e) => e.name)) {
        it(env, (context) => {
          const cdk = readCdkTemplate(name, env) as CfnTemplate | undefined;
          const cloudformation = readCloudFormation(name, env);
          const terraform = readTerraformPlan(name, env) as TerraformPlan | undefined;
          const missing = [
            ...(cdk ? [] : ['cdk']),
            ...(terraform ? [] : ['terraform']),
            ...(cloudformation ? [] : ['cloudformation']),
          ];
          if (missing.length > 0) {
            const message = `no recorded ${missing.join(', ')} output for ${name} (${env}): run the toolchain suites first (scripts/test-all.mjs)`;
            if (toolchainsRequired()) expect.fail(message);
            console.warn(`\n!!! [agreement] SKIPPED ${message}; set CI=true to make this a failure\n`);
            context.skip();
            return;
          }
          const cdkTemplate = resolveTemplate(cdk!);
          const cfnTemplate = resolveTemplate(
            cloudformation!.template as CfnTemplate,
            parameterValues(cloudformation!.parameters),
          );
          const counts: Record<AgreementTarget, ResourceTypeCounts> = {
            cdk: cfnTypeCounts(cdkTemplate),
            terraform: terraformTypeCounts(terraform!),
            cloudformation: cfnTypeCounts(cfnTemplate),
          };
          const entities = {
            cdk: cfnEntities(cdkTemplate, 'cdk').filter((e) => !isCdkFrameworkEntity(e)),
            terraform: terraformEntities(terraform!),
            cloudformation: cfnEntities(cfnTemplate, 'cloudformation'),
          };
          // Never pass vacuously: every output must have yielded something to compare.
          for (const [target, list] of Object.entries(entities))
            expect(
              list.length,
              `${name} (${env}): no comparable resources read from ${target}`,
            ).toBeGreaterThan(0);
          const keptIds = lowerDesign(design)
            .components.filter((c) => c.kept?.cloudFormation)
            .map((c) => c.names.logicalId);
          const lines = [
            ...agreementProblems(design, counts).map((p) => `${name} / ${env} / primary resources / ${p}`),
            ...keptResourceProblems(
              keptIds,
              cdk as Parameters<typeof keptResourceProblems>[1],
              cloudformation!.template as Parameters<typeof keptResourceProblems>[2],
            ).map((p) => `${name} / ${env} / ${p}`),
            ...compareEntities(entities).map((d) => formatDisagreement(name, env, d)),
          ];
          found.push(...lines);
          const known = KNOWN.filter((line) => line.startsWith(`${name} / ${env} / `));
          const unexpected = lines.filter((line) => !known.includes(line));
          const fixed = known.filter((line) => !lines.includes(line));
          expect(
            unexpected,
            `${unexpected.length} disagreement(s) between the targets:\n${unexpected.join('\n')}`,
          ).toEqual([]);
          expect(
            fixed,
            `listed in test-support/agreement-known.txt but no longer found (remove them):\n${fixed.join('\n')}`,
          ).toEqual([]);
        });
      }
    });
  }
});
