/**
 * Designs larger than one CloudFormation stack (issue 12: the 300-node dense design and the
 * benchmark generator's 500-node design) as CDK apps with the real toolchain: `tsc`, then
 * `tsx bin/app.ts` with cdk-nag. Each environment's stack holds one NestedStack per part of
 * graph.stacks; every synthesized template (parents and nested) must stay under CloudFormation's
 * quotas (500 resources, 1 MB) and pass the resource specification. cdk-nag may only report
 * what the designer already reports as an open finding on the same node.
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
import { REPO_ROOT, toolchainsRequired } from '../../../test-support/designs.ts';
import {
  STACK_RESOURCE_QUOTA,
  TEMPLATE_BYTES_QUOTA,
  largeDesigns,
} from '../../../test-support/large-designs.ts';
import { validateTemplate } from '../../cloudformation/src/verify/spec-validator.toolchain.ts';
import { nagRuleIds } from './emitters/common.ts';
import { generateCdk } from './index.ts';

const run = promisify(execFile);
const WORK_DIR = join(REPO_ROOT, '.tmp', 'cdk-large');
const NODE_MODULES = join(REPO_ROOT, 'node_modules');
const TSC = join(NODE_MODULES, '.bin', 'tsc');
const TSX = join(NODE_MODULES, '.bin', 'tsx');

interface Synthesized {
  name: string;
  graph: ResolvedGraph;
  tsc: { ok: boolean; output: string };
  synth: { ok: boolean; output: string };
  violations: { rule: string; path: string }[];
  templates: { file: string; bytes: number; template: { Resources?: Record<string, { Type: string }> } }[];
  unexplained: string[];
}

const problem = [TSC, TSX, join(NODE_MODULES, 'aws-cdk-lib'), join(NODE_MODULES, 'cdk-nag')].find(
  (path) => !existsSync(path),
);

async function exec(command: string, args: string[], cwd: string): Promise<{ ok: boolean; output: string }> {
  try {
    const cdkJson = join(cwd, 'cdk.json');
    const context = existsSync(cdkJson)
      ? ((JSON.parse(readFileSync(cdkJson, 'utf8')) as { context?: object }).context ?? {})
      : {};
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: { ...process.env, CDK_OUTDIR: 'cdk.out', CDK_CONTEXT_JSON: JSON.stringify(context) },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
  }
}

/** The design node of a construct path: Stack/<NestedStack>/<Construct>/... */
function nodeOfPath(graph: ResolvedGraph, path: string): string | undefined {
  const parts = path.split('/');
  const nested = new Set((graph.stacks ?? []).map((s) => s.name));
  const constructId = (nested.has(parts[1] ?? '') ? parts[2] : parts[1]) ?? '';
  const component = graph.components
    .filter((c) => constructId.startsWith(c.names.logicalId))
    .sort((a, b) => b.names.logicalId.length - a.names.logicalId.length)[0];
  return component ? (component.nodeId ?? component.derived?.from ?? component.id) : undefined;
}

async function synthesize(name: string, graph: ResolvedGraph, tsc: Synthesized['tsc']): Promise<Synthesized> {
  const dir = join(WORK_DIR, name);
  const synth = await exec(TSX, ['bin/app.ts'], dir);
  const out = join(dir, 'cdk.out');
  const templates = readdirSync(out)
    .filter((f) => f.endsWith('.template.json'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(out, file), 'utf8');
      return {
        file,
        bytes: Buffer.byteLength(text, 'utf8'),
        template: JSON.parse(text) as Synthesized['templates'][number]['template'],
      };
    });
  const report = join(out, 'validation-report.json');
  const violations = existsSync(report)
    ? (
        JSON.parse(readFileSync(report, 'utf8')) as {
          pluginReports: {
            pluginName: string;
            violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
          }[];
        }
      ).pluginReports
        .filter((p) => p.pluginName === 'AwsSolutions')
        .flatMap((p) =>
          p.violations.flatMap((v) =>
            v.violatingConstructs.map((c) => ({ rule: v.ruleName, path: c.constructPath })),
          ),
        )
    : [];
  return { name, graph, tsc, synth, violations, templates, unexplained: [] };
}

const results = new Map<string, Synthesized>();

describe.skipIf(problem !== undefined && !toolchainsRequired())(
  'CDK apps of designs larger than one stack',
  () => {
    const designs = largeDesigns();

    beforeAll(async () => {
      if (problem) throw new Error(`[cdk] toolchain required but not usable: ${problem} is missing`);
      const apps = designs.map(({ name, design }) => {
        const graph = lowerDesign(design);
        const files = generateCdk(graph);
        const dir = join(WORK_DIR, name);
        for (const generated of ['bin', 'lib', 'cdk.out'])
          rmSync(join(dir, generated), { recursive: true, force: true });
        for (const [path, content] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, path)), { recursive: true });
          writeFileSync(join(dir, path), content);
        }
        if (!existsSync(join(dir, 'node_modules')))
          symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir');
        return { name, design, graph, files };
      });
      // One tsc over both apps: aws-cdk-lib's types load once.
      const options = (JSON.parse(apps[0]!.files['tsconfig.json'] ?? '{}') as { compilerOptions?: object })
        .compilerOptions;
      writeFileSync(
        join(WORK_DIR, 'tsconfig.all.json'),
        JSON.stringify({
          compilerOptions: options,
          include: apps.flatMap((a) => [`${a.name}/bin/**/*.ts`, `${a.name}/lib/**/*.ts`]),
        }),
      );
      const tsc = await exec(TSC, ['--noEmit', '--pretty', 'false', '-p', 'tsconfig.all.json'], WORK_DIR);
      // One synth at a time: each is large, and the machine is shared.
      for (const app of apps) {
        const result = await synthesize(app.name, app.graph, tsc);
        const open = validateDesign(app.design).filter((f) => !f.accepted);
        result.unexplained = result.violations
          .filter((v) => {
            const rule = v.rule.replace(/\[.*$/, '');
            const node = nodeOfPath(app.graph, v.path);
            return !open.some(
              (f) =>
                f.target.id === node &&
                nagRuleIds([...(getRule(f.ruleId)?.equivalents ?? [])]).includes(rule),
            );
          })
          .map((v) => `${v.rule} at ${v.path}`);
        results.set(app.name, result);
      }
    });

    for (const { name } of designs) {
      describe(name, () => {
        it('typechecks with tsc', () => {
          const result = results.get(name)!;
          expect(result.tsc.ok, result.tsc.output.slice(-3000)).toBe(true);
        });

        it('synthesizes, cdk-nag reporting only open design findings', () => {
          const result = results.get(name)!;
          expect(result.unexplained).toEqual([]);
          // With open findings cdk-nag fails synth ("Validation failed") after writing the
          // templates; anything else is a failure of the app.
          if (!result.synth.ok) expect(result.synth.output).toContain('Validation failed');
          expect(result.synth.output).not.toMatch(/cyclic|circular|Error: (?!.*Validation)/i);
        });

        it('nests one stack per part in each environment, every template under the quotas and valid', () => {
          const result = results.get(name)!;
          const parts = result.graph.stacks!.length;
          expect(parts).toBeGreaterThan(1);
          const nested = result.templates.filter((t) => t.file.endsWith('.nested.template.json'));
          expect(nested).toHaveLength(parts * result.graph.environments.length);
          const sizes: string[] = [];
          const failures: string[] = [];
          for (const { file, bytes, template } of result.templates) {
            const count = Object.keys(template.Resources ?? {}).length;
            sizes.push(`${file} ${count}/${bytes}`);
            if (count > STACK_RESOURCE_QUOTA) failures.push(`${file}: ${count} resources`);
            if (bytes > TEMPLATE_BYTES_QUOTA) failures.push(`${file}: ${bytes} bytes`);
            for (const p of validateTemplate(template)) failures.push(`${file} ${p.path}: ${p.message}`);
          }
          console.log(`[cdk] ${name}: ${sizes.join('; ')}`);
          expect(failures).toEqual([]);
        });
      });
    }
  },
);
