/**
 * The generated README's own deploy commands, run as a user would run them, up to the step that
 * needs AWS credentials: `terraform init`, then per environment `terraform workspace select
 * -or-create <env>` and `terraform plan -var-file=... -out=...` (with test-only dummy credentials
 * in an override file). Each environment must end in a state of its own.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lowerDesign } from '@archgen/infra';
import { REPO_ROOT, exampleDesigns, toolchainsRequired } from '../../../test-support/designs.ts';
import { generateTerraform } from './index.ts';

const TERRAFORM = process.env.TERRAFORM_BIN ?? '/usr/local/bin/terraform';
const MIRROR = process.env.TF_PLUGIN_MIRROR ?? '/opt/tf-plugins';
const WORK = join(REPO_ROOT, '.tmp', 'terraform-readme');
const PLUGIN_CACHE = join(REPO_ROOT, '.tmp', 'terraform', 'plugin-cache');

const missing = !existsSync(TERRAFORM)
  ? `terraform not found at ${TERRAFORM} (set TERRAFORM_BIN)`
  : !existsSync(join(MIRROR, 'registry.terraform.io', 'hashicorp', 'aws'))
    ? `hashicorp/aws provider mirror not found under ${MIRROR} (set TF_PLUGIN_MIRROR)`
    : undefined;
if (missing && toolchainsRequired())
  throw new Error(`Terraform toolchain required (CI) but missing: ${missing}`);
if (missing) console.warn(`\n!!! [terraform README] deploy-command suite SKIPPED: ${missing}\n`);

/** Test-only: dummy credentials, no account lookup (so the design's account pin is lifted). */
const OVERRIDE =
  'provider "aws" {\n  access_key                  = "test"\n  secret_key                  = "test"\n  skip_credentials_validation = true\n  skip_requesting_account_id  = true\n  skip_metadata_api_check     = true\n  allowed_account_ids         = null\n}\n';

/** The lines of the README's first ```sh block. */
function shellBlock(readme: string): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README has no ```sh block');
  return block[1]!.split('\n').filter((line) => line.trim() !== '');
}

describe.skipIf(missing !== undefined)(
  'the Terraform README deploys each environment into a state of its own',
  () => {
    for (const name of ['three-tier-web-app']) {
      it(
        name,
        () => {
          const design = exampleDesigns().find((d) => d.name === name)!.design;
          const files = generateTerraform(lowerDesign(design));
          const dir = join(WORK, name);
          rmSync(dir, { recursive: true, force: true });
          for (const [path, content] of Object.entries(files)) {
            mkdirSync(dirname(join(dir, path)), { recursive: true });
            writeFileSync(join(dir, path), content);
          }
          // Test-only: offline provider, dummy credentials. Never part of the generated code.
          mkdirSync(PLUGIN_CACHE, { recursive: true });
          const cliConfig = join(WORK, 'terraformrc');
          writeFileSync(
            cliConfig,
            `provider_installation {\n  filesystem_mirror {\n    path    = "${MIRROR}"\n    include = ["registry.terraform.io/*/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/*/*"]\n  }\n}\n`,
          );
          writeFileSync(join(dir, 'test_credentials_override.tf'), OVERRIDE);

          const commands = shellBlock(readFileSync(join(dir, 'README.md'), 'utf8'));
          const environments = design.environments.map((e) => e.name);
          expect(commands.filter((c) => c.startsWith('terraform workspace select'))).toHaveLength(
            environments.length,
          );
          for (const command of commands) {
            const args = command.split(/\s+/).slice(1);
            expect(command.startsWith('terraform ')).toBe(true);
            if (args[0] === 'apply') continue; // the one step that needs AWS credentials
            const run = spawnSync(TERRAFORM, args, {
              cwd: dir,
              encoding: 'utf8',
              env: {
                ...process.env,
                TF_CLI_CONFIG_FILE: cliConfig,
                // The provider unpacked once for every run, as the main Terraform suite does.
                TF_PLUGIN_CACHE_DIR: PLUGIN_CACHE,
                TF_IN_AUTOMATION: '1',
                TF_INPUT: '0',
                CHECKPOINT_DISABLE: '1',
                AWS_EC2_METADATA_DISABLED: 'true',
              },
            });
            expect(
              run.status,
              `${name}: \`${command}\` failed:\n${run.stderr}\n${run.stdout}`.slice(0, 6000),
            ).toBe(0);
          }
          // One state per environment: a workspace folder each, and a saved plan each.
          for (const env of environments) {
            expect(
              existsSync(join(dir, 'terraform.tfstate.d', env)),
              `${name}: no workspace for ${env}`,
            ).toBe(true);
            expect(existsSync(join(dir, `${env}.tfplan`)), `${name}: no plan for ${env}`).toBe(true);
          }
        },
        600_000,
      );
    }

    it('refuses to plan an environment whose account it cannot confirm (allowed_account_ids is enforced)', () => {
      const dir = join(WORK, 'three-tier-web-app');
      // The test above left an initialised folder; this time the design's account pin stays.
      writeFileSync(
        join(dir, 'test_credentials_override.tf'),
        OVERRIDE.replace(/\n {2}allowed_account_ids\s+= null/, ''),
      );
      const run = spawnSync(
        TERRAFORM,
        ['plan', '-refresh=false', '-input=false', '-var-file=environments/prod.tfvars'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: {
            ...process.env,
            TF_CLI_CONFIG_FILE: join(WORK, 'terraformrc'),
            TF_PLUGIN_CACHE_DIR: PLUGIN_CACHE,
            TF_IN_AUTOMATION: '1',
            TF_INPUT: '0',
            CHECKPOINT_DISABLE: '1',
          },
        },
      );
      expect(run.status).not.toBe(0);
      expect(run.stderr + run.stdout).toContain('AWS account ID not allowed');
    }, 600_000);
  },
);
