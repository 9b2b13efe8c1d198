/**
 * Stateful resources as the lowering protects them (protection.ts): one removal policy for every
 * environment (the literal CloudFormation and Terraform must print too), deletion protection per
 * environment, and cdk-nag RDS10 acknowledged only where the design deletes the database.
 */
import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from '@archgen/infra';
import { generateCdk } from './index.ts';

const squash = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/([({[]) /g, '$1')
    .replace(/ ([)}\]])/g, '$1');

function generate(envs: string[], onDelete?: string) {
  const files = generateCdk(
    lowerDesign(
      design('P')
        .environments(...envs)
        .vpc()
        .node('rds', { id: 'db', name: 'Db', placement: { vpcId: 'main', tier: 'isolated' } })
        .node('s3', { id: 'files', name: 'Files', properties: onDelete ? { onDelete } : {} })
        .build(),
    ),
  );
  return { stack: squash(files['lib/p-stack.ts'] ?? ''), config: squash(files['lib/config.ts'] ?? '') };
}

describe('protection', () => {
  it('dev + prod: snapshot and retain literals, deletion protection per environment', () => {
    const { stack, config } = generate(['dev', 'prod']);
    expect(stack).toContain('removalPolicy: RemovalPolicy.SNAPSHOT');
    expect(stack).toContain('removalPolicy: RemovalPolicy.RETAIN');
    expect(stack).toContain('deletionProtection: config.dbDeletionProtection');
    expect(config).toMatch(/dev: \{[^}]*dbDeletionProtection: false/);
    expect(config).toMatch(/prod: \{[^}]*dbDeletionProtection: true/);
    expect(stack).toMatch(
      /if \(config\.dbDeletionProtection === false\) \{ ?Validations\.of\(db\)\.acknowledge\(\{id: 'AwsSolutions-RDS10'/,
    );
  });

  it('no production environment: DESTROY, no deletion protection, RDS10 acknowledged', () => {
    const { stack } = generate(['dev']);
    expect(stack).toContain('removalPolicy: RemovalPolicy.DESTROY');
    expect(stack).not.toContain('RemovalPolicy.SNAPSHOT');
    expect(stack).toContain('deletionProtection: false');
    expect(stack).toContain("acknowledge({id: 'AwsSolutions-RDS10'");
  });

  it('the per-resource override retains a bucket even in dev-only designs', () => {
    expect(generate(['dev'], 'retain').stack).toContain('removalPolicy: RemovalPolicy.RETAIN');
  });
});
