/**
 * The generated Terraform for every verification design, checked by the real toolchain:
 * `terraform fmt -check`, `init -backend=false` (provider from the offline mirror), `validate`,
 * and `plan -refresh=false` per environment with dummy credentials.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { REPO_ROOT, toolchainsRequired, verificationDesigns } from '../../../test-support/designs.ts';
import { generateTerraform } from './index.ts';
import { variantsDesign } from './variants.test-support.ts';
import { clearRecording, recordTerraformPlan } from '../../../test-support/agreement.ts';

/** Resource types planned for creation, read from plan's own `# <address> will be created` lines. */
function plannedTypes(planOutput: string): string[] {
  return [
    ...planOutput.matchAll(/^\s*# (?:module\.[^.]+\.)*(?:data\.)?([a-z0-9_]+)\.\S+ will be created$/gm),
  ].map((m) => m[1]!);
}

const TERRAFORM = process.env.TERRAFORM_BIN ?? '/usr/local/bin/terraform';
const MIRROR = process.env.TF_PLUGIN_MIRROR ?? '/opt/tf-plugins';
const WORK = join(REPO_ROOT, '.tmp', 'terraform');
const CLI_CONFIG = join(WORK, 'terraformrc');
const PLUGIN_CACHE = join(WORK, 'plugin-cache');

/**
 * Test-only provider settings so plan runs offline; never part of the generated code. Without
 * the account lookup the provider cannot tell which account the dummy credentials are, so the
 * generated allowed_account_ids would refuse them: it is lifted here (readme-deploy.toolchain
 * shows it is enforced).
 */
const OVERRIDE = `provider "aws" {
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  allowed_account_ids         = null
}
`;

function missingToolchain(): string | undefined {
  if (!existsSync(TERRAFORM)) return `terraform not found at ${TERRAFORM} (set TERRAFORM_BIN)`;
  if (!existsSync(join(MIRROR, 'registry.terraform.io', 'hashicorp', 'aws')))
    return `hashicorp/aws provider mirror not found under ${MIRROR} (set TF_PLUGIN_MIRROR)`;
  return undefined;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function terraform(cwd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TERRAFORM, args, {
      cwd,
      env: {
        ...process.env,
        TF_CLI_CONFIG_FILE: CLI_CONFIG,
        TF_PLUGIN_CACHE_DIR: PLUGIN_CACHE,
        TF_IN_AUTOMATION: '1',
        TF_INPUT: '0',
        CHECKPOINT_DISABLE: '1',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function expectSuccess(run: Run, what: string): void {
  if (run.code !== 0)
    throw new Error(`${what} failed (exit ${run.code}):\n${run.stderr}\n${run.stdout}`.slice(0, 20000));
}

const missing = missingToolchain();
if (missing && toolchainsRequired())
  throw new Error(`Terraform toolchain required (CI) but missing: ${missing}`);
if (missing) console.warn(`\n!!! [terraform] toolchain suite SKIPPED: ${missing}\n`);

const totals = { designs: 0, files: 0, resources: 0, started: Date.now() };

describe.skipIf(missing !== undefined)('generated Terraform passes fmt, validate and plan', () => {
  mkdirSync(PLUGIN_CACHE, { recursive: true });
  writeFileSync(
    CLI_CONFIG,
    `provider_installation {
  filesystem_mirror {
    path    = "${MIRROR}"
    include = ["registry.terraform.io/*/*"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*"]
  }
}
`,
  );

  afterAll(() => {
    const seconds = ((Date.now() - totals.started) / 1000).toFixed(1);
    console.log(
      `[terraform] ${totals.designs} designs, ${totals.files} files, ${totals.resources} resources, ${seconds} s`,
    );
  });

  // The shared designs, plus this generator's variants (options the examples leave off).
  const designs = [...verificationDesigns(), { name: 'terraform-variants', design: variantsDesign() }];
  for (const { name, design } of designs) {
    it(name, async () => {
      const graph = lowerDesign(design);
      const files = generateTerraform(graph);
      const dir = join(WORK, name);
      // Keep .terraform (the provider link) between runs; replace everything generated.
      for (const entry of ['environments', ...Object.keys(files).filter((f) => !f.includes('/'))])
        rmSync(join(dir, entry), { recursive: true, force: true });
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }

      const fmt = await terraform(dir, ['fmt', '-check', '-recursive', '-diff', '-no-color']);
      expectSuccess(fmt, `${name}: terraform fmt -check`);
      expectSuccess(
        await terraform(dir, ['init', '-backend=false', '-input=false', '-no-color']),
        `${name}: terraform init`,
      );
      // validate runs next to the plans to save time; the test-only override it also reads is
      // plain provider configuration (dummy credentials), so it changes nothing validate checks.
      writeFileSync(join(dir, 'zz_test_override.tf'), OVERRIDE);
      try {
        const [validate, ...plans] = await Promise.all([
          terraform(dir, ['validate', '-no-color']).then((run) => ({ env: '', run })),
          ...graph.environments.map((env) =>
            terraform(dir, [
              'plan',
              '-refresh=false',
              '-input=false',
              '-lock=false',
              '-no-color',
              `-var-file=environments/${env}.tfvars`,
              `-out=${env}.tfplan`,
            ]).then((run) => ({ env, run })),
          ),
        ]);
        expectSuccess(validate!.run, `${name}: terraform validate`);
        for (const { env, run } of plans) {
          expectSuccess(run, `${name}: terraform plan (${env})`);
          const added = /Plan: (\d+) to add/.exec(run.stdout);
          expect(added, `${name} (${env}): plan summary`).not.toBeNull();
          expect(Number(added![1])).toBeGreaterThan(0);
          totals.resources += Number(added![1]);
          const types = plannedTypes(run.stdout);
          expect(types.length, `${name} (${env}): created resources listed`).toBe(Number(added![1]));
        }
        // Every environment's saved plan as JSON, compared with CDK and CloudFormation by
        // agreement.check (planned_values; values unknown until apply are absent there).
        clearRecording('terraform', name);
        for (const env of graph.environments) {
          const show = await terraform(dir, ['show', '-json', '-no-color', `${env}.tfplan`]);
          expectSuccess(show, `${name}: terraform show -json (${env})`);
          recordTerraformPlan(name, env, show.stdout);
        }
      } finally {
        rmSync(join(dir, 'zz_test_override.tf'), { force: true });
        for (const env of graph.environments) rmSync(join(dir, `${env}.tfplan`), { force: true });
      }
      totals.designs += 1;
      totals.files += Object.keys(files).length;
    });
  }
});
