/**
 * Every verification design (examples and adversarial fixtures) generated, read back from YAML
 * with the intrinsic tags, and checked against the CloudFormation resource specification
 * (@aws-cdk/aws-service-spec, through validateTemplate): types, properties, value shapes,
 * references, conditions, cycles. Parameter files must cover every parameter without a default,
 * and every condition must be used.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { toolchainsRequired, verificationDesigns } from '../../../test-support/designs.ts';
import { recordCloudFormation } from '../../../test-support/agreement.ts';
import { generateCloudFormation } from './generate.ts';
import { parseTemplate } from './template/yaml.ts';

function specDatabaseInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('@aws-cdk/aws-service-spec');
    return true;
  } catch {
    return false;
  }
}

const available = specDatabaseInstalled();
if (!available) {
  const message =
    '[cloudformation] @aws-cdk/aws-service-spec is not installed: the CloudFormation spec check cannot run';
  if (toolchainsRequired()) throw new Error(message);
  console.warn(`\n!!! ${message}; SKIPPING (set CI=true to make this a failure)\n`);
}

describe.skipIf(!available)('CloudFormation output against the resource specification', () => {
  it('validates every verification design', async () => {
    const { validateTemplate, unusedConditions } = await import('./verify/spec-validator.toolchain.ts');
    const started = performance.now();
    const designs = verificationDesigns();
    expect(designs.length).toBeGreaterThan(0);
    let fileCount = 0;
    let resourceCount = 0;
    const failures: string[] = [];
    for (const { name, design } of designs) {
      const files = generateCloudFormation(lowerDesign(design));
      fileCount += Object.keys(files).length;
      const template = parseTemplate(files['template.yaml']!) as {
        Parameters?: Record<string, { Default?: unknown }>;
        Resources: object;
      };
      resourceCount += Object.keys(template.Resources).length;
      // The template and every environment's parameters, resolved and compared by agreement.check.
      recordCloudFormation(
        name,
        template,
        Object.fromEntries(
          design.environments.flatMap((e) => {
            const file = files[`parameters/${e.name}.json`];
            return file === undefined ? [] : [[e.name, file]];
          }),
        ),
      );
      for (const problem of validateTemplate(template))
        failures.push(`${name}: ${problem.path}: ${problem.message}`);
      for (const condition of unusedConditions(template))
        failures.push(`${name}: condition ${condition} is never used`);
      const parameters = Object.entries(template.Parameters ?? {});
      for (const env of design.environments.map((e) => e.name)) {
        const file = files[`parameters/${env}.json`];
        if (!file) {
          failures.push(`${name}: no parameters/${env}.json`);
          continue;
        }
        const given = new Set((JSON.parse(file) as { ParameterKey: string }[]).map((p) => p.ParameterKey));
        for (const [parameter, definition] of parameters) {
          if (definition.Default === undefined && !given.has(parameter))
            failures.push(`${name}: parameters/${env}.json lacks ${parameter}`);
        }
        for (const key of given)
          if (!parameters.some(([parameter]) => parameter === key))
            failures.push(`${name}: parameters/${env}.json sets unknown ${key}`);
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[cloudformation] ${designs.length} designs, ${fileCount} files, ${resourceCount} resources, ${seconds} s`,
    );
    expect(failures).toEqual([]);
  });
});
