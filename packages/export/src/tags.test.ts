/**
 * The three targets tag alike: for a design whose tags collide with the generated ones, the tags
 * every resource ends up with (keys and values, per environment) are the same in the CDK app,
 * the Terraform configuration and the CloudFormation template. Read from the generated text.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCdk } from '@archgen/generator-cdk';
import { generateTerraform } from '@archgen/generator-terraform';
import { generateCloudFormation, parseTemplate } from '@archgen/generator-cloudformation';

const source = design('Tagged')
  .tag('Environment', 'production')
  .tag('environment', 'qa')
  .tag('ManagedBy', 'terraform')
  .tag('Name', 'mine')
  .tag('aws:createdBy', 'me')
  .tag('team', 'payments')
  .tag('Version', '0o17')
  .tag('yes', 'on')
  .node('sqs', { id: 'q', name: 'Orders' })
  .build();
const graph = lowerDesign(source);
const ENV = 'dev';

type Tags = Record<string, string>;

function cloudFormationTags(): Tags {
  const template = parseTemplate(generateCloudFormation(graph)['template.yaml']!) as {
    Resources: Record<string, { Type: string; Properties: { Tags: { Key: string; Value: unknown }[] } }>;
  };
  const queue = Object.values(template.Resources).find(
    (r) => r.Type === 'AWS::SQS::Queue' && r.Properties.Tags.some((t) => t.Value === 'Orders'),
  )!;
  const environmentRef = { Ref: 'EnvironmentName' };
  return Object.fromEntries(
    queue.Properties.Tags.map((t) => [
      t.Key,
      JSON.stringify(t.Value) === JSON.stringify(environmentRef) ? ENV : t.Value,
    ]),
  ) as Tags;
}

/** HCL `key = "value"` / `key = var.environment` lines of a tags map. */
function hclMap(body: string): Tags {
  const tags: Tags = {};
  for (const m of body.matchAll(/^\s*("(?:[^"\\]|\\.)*"|[\w-]+)\s*=\s*(.+)$/gm)) {
    const key = m[1]!.startsWith('"') ? (JSON.parse(m[1]!) as string) : m[1]!;
    tags[key] = m[2] === 'var.environment' ? ENV : (JSON.parse(m[2]!) as string);
  }
  return tags;
}

function terraformTags(): Tags {
  const files = generateTerraform(graph);
  const defaults = /default_tags \{\s*tags = \{([^}]*)\}/.exec(files['providers.tf']!)![1]!;
  const queue = /resource "aws_sqs_queue" "orders" \{[\s\S]*?\n {2}tags = \{([^}]*)\}/.exec(
    files['messaging.tf']!,
  )![1]!;
  // Resource tags override the provider's default_tags key by key.
  return { ...hclMap(defaults), ...hclMap(queue) };
}

function cdkTags(): Tags {
  const app = generateCdk(graph)['bin/app.ts']!;
  const tags: Tags = {};
  for (const m of app.matchAll(/Tags\.of\((app|stack)\)\.add\('([^']*)', ('[^']*'|envName)\);/g))
    tags[m[2]!] = m[3] === 'envName' ? ENV : m[3]!.slice(1, -1);
  return tags;
}

describe('tags across the three targets', () => {
  it('are the same keys and values, with the documented precedence applied once', () => {
    const expected = { team: 'payments', Version: '0o17', yes: 'on', Environment: ENV, ManagedBy: 'archgen' };
    const { Name: cfnName, ...cfn } = cloudFormationTags();
    const { Name: tfName, ...tf } = terraformTags();
    expect(cfn).toEqual(expected);
    expect(tf).toEqual(expected);
    // CDK tags the app and each stack; a resource's Name tag is left to the L2 constructs.
    expect(cdkTags()).toEqual(expected);
    expect(cfnName).toBe('Orders');
    expect(tfName).toBe('Orders');
  });
});
