import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { backupScheduleExpression } from './backups.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

describe('AWS Backup plans', () => {
  const graph = lowerDesign(
    design('Backups')
      .vpc()
      .node('backup-plan', { id: 'plan', properties: { coldStorageAfterDays: 30, retentionDays: 0 } })
      .node('backup-plan', {
        id: 'tagged',
        properties: {
          selectionTag: 'backup = daily',
          schedule: 'weekly',
          vaultLock: true,
          vaultLockMaxDays: 400,
        },
      })
      .node('backup-plan', { id: 'idle' })
      .node('rds', { id: 'db', tier: 'isolated' })
      .node('dynamodb', { id: 'orders' })
      .node('s3', { id: 'files' })
      .node('kms-key', { id: 'key' })
      .connect('plan', 'db', 'back-up')
      .connect('plan', 'orders', 'back-up')
      .connect('tagged', 'files', 'back-up')
      .connect('plan', 'key', 'encrypt-with')
      .override('prod', 'plan', { retentionDays: 365 })
      .override('staging', 'plan', { retentionDays: 0 })
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;
  const role = (id: string) => graph.roles.find((r) => r.id === `${id}.role`)!;

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('decides retention per environment: the design value, else 35 days in production and 7 elsewhere', () => {
    expect(component('plan').backupPlan?.deleteAfterDays.byEnv).toEqual({ dev: 7, staging: 7, prod: 365 });
    expect(component('idle').backupPlan?.deleteAfterDays.byEnv).toEqual({ dev: 7, staging: 7, prod: 35 });
    expect(component('plan').backupPlan?.coldStorageAfterDays.byEnv).toEqual({
      dev: 30,
      staging: 30,
      prod: 30,
    });
  });

  it('selects the connected resources and the tag, under a role trusted by AWS Backup', () => {
    const plan = component('plan').backupPlan!;
    expect(plan.resourceIds).toEqual(['db', 'orders']);
    expect(plan.hasSelection).toBe(true);
    expect(plan.vaultKeyId).toBe('key');
    expect(plan.schedule).toBe('cron(0 5 * * ? *)');
    expect(role('plan').assumedBy).toBe('backup.amazonaws.com');
    expect(role('plan').managedPolicies).toEqual([
      'service-role/AWSBackupServiceRolePolicyForBackup',
      'service-role/AWSBackupServiceRolePolicyForRestores',
    ]);
    const tagged = component('tagged').backupPlan!;
    expect(tagged.selectionTag).toEqual({ key: 'backup', value: 'daily' });
    expect(tagged.schedule).toBe(backupScheduleExpression('weekly'));
    expect(tagged.vaultLock).toEqual({ minRetentionDays: 7, maxRetentionDays: 400 });
    expect(tagged.vaultKeyId).toBeUndefined();
    expect(component('idle').backupPlan?.hasSelection).toBe(false);
  });

  it('adds the S3 backup and restore policies only to a plan that selects a bucket', () => {
    expect(role('tagged').managedPolicies).toContain('AWSBackupServiceRolePolicyForS3Backup');
    expect(role('tagged').managedPolicies).toContain('AWSBackupServiceRolePolicyForS3Restore');
    expect(role('plan').managedPolicies.some((p) => p.includes('S3'))).toBe(false);
  });

  it('keeps the vault in production like the stores it protects', () => {
    expect(component('plan').protection?.policy).toBe('retain');
  });
});
