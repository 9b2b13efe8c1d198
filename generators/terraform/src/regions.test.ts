/** Environment regions (issue 12 item 3): each environment's tfvars sets the provider's region and zones. */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateTerraform } from './index.ts';

function shop() {
  return design('Shop').environments('dev', 'prod').vpc({ azCount: 2 }).node('lambda', { id: 'fn' });
}

const generate = (d: ReturnType<typeof shop>) => generateTerraform(lowerDesign(d.build()));

/** `name = value` lines of a tfvars file, spaces collapsed. */
function tfvars(files: Record<string, string>, env: string): Record<string, string> {
  return Object.fromEntries(
    files[`environments/${env}.tfvars`]!.split('\n')
      .map((line) => /^(\w+)\s*=\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

describe('Terraform environment regions', () => {
  it("sets each environment's region and zones in its tfvars; the provider reads var.region", () => {
    const files = generate(shop().deployTo('prod', { region: 'eu-west-1', account: '333333333333' }));
    expect(files['providers.tf']).toMatch(/region\s+= var\.region/);
    expect(tfvars(files, 'dev')).toMatchObject({
      region: '"us-east-1"',
      availability_zones: '["us-east-1a", "us-east-1b"]',
      allowed_account_ids: '[]',
    });
    expect(tfvars(files, 'prod')).toMatchObject({
      region: '"eu-west-1"',
      availability_zones: '["eu-west-1a", "eu-west-1b"]',
      allowed_account_ids: '["333333333333"]',
    });
    // The variable's default stays the design region's.
    expect(files['variables.tf']).toMatch(/variable "region" \{[^}]*default\s+= "us-east-1"/);
    expect(files['README.md']).toContain(
      '`environments/prod.tfvars` sets `environment = "prod"`, `region = "eu-west-1"`',
    );
    expect(files['README.md']).toContain('dev in `us-east-1`, prod in `eu-west-1`');
  });

  it('one region everywhere: the tfvars name it and leave the zones to the default', () => {
    const files = generate(shop().region('eu-central-1'));
    for (const env of ['dev', 'prod']) {
      expect(tfvars(files, env).region).toBe('"eu-central-1"');
      expect(tfvars(files, env).availability_zones).toBeUndefined();
    }
    expect(files['README.md']).not.toContain('its own region');
  });

  it('a region with fewer zones gives every environment the same two', () => {
    const files = generate(shop().deployTo('prod', { region: 'us-west-1' }));
    expect(tfvars(files, 'prod').availability_zones).toBe('["us-west-1a", "us-west-1c"]');
    expect(files['variables.tf']).toMatch(/length\(var\.availability_zones\) >= 2/);
  });
});
