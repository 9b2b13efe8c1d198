import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCdk } from './index.ts';

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

describe('free text in the CDK app', () => {
  const files = generateCdk(lowerDesign(hostileTextDesign()));

  it('never carries a dynamic reference CloudFormation would resolve (same text as the other targets)', () => {
    for (const [path, content] of Object.entries(files)) expect(content, path).not.toMatch(/\{\{\s*resolve/i);
    expect(files['bin/app.ts']).toContain("'Reads { {resolve:secretsmanager:db:SecretString:password}}'");
  });

  it('tags every resource with the design tags, Environment and ManagedBy once each, 0o17 a string', () => {
    const app = files['bin/app.ts']!;
    const tags = [...app.matchAll(/Tags\.of\((\w+)\)\.add\(('[^']*'), (\S+?)\);/g)].map((m) =>
      m.slice(1).join(' '),
    );
    expect(tags).toEqual([
      "stack 'Environment' envName",
      "app 'team' 'payments'",
      "app 'Version' '0o17'",
      "app 'ManagedBy' 'archgen'",
    ]);
  });
});
