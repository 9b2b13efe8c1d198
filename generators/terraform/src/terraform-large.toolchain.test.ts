/**
 * Designs larger than one CloudFormation stack (issue 12: the 300-node dense design and the
 * benchmark generator's 500-node design) through the real Terraform toolchain: fmt, init,
 * validate and `plan -refresh=false` for every environment. Terraform has no per-stack quota,
 * so the configuration stays as it is; this shows it plans at that size. Plans run one at a time
 * (the machine is shared) with the same test-only provider override as terraform.toolchain.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { REPO_ROOT, toolchainsRequired } from '../../../test-support/designs.ts';
import { largeDesigns } from '../../../test-support/large-designs.ts';
import { generateTerraform } from './index.ts';

const TERRAFORM = process.env.TERRAFORM_BIN ?? '/usr/local/bin/terraform';
const MIRROR = process.env.TF_PLUGIN_MIRROR ?? '/opt/tf-plugins';
const WORK = join(REPO_ROOT, '.tmp', 'terraform-large');
const CLI_CONFIG = join(WORK, 'terraformrc');
const PLUGIN_CACHE = join(WORK, 'plugin-cache');

const OVERRIDE = `provider "aws" {
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  allowed_account_ids         = null
}
`;

const missing = !existsSync(TERRAFORM)
  ? `terraform not found at ${TERRAFORM}`
  : !existsSync(join(MIRROR, 'registry.terraform.io', 'hashicorp', 'aws'))
    ? `hashicorp/aws provider mirror not found under ${MIRROR}`
    : undefined;
if (missing && toolchainsRequired())
  throw new Error(`Terraform toolchain required (CI) but missing: ${missing}`);

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

describe.skipIf(missing !== undefined)('Terraform of designs larger than one stack', () => {
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

  for (const { name, design } of largeDesigns()) {
    it(`${name}: fmt, validate and plan every environment`, async () => {
      const graph = lowerDesign(design);
      const files = generateTerraform(graph);
      const dir = join(WORK, name);
      for (const entry of ['environments', ...Object.keys(files).filter((f) => !f.includes('/'))])
        rmSync(join(dir, entry), { recursive: true, force: true });
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      expectSuccess(await terraform(dir, ['fmt', '-check', '-recursive', '-no-color']), `${name}: fmt`);
      expectSuccess(
        await terraform(dir, ['init', '-backend=false', '-input=false', '-no-color']),
        `${name}: init`,
      );
      expectSuccess(await terraform(dir, ['validate', '-no-color']), `${name}: validate`);
      writeFileSync(join(dir, 'zz_test_override.tf'), OVERRIDE);
      try {
        const planned: string[] = [];
        for (const env of graph.environments) {
          const run = await terraform(dir, [
            'plan',
            '-refresh=false',
            '-input=false',
            '-lock=false',
            '-no-color',
            `-var-file=environments/${env}.tfvars`,
          ]);
          expectSuccess(run, `${name}: plan (${env})`);
          const added = /Plan: (\d+) to add/.exec(run.stdout);
          expect(added, `${name} (${env}): plan summary`).not.toBeNull();
          planned.push(`${env} ${added![1]}`);
        }
        console.log(`[terraform] ${name}: ${planned.join(', ')} resources to add`);
      } finally {
        rmSync(join(dir, 'zz_test_override.tf'), { force: true });
      }
    });
  }
});
