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
import {
  STACK_RESOURCE_QUOTA,
  TEMPLATE_BYTES_QUOTA,
  largeDesigns,
} from '../../../test-support/large-designs.ts';
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

describe.skipIf(!available)('CloudFormation output of designs larger than one stack', () => {
  it.each(largeDesigns())(
    '$name: nested stacks under the quotas, each template valid against the specification',
    async ({ design }) => {
      const { validateTemplate, unusedConditions } = await import('./verify/spec-validator.toolchain.ts');
      const files = generateCloudFormation(lowerDesign(design));
      const templates = Object.keys(files).filter((path) => path.endsWith('.yaml'));
      expect(templates.filter((path) => path.startsWith('stacks/')).length).toBeGreaterThan(1);
      const failures: string[] = [];
      const sizes: string[] = [];
      for (const path of templates) {
        const text = files[path]!;
        const bytes = Buffer.byteLength(text, 'utf8');
        const template = parseTemplate(text) as {
          Resources: Record<string, { Type: string; Properties?: { TemplateURL?: string } }>;
        };
        const count = Object.keys(template.Resources).length;
        sizes.push(`${path} ${count} resources ${bytes} bytes`);
        if (count > STACK_RESOURCE_QUOTA) failures.push(`${path}: ${count} resources`);
        if (bytes > TEMPLATE_BYTES_QUOTA) failures.push(`${path}: ${bytes} bytes`);
        for (const problem of validateTemplate(template))
          failures.push(`${path}: ${problem.path}: ${problem.message}`);
        for (const condition of unusedConditions(template))
          failures.push(`${path}: condition ${condition} is never used`);
        for (const resource of Object.values(template.Resources))
          if (
            resource.Type === 'AWS::CloudFormation::Stack' &&
            !(String(resource.Properties?.TemplateURL) in files)
          )
            failures.push(`${path}: nested template ${String(resource.Properties?.TemplateURL)} is missing`);
      }
      console.log(`[cloudformation] ${sizes.join('; ')}`);
      // The root's parameters are exactly what each environment's file sets.
      const root = parseTemplate(files['template.yaml']!) as { Parameters?: Record<string, unknown> };
      for (const env of design.environments.map((e) => e.name)) {
        const given = (JSON.parse(files[`parameters/${env}.json`]!) as { ParameterKey: string }[]).map(
          (p) => p.ParameterKey,
        );
        expect(given.sort()).toEqual(Object.keys(root.Parameters ?? {}).sort());
      }
      expect(failures).toEqual([]);
    },
    120_000,
  );
});
