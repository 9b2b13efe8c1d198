import { describe, expect, it } from 'vitest';
import { importCloudFormation } from '../../index.ts';

const run = (resources: Record<string, unknown>) =>
  importCloudFormation([{ path: 'template.json', text: JSON.stringify({ Resources: resources }) }]);
const rule = (name: string, schedule: string) => ({
  RuleName: name,
  TargetBackupVault: { Ref: 'Vault' },
  ScheduleExpression: schedule,
  Lifecycle: { DeleteAfterDays: 120, MoveToColdStorageAfterDays: 30 },
});

const template = (rules: unknown[]) => ({
  Key: { Type: 'AWS::KMS::Key', Properties: {} },
  Vault: {
    Type: 'AWS::Backup::BackupVault',
    Properties: {
      BackupVaultName: 'vault',
      EncryptionKeyArn: { 'Fn::GetAtt': ['Key', 'Arn'] },
      LockConfiguration: { MinRetentionDays: 30 },
    },
  },
  Plan: {
    Type: 'AWS::Backup::BackupPlan',
    Properties: { BackupPlan: { BackupPlanName: 'p', BackupPlanRule: rules } },
  },
  PlanRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
  Selection: {
    Type: 'AWS::Backup::BackupSelection',
    Properties: {
      BackupPlanId: { Ref: 'Plan' },
      BackupSelection: {
        SelectionName: 's',
        IamRoleArn: { 'Fn::GetAtt': ['PlanRole', 'Arn'] },
        Resources: [{ 'Fn::GetAtt': ['Table', 'Arn'] }],
        ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }],
      },
    },
  },
  Table: {
    Type: 'AWS::DynamoDB::Table',
    Properties: {
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    },
  },
});

describe('backup-plan reader', () => {
  const r = run(template([rule('Daily', 'cron(0 5 * * ? *)')]));

  it("reads its rule (archgen's daily cron by name), its vault's lock and its selection's tag", () => {
    expect(r.design.nodes.find((n) => n.id === 'Plan')).toMatchObject({
      type: 'backup-plan',
      properties: {
        schedule: 'daily',
        retentionDays: 120,
        coldStorageAfterDays: 30,
        continuousBackup: false,
        selectionTag: 'backup=daily',
        vaultLock: true,
        vaultLockMinDays: 30,
        vaultLockMaxDays: 0,
      },
      logicalIds: { self: 'Plan', vault: 'Vault', selection: 'Selection', role: 'PlanRole' },
    });
  });

  it('backs up what its selection lists, and its vault encrypts with the key', () => {
    expect(r.design.connections.map((c) => `${c.from} ${c.kind} ${c.to}`).sort()).toEqual([
      'Plan back-up Table',
      'Plan encrypt-with Key',
    ]);
  });

  it('keeps a plan of two rules (the design holds one)', () => {
    const two = run(template([rule('Daily', 'cron(0 5 * * ? *)'), rule('Weekly', 'cron(0 5 ? * SUN *)')]));
    expect(two.report.resources.find((e) => e.sourceId === 'Plan')!.outcome).toMatchObject({ kind: 'kept' });
  });
});
