/**
 * One CDK app of an imported design through the real toolchain (tsc, then synth with cdk-nag):
 * the fixture `kept-resources` keeps logical ids from the imported stack and passes resources
 * the designer does not model through. The synthesized templates must keep those ids, hold the
 * kept resources exactly as the CloudFormation generator prints them, carry the layout, and pass
 * the CloudFormation specification check. (The full suite, cdk.toolchain.test.ts, synthesizes
 * every verification design, this one included; this file checks what it is for, fast.)
 */
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { REPO_ROOT, adversarialDesigns, toolchainsRequired } from '../../../test-support/designs.ts';
import { validateTemplate } from '../../cloudformation/src/verify/spec-validator.toolchain.ts';
import { generateCloudFormation, parseTemplate } from '../../cloudformation/src/index.ts';
import { recordCdkTemplate } from '../../../test-support/agreement.ts';
import { generateCdk } from './index.ts';

const run = promisify(execFile);
const NODE_MODULES = join(REPO_ROOT, 'node_modules');
const DIR = join(REPO_ROOT, '.tmp', 'cdk-kept');
const missing = [
  join(NODE_MODULES, '.bin', 'tsx'),
  join(NODE_MODULES, 'aws-cdk-lib'),
  join(NODE_MODULES, 'cdk-nag'),
].find((p) => !existsSync(p));
if (missing) {
  if (toolchainsRequired()) throw new Error(`[cdk] ${missing} is missing`);
  console.warn(`\n[cdk] SKIPPING the kept-resources synth: ${missing} is missing\n`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe.skipIf(Boolean(missing))('an imported design synthesized by the CDK', () => {
  it('keeps logical ids and kept resources as CloudFormation prints them', async () => {
    const fixture = adversarialDesigns().find((d) => d.name === 'adversarial-kept-resources')!;
    const graph = lowerDesign(fixture.design);
    const files = generateCdk(graph, { environments: ['prod'] });
    rmSync(DIR, { recursive: true, force: true });
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(DIR, path)), { recursive: true });
      writeFileSync(join(DIR, path), content);
    }
    symlinkSync(NODE_MODULES, join(DIR, 'node_modules'), 'dir');
    const context = JSON.parse(files['cdk.json']!).context ?? {};
    const env = { ...process.env, CDK_OUTDIR: 'cdk.out', CDK_CONTEXT_JSON: JSON.stringify(context) };
    const options = { cwd: DIR, env, maxBuffer: 64 * 1024 * 1024 };
    await run(join(NODE_MODULES, '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], options);
    await run(join(NODE_MODULES, '.bin', 'tsx'), ['bin/app.ts'], options);

    const out = join(DIR, 'cdk.out');
    const file = readdirSync(out).find((f) => f.endsWith('.template.json'))!;
    const synthesized: Json = JSON.parse(readFileSync(join(out, file), 'utf8'));
    // For the agreement check (prod only; the full suite records every environment).
    recordCdkTemplate(fixture.name, 'prod', synthesized);
    const ours: Json = parseTemplate(generateCloudFormation(graph)['template.yaml']!);

    // The ids the design keeps, on the resources they name.
    for (const [id, type] of [
      ['OrdersQueue', 'AWS::SQS::Queue'],
      ['WorkerFunction', 'AWS::Lambda::Function'],
      ['WorkerFunctionRole', 'AWS::IAM::Role'],
      ['WorkerLogGroup', 'AWS::Logs::LogGroup'],
    ] as const)
      expect(synthesized.Resources[id]?.Type, id).toBe(type);
    // Kept resources: identical in both targets (the agreement check's rule for them).
    for (const id of ['QueueArnParameter', 'PublishPolicy']) {
      const { Metadata: _metadata, ...cdk } = synthesized.Resources[id];
      expect(cdk, id).toEqual(ours.Resources[id]);
    }
    // Its attributes as written: the condition, and the policies that keep it on delete.
    expect(synthesized.Resources.QueueArnParameter).toMatchObject({
      Condition: 'KeepParameter',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    // The template sections kept from the imported stack: the same in both targets.
    expect(synthesized.Parameters.ParameterOwner).toEqual(ours.Parameters.ParameterOwner);
    expect(synthesized.Mappings.ParameterTiers).toEqual(ours.Mappings.ParameterTiers);
    expect(synthesized.Conditions.KeepParameter).toEqual(ours.Conditions.KeepParameter);
    expect(synthesized.Outputs.QueueArnParameterName).toEqual(ours.Outputs.QueueArnParameterName);
    expect(ours.Outputs.QueueArnParameterName).toEqual({
      Condition: 'KeepParameter',
      Description: 'Name of the SSM parameter holding the queue ARN',
      Value: { Ref: 'QueueArnParameter' },
      Export: { Name: { 'Fn::Sub': '${AWS::StackName}-queue-arn-parameter' } },
    });
    expect(synthesized.Metadata['Archgen::Layout']).toEqual(ours.Metadata['Archgen::Layout']);
    expect(validateTemplate(synthesized)).toEqual([]);
  });
});
