/**
 * The generated CDK apps checked by the real toolchain: for every verification design, `tsc`
 * typechecks the app, `tsx bin/app.ts` synthesizes it with cdk-nag's AwsSolutions checks, and
 * every template goes through the CloudFormation resource-specification validator.
 *
 * cdk-nag fails synth on any unacknowledged finding. A finding is accepted here only when the
 * designer reports the same check as an open finding on the same node (the user sees it there
 * first); anything else is a generator bug.
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
import { beforeAll, describe, expect, it } from 'vitest';
import { lowerDesign, type ResolvedGraph } from '@archgen/infra';
import { getRule, validateDesign } from '@archgen/rules';
import {
  REPO_ROOT,
  toolchainsRequired,
  verificationDesigns,
  type NamedDesign,
} from '../../../test-support/designs.ts';
import { validateTemplate } from '../../cloudformation/src/verify/spec-validator.toolchain.ts';
import { clearRecording, recordCdkTemplate } from '../../../test-support/agreement.ts';
import { nagRuleIds } from './emitters/common.ts';
import { generateCdk } from './index.ts';

const run = promisify(execFile);
const WORK_DIR = join(REPO_ROOT, '.tmp', 'cdk');
const NODE_MODULES = join(REPO_ROOT, 'node_modules');
const TSC = join(NODE_MODULES, '.bin', 'tsc');
const TSX = join(NODE_MODULES, '.bin', 'tsx');
const CONCURRENCY = 2;

interface Violation {
  rule: string;
  severity: string;
  path: string;
}

interface DesignResult {
  design: NamedDesign;
  graph: ResolvedGraph;
  files: number;
  tsc: { ok: boolean; output: string };
  synth: { ok: boolean; output: string };
  violations: Violation[];
  templates: { file: string; template: { Resources?: Record<string, unknown> } }[];
}

function missingToolchain(): string | undefined {
  for (const path of [
    TSC,
    TSX,
    join(NODE_MODULES, 'aws-cdk-lib'),
    join(NODE_MODULES, 'cdk-nag'),
    join(NODE_MODULES, 'constructs'),
  ])
    if (!existsSync(path)) return `${path} is missing (install the workspace dependencies)`;
  return undefined;
}

function writeApp(dir: string, files: Record<string, string>): void {
  for (const generated of ['bin', 'lib', 'cdk.out'])
    rmSync(join(dir, generated), { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  // One installed aws-cdk-lib for every app instead of an install per test.
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir');
}

/**
 * The context `cdk synth` gives the app: cdk.json's (feature flags included), plus path metadata,
 * as the CDK CLI adds it (it names each resource's construct for agreement.check), and `extra`.
 */
function cliContext(cwd: string, extra: Record<string, unknown> = {}): string {
  const cdkJson = join(cwd, 'cdk.json');
  const own = existsSync(cdkJson)
    ? ((JSON.parse(readFileSync(cdkJson, 'utf8')) as { context?: Record<string, unknown> }).context ?? {})
    : {};
  return JSON.stringify({ ...own, 'aws:cdk:enable-path-metadata': true, ...extra });
}

async function exec(command: string, args: string[], cwd: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: { ...process.env, CDK_OUTDIR: 'cdk.out', CDK_CONTEXT_JSON: cliContext(cwd) },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
  }
}

function readViolations(dir: string): Violation[] {
  const report = join(dir, 'cdk.out', 'validation-report.json');
  if (!existsSync(report)) return [];
  const parsed = JSON.parse(readFileSync(report, 'utf8')) as {
    pluginReports: {
      pluginName: string;
      violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
    }[];
  };
  return parsed.pluginReports
    .filter((p) => p.pluginName === 'AwsSolutions')
    .flatMap((p) =>
      p.violations.flatMap((v) =>
        v.violatingConstructs.map((c) => ({ rule: v.ruleName, severity: v.severity, path: c.constructPath })),
      ),
    );
}

interface GeneratedApp {
  design: NamedDesign;
  graph: ResolvedGraph;
  files: Record<string, string>;
}

function generate(design: NamedDesign): GeneratedApp {
  const graph = lowerDesign(design.design);
  const files = generateCdk(graph);
  writeApp(join(WORK_DIR, design.name), files);
  return { design, graph, files };
}

/**
 * One tsc run over every app, with the apps' own compiler options: loading aws-cdk-lib's
 * types once instead of once per app saves most of the typecheck time. Errors are split by app.
 */
async function typecheckAll(apps: GeneratedApp[]): Promise<Map<string, { ok: boolean; output: string }>> {
  const options = (JSON.parse(apps[0]?.files['tsconfig.json'] ?? '{}') as { compilerOptions?: object })
    .compilerOptions;
  writeFileSync(
    join(WORK_DIR, 'tsconfig.all.json'),
    JSON.stringify(
      {
        compilerOptions: options,
        include: apps.flatMap((a) => [`${a.design.name}/bin/**/*.ts`, `${a.design.name}/lib/**/*.ts`]),
      },
      null,
      2,
    ),
  );
  const result = await exec(TSC, ['--noEmit', '--pretty', 'false', '-p', 'tsconfig.all.json'], WORK_DIR);
  const errors = result.output.split('\n').filter((line) => /error TS\d+/.test(line));
  const ownErrors = (name: string) => errors.filter((line) => line.startsWith(`${name}/`));
  // An error no app's file explains (a broken config, a crash) fails every app.
  const unexplained = errors.filter((line) => !apps.some((a) => line.startsWith(`${a.design.name}/`)));
  const failedWithoutErrors = !result.ok && errors.length === 0;
  return new Map(
    apps.map((a) => {
      const own = ownErrors(a.design.name);
      const ok = result.ok || (own.length === 0 && unexplained.length === 0 && !failedWithoutErrors);
      return [a.design.name, { ok, output: own.join('\n') || result.output }];
    }),
  );
}

async function check(app: GeneratedApp, tsc: { ok: boolean; output: string }): Promise<DesignResult> {
  const { design, graph, files } = app;
  const dir = join(WORK_DIR, design.name);
  const synth = await exec(TSX, ['bin/app.ts'], dir);
  const out = join(dir, 'cdk.out');
  const templates = existsSync(out)
    ? readdirSync(out)
        .filter((f) => f.endsWith('.template.json'))
        .sort()
        .map((file) => ({
          file,
          template: JSON.parse(readFileSync(join(out, file), 'utf8')) as {
            Resources?: Record<string, unknown>;
          },
        }))
    : [];
  return {
    design,
    graph,
    files: Object.keys(files).length,
    tsc,
    synth,
    violations: readViolations(dir),
    templates,
  };
}

/**
 * Every environment's synthesized stack, compared with Terraform and CloudFormation by
 * agreement.check; recorded even when another check of the design fails.
 */
function recordStacks(result: DesignResult): void {
  clearRecording('cdk', result.design.name);
  for (const env of result.graph.environments) {
    const stack = result.templates.find((t) =>
      t.file.toLowerCase().endsWith(`-${env.toLowerCase()}.template.json`),
    );
    if (stack) recordCdkTemplate(result.design.name, env, stack.template);
  }
}

/** The design node a construct path belongs to: the component whose logical id starts its construct id. */
function nodeOfPath(graph: ResolvedGraph, path: string): string | undefined {
  const constructId = path.split('/')[1] ?? '';
  const component = graph.components
    .filter((c) => constructId.startsWith(c.names.logicalId))
    .sort((a, b) => b.names.logicalId.length - a.names.logicalId.length)[0];
  return component ? (component.nodeId ?? component.derived?.from ?? component.id) : undefined;
}

/** Violations the designer does not already report as an open finding on the same node. */
function unexplained(result: DesignResult): Violation[] {
  const open = validateDesign(result.design.design).filter((f) => !f.accepted);
  return result.violations.filter((v) => {
    const rule = v.rule.replace(/\[.*$/, '');
    const node = nodeOfPath(result.graph, v.path);
    return !open.some(
      (f) => f.target.id === node && nagRuleIds([...(getRule(f.ruleId)?.equivalents ?? [])]).includes(rule),
    );
  });
}

type Resource = { Type: string; Properties?: Record<string, unknown> };

/** The resources of one environment's stack whose logical id starts with the component's. */
function resourcesOf(result: DesignResult, env: string, componentId: string, type: string): Resource[] {
  const template = result.templates.find((t) => t.file.toLowerCase().endsWith(`-${env}.template.json`));
  const component = result.graph.components.find((c) => c.id === componentId);
  if (!template || !component) throw new Error(`No ${env} template or no component "${componentId}"`);
  return (
    Object.entries((template.template.Resources ?? {}) as Record<string, Resource>)
      // The component's own resources, not its access-log bucket (<logical id>LogBucket...).
      .filter(
        ([id, r]) =>
          r.Type === type &&
          id.startsWith(component.names.logicalId) &&
          !id.startsWith(`${component.names.logicalId}LogBucket`),
      )
      .map(([, r]) => r)
  );
}

/** The design's value of a component property in one environment. */
function designValue(result: DesignResult, componentId: string, key: string, env: string): unknown {
  return result.graph.components.find((c) => c.id === componentId)?.props[key]?.byEnv[env];
}

/**
 * What each environment's stack must hold, from the design's per-environment values (one
 * stack class serves every environment, so each value must come through lib/config.ts).
 */
const PER_ENVIRONMENT: Record<string, (result: DesignResult, env: string) => void> = {
  'three-tier-web-app': (result, env) => {
    const [service] = resourcesOf(result, env, 'web', 'AWS::ECS::Service');
    const providers = (
      (service?.Properties?.CapacityProviderStrategy ?? []) as { CapacityProvider: string }[]
    ).map((p) => p.CapacityProvider);
    const spot = designValue(result, 'web', 'spot', env) === true;
    expect(providers.includes('FARGATE_SPOT'), `${env} runs on Spot: ${spot}`).toBe(spot);
  },
  'data-lake': (result, env) => {
    const [bucket] = resourcesOf(result, env, 'raw', 'AWS::S3::Bucket');
    type Rule = { ExpirationInDays?: number; Prefix?: string };
    const rules = ((bucket?.Properties?.LifecycleConfiguration as { Rules?: Rule[] })?.Rules ?? []) as Rule[];
    const days = designValue(result, 'raw', 'expirationDays', env) as number;
    // The bucket-wide expiration follows the environment; the rules by key prefix do not.
    expect(
      rules
        .filter((r) => r.Prefix === undefined)
        .map((r) => r.ExpirationInDays)
        .filter((d) => d !== undefined),
      `${env} raw expiration`,
    ).toEqual(days > 0 ? [days] : []);
    expect(rules.filter((r) => r.Prefix === 'tmp/').map((r) => r.ExpirationInDays)).toEqual([7]);
    const [workgroup] = resourcesOf(result, env, 'analytics', 'AWS::Athena::WorkGroup');
    const cutoff = (workgroup?.Properties?.WorkGroupConfiguration as { BytesScannedCutoffPerQuery?: number })
      ?.BytesScannedCutoffPerQuery;
    const gb = designValue(result, 'analytics', 'bytesScannedCutoffGb', env) as number;
    expect(cutoff, `${env} Athena scan cutoff`).toBe(gb * 1024 ** 3);
  },
  'eks-platform': (result, env) => {
    const [nodegroup] = resourcesOf(result, env, 'cluster', 'AWS::EKS::Nodegroup');
    expect(nodegroup?.Properties?.InstanceTypes, `${env} node instance types`).toEqual([
      designValue(result, 'cluster', 'nodeInstanceType', env),
    ]);
    expect(nodegroup?.Properties?.CapacityType).toBe(
      designValue(result, 'cluster', 'spot', env) === true ? 'SPOT' : 'ON_DEMAND',
    );
  },
  'static-site': (result, env) => {
    const [distribution] = resourcesOf(result, env, 'cdn', 'AWS::CloudFront::Distribution');
    const config = distribution?.Properties?.DistributionConfig as {
      Aliases?: string[];
      PriceClass?: string;
    };
    expect(config.Aliases, `${env} aliases`).toEqual([designValue(result, 'cdn', 'aliases', env)]);
    expect(config.PriceClass, `${env} price class`).toBe(designValue(result, 'cdn', 'priceClass', env));
  },
  'eventbridge-fanout': (result, env) => {
    const archives = resourcesOf(result, env, 'bus', 'AWS::Events::Archive');
    const days = designValue(result, 'bus', 'archiveDays', env) as number;
    expect(
      archives.map((a) => a.Properties?.RetentionDays),
      `${env} archive`,
    ).toEqual(days > 0 ? [days] : []);
  },
};

/**
 * Writes the design's app, lets `edit` change lib/config.ts as a user would, synthesizes one
 * environment and returns its template's resources.
 */
async function synthEdited(
  design: NamedDesign,
  env: string,
  edit: (config: string) => string,
): Promise<Record<string, Resource>> {
  const dir = join(WORK_DIR, 'config-edit', design.name);
  const files = generateCdk(lowerDesign(design.design));
  const config = files['lib/config.ts'] ?? '';
  const edited = edit(config);
  expect(edited, 'the edit changed lib/config.ts').not.toBe(config);
  writeApp(dir, { ...files, 'lib/config.ts': edited });
  try {
    await run(TSX, ['bin/app.ts'], {
      cwd: dir,
      env: { ...process.env, CDK_OUTDIR: 'cdk.out', CDK_CONTEXT_JSON: cliContext(dir, { env }) },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // cdk-nag findings fail synth but still write the template; a missing template fails below.
    void error;
  }
  const file = readdirSync(join(dir, 'cdk.out')).find((f) =>
    f.toLowerCase().endsWith(`-${env}.template.json`),
  );
  expect(file, `a ${env} template`).toBeDefined();
  return (
    JSON.parse(readFileSync(join(dir, 'cdk.out', file ?? ''), 'utf8')) as {
      Resources: Record<string, Resource>;
    }
  ).Resources;
}

const designs = verificationDesigns();
const results = new Map<string, DesignResult>();
const problem = missingToolchain();

describe('generated CDK apps with the real toolchain', () => {
  beforeAll(async () => {
    if (problem) {
      if (toolchainsRequired()) throw new Error(`[cdk] toolchain required but not usable: ${problem}`);
      console.warn(`\n[cdk] SKIPPING the CDK toolchain suite: ${problem}\n`);
      return;
    }
    const started = Date.now();
    const apps = designs.map(generate);
    const typechecks = await typecheckAll(apps);
    const queue = [...apps];
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const tsc = typechecks.get(next.design.name) ?? { ok: false, output: 'not typechecked' };
          const result = await check(next, tsc);
          results.set(next.design.name, result);
          recordStacks(result);
        }
      }),
    );
    const all = [...results.values()];
    const resources = all.reduce(
      (n, r) => n + r.templates.reduce((m, t) => m + Object.keys(t.template.Resources ?? {}).length, 0),
      0,
    );
    const files = all.reduce((n, r) => n + r.files, 0);
    console.log(
      `[cdk] ${all.length} designs, ${files} files, ${resources} resources, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });

  it('covers at least the example and adversarial designs', () => {
    expect(designs.length).toBeGreaterThan(0);
  });

  it('the spec validator is live (it rejects a broken template)', () => {
    if (problem) return;
    const broken = { Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { NoSuchProperty: 1 } } } };
    expect(validateTemplate(broken).length).toBeGreaterThan(0);
  });

  for (const design of designs) {
    describe(design.name, () => {
      it('typechecks with tsc', () => {
        if (problem) return;
        const result = results.get(design.name);
        expect(result, 'the design was not processed').toBeDefined();
        expect(result?.tsc.ok, result?.tsc.output).toBe(true);
      });

      it('synthesizes with no unacknowledged cdk-nag AwsSolutions finding', () => {
        if (problem) return;
        const result = results.get(design.name);
        expect(result).toBeDefined();
        if (!result) return;
        // Every finding cdk-nag could raise is either fixed by the generator, acknowledged with a
        // reason in the code, or accepted in the design (and so acknowledged with the design's reason).
        const findings = result.violations.map((v) => {
          const open = unexplained(result).includes(v)
            ? 'not an open design finding either'
            : 'an open design finding';
          return `${v.severity} ${v.rule} at ${v.path} (${open})`;
        });
        expect(findings).toEqual([]);
        expect(result.synth.ok, result.synth.output.slice(-3000)).toBe(true);
      });

      it('writes one template per environment, each valid against the CloudFormation specification', () => {
        if (problem) return;
        const result = results.get(design.name);
        expect(result?.templates.length).toBe(result?.graph.environments.length);
        for (const { file, template } of result?.templates ?? []) {
          expect(Object.keys(template.Resources ?? {}).length, file).toBeGreaterThan(0);
          expect(validateTemplate(template).map((p) => `${file} ${p.path}: ${p.message}`)).toEqual([]);
        }
        for (const env of result?.graph.environments ?? [])
          expect(
            result?.templates.find((t) => t.file.toLowerCase().endsWith(`-${env}.template.json`)),
            `a synthesized stack for ${env}`,
          ).toBeDefined();
      });
    });
  }

  // These check named example designs: skipped when ARCHGEN_DESIGNS leaves them out.
  describe.skipIf(Boolean(process.env.ARCHGEN_DESIGNS))(
    'each environment is built from its own config',
    () => {
      for (const [name, check] of Object.entries(PER_ENVIRONMENT)) {
        it(`${name}: every environment's template holds that environment's values`, () => {
          if (problem) return;
          const result = results.get(name);
          expect(result, `${name} was not synthesized`).toBeDefined();
          if (!result) return;
          for (const env of result.graph.environments) check(result, env);
        });
      }

      it('a value changed in lib/config.ts is what that environment deploys', async () => {
        if (problem) return;
        const named = (name: string) => designs.find((d) => d.name === name) as NamedDesign;
        // A construct that exists only by config: dev gets an archive once config gives it days.
        const fanout = await synthEdited(named('eventbridge-fanout'), 'dev', (config) =>
          config.replace(/(\n {2}dev: \{\n)/, '$1    ordersBusArchiveDays: 30,\n'),
        );
        expect(
          Object.values(fanout)
            .filter((r) => r.Type === 'AWS::Events::Archive')
            .map((r) => r.Properties?.RetentionDays),
        ).toEqual([30]);
        // A value: prod's price class and aliases.
        const site = await synthEdited(named('static-site'), 'prod', (config) =>
          config
            .replace(/(prod: \{[^}]*)PRICE_CLASS_ALL/, '$1PRICE_CLASS_200')
            .replace("['www.example.com']", "['www.example.org', 'example.org']"),
        );
        const distribution = Object.values(site).find((r) => r.Type === 'AWS::CloudFront::Distribution');
        const config = distribution?.Properties?.DistributionConfig as {
          Aliases?: string[];
          PriceClass?: string;
        };
        expect(config.PriceClass).toBe('PriceClass_200');
        expect(config.Aliases).toEqual(['www.example.org', 'example.org']);
      });
    },
  );
});
