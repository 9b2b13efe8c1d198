/**
 * Section 2: the generated CDK app's own synth (real aws-cdk-lib, cdk-nag included) for the 50-node
 * design, beside our CloudFormation generation of the same design. Both produce one environment's
 * template (`-c env=dev` for the app), so the two sides do the same job; synthesizing all three
 * environments would only triple the CDK side and the run time. The app is written to
 * .tmp/bench/cdk50 with node_modules linked to the workspace's one copy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lowerDesign } from '@archgen/infra';
import { generateCdk } from '@archgen/generator-cdk';
import { generateCloudFormation } from '@archgen/generator-cloudformation';
import { median, round, time } from './stats.ts';
import { syntheticDesign } from './synthetic.ts';
import { printTable } from './table.ts';

export interface CdkSynthResult {
  nodes: number;
  environment: string;
  /** Median wall time of `tsx bin/app.ts` with CDK_OUTDIR set (process start to exit). */
  cdkSynthMs: number;
  cdkSynthRuns: number;
  /** Whether synth exited 0 (cdk-nag findings make it fail, which still measures the work). */
  cdkSynthSucceeded: boolean;
  cloudFormationMs: number;
  cloudFormationRuns: number;
  /** cdkSynthMs / cloudFormationMs. */
  ratio: number;
}

const SYNTH_RUNS = 3;
const ENVIRONMENT = 'dev';

export function benchCdkSynth(workspaceRoot: string): CdkSynthResult {
  const design = syntheticDesign(50);
  const graph = lowerDesign(design);
  const appDir = join(workspaceRoot, '.tmp/bench/cdk50');
  rmSync(appDir, { recursive: true, force: true });
  for (const [path, content] of Object.entries(generateCdk(graph))) {
    mkdirSync(dirname(join(appDir, path)), { recursive: true });
    writeFileSync(join(appDir, path), content);
  }
  symlinkSync(join(workspaceRoot, 'node_modules'), join(appDir, 'node_modules'), 'dir');
  // `cdk synth -c env=dev` hands cdk.json's context plus -c values to the app through this variable.
  const context = { ...JSON.parse(readFileSync(join(appDir, 'cdk.json'), 'utf8')).context, env: ENVIRONMENT };
  const tsx = join(workspaceRoot, 'node_modules/.bin/tsx');
  if (!existsSync(tsx)) throw new Error(`tsx not found at ${tsx}`);

  const samples: number[] = [];
  let succeeded = true;
  for (let run = 0; run < SYNTH_RUNS; run++) {
    const outdir = join(appDir, `cdk.out.${run}`);
    const start = performance.now();
    const result = spawnSync(tsx, ['bin/app.ts'], {
      cwd: appDir,
      env: { ...process.env, CDK_OUTDIR: outdir, CDK_CONTEXT_JSON: JSON.stringify(context) },
      encoding: 'utf8',
    });
    samples.push(performance.now() - start);
    if (result.status !== 0) {
      succeeded = false;
      if (!existsSync(join(outdir, 'manifest.json')))
        throw new Error(`CDK synth produced no cloud assembly:\n${result.stderr.slice(-2000)}`);
    }
  }
  const cloudFormation = time(() => generateCloudFormation(graph, { environments: [ENVIRONMENT] }), {
    warmupRuns: 5,
    minRuns: 20,
    maxRuns: 200,
    budgetMs: 2000,
  });
  const result: CdkSynthResult = {
    nodes: design.nodes.length,
    environment: ENVIRONMENT,
    cdkSynthMs: round(median(samples)),
    cdkSynthRuns: samples.length,
    cdkSynthSucceeded: succeeded,
    cloudFormationMs: round(cloudFormation.medianMs),
    cloudFormationRuns: cloudFormation.runs,
    ratio: round(median(samples) / cloudFormation.medianMs),
  };
  printTable(
    `2. CDK synth of the generated app vs our CloudFormation generation (50 nodes, env ${ENVIRONMENT}, median ms)`,
    [
      'nodes',
      `cdk synth (${result.cdkSynthRuns} runs)`,
      'synth ok',
      `our CloudFormation (${result.cloudFormationRuns} runs)`,
      'ratio',
    ],
    [
      [
        result.nodes,
        result.cdkSynthMs,
        result.cdkSynthSucceeded ? 'yes' : 'nag findings',
        result.cloudFormationMs,
        `${result.ratio}x`,
      ],
    ],
  );
  return result;
}
