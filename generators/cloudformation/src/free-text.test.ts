import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCloudFormation } from './generate.ts';
import { parseTemplate } from './template/yaml.ts';

/**
 * Free text AWS or a template reader would misread: a dynamic reference in a name and the
 * description, a tag value YAML 1.2 reads as a number, and tags colliding with the generated ones.
 */
const hostileTextDesign = () =>
  design('Free text {{resolve:ssm:/app/name}}')
    .description('Reads {{resolve:secretsmanager:db:SecretString:password}}')
    .tag('Version', '0o17')
    .tag('team', 'payments')
    .tag('Environment', 'production')
    .tag('managedby', 'terraform')
    .tag('Name', 'mine')
    .tag('aws:owner', 'me')
    .node('sqs', { id: 'q', name: 'Queue {{resolve:ssm:/q}}' })
    .build();

describe('free text in the CloudFormation output', () => {
  const files = generateCloudFormation(lowerDesign(hostileTextDesign()));
  const text = files['template.yaml']!;

  it('never carries a dynamic reference CloudFormation would resolve', () => {
    for (const [path, content] of Object.entries(files)) expect(content, path).not.toMatch(/\{\{\s*resolve/i);
    expect(text).toContain('{ {resolve:ssm:/q}}');
  });

  it('writes the tag value 0o17 as a string that YAML 1.1 and 1.2 readers both read back', () => {
    expect(text).toContain('Value: "0o17"');
    // The short-form intrinsics are unknown tags to a plain reader; they do not matter here.
    for (const version of ['1.1', '1.2'] as const) {
      const read = parse(text, { version, logLevel: 'silent' }) as {
        Resources: Record<string, { Properties?: { Tags?: unknown[] } }>;
      };
      const tags = Object.values(read.Resources).flatMap((r) => r.Properties?.Tags ?? []);
      expect(tags).toContainEqual({ Key: 'Version', Value: '0o17' });
    }
  });

  it('tags with Name, the design tags and Environment/ManagedBy of its own, once each', () => {
    const template = parseTemplate(text) as {
      Resources: Record<string, { Type: string; Properties: { Tags: { Key: string; Value: unknown }[] } }>;
    };
    const queue = Object.values(template.Resources).find(
      (r) =>
        r.Type === 'AWS::SQS::Queue' &&
        r.Properties.Tags.some((t) => t.Value === 'Queue { {resolve:ssm:/q}}'),
    );
    expect(queue!.Properties.Tags).toEqual([
      { Key: 'Name', Value: 'Queue { {resolve:ssm:/q}}' },
      { Key: 'team', Value: 'payments' },
      { Key: 'Version', Value: '0o17' },
      { Key: 'Environment', Value: { Ref: 'EnvironmentName' } },
      { Key: 'ManagedBy', Value: 'archgen' },
    ]);
  });
});
