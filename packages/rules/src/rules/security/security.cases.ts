import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const fixture = () => design('Security fixture');

/** `writer` writes to `written` of three buckets and only reads the rest. */
function bucketWriter(written: number) {
  const b = fixture().node('lambda', { id: 'fn' });
  for (let i = 1; i <= 3; i++)
    b.node('s3', { id: `bucket${i}` }).connect('fn', `bucket${i}`, i <= written ? 'read-write' : 'read');
  return b.build();
}

export const securityCases: RuleCase[] = [
  {
    ruleId: 'KMS-01',
    name: 'key rotation off',
    compliant: fixture().node('kms-key', { id: 'key' }).build(),
    nonCompliant: fixture()
      .node('kms-key', { id: 'key', properties: { enableKeyRotation: false } })
      .build(),
    expect: { target: 'key', severity: 'medium' },
  },
  {
    ruleId: 'KMS-02',
    name: 'a bucket connected to two keys',
    compliant: fixture()
      .node('kms-key', { id: 'a' })
      .node('kms-key', { id: 'b' })
      .node('s3', { id: 'files' })
      .connect('files', 'a', 'encrypt-with', { id: 'files-a' })
      .build(),
    nonCompliant: fixture()
      .node('kms-key', { id: 'a' })
      .node('kms-key', { id: 'b' })
      .node('s3', { id: 'files' })
      .connect('files', 'a', 'encrypt-with', { id: 'files-a' })
      .connect('files', 'b', 'encrypt-with', { id: 'files-b' })
      .build(),
    expect: { target: 'files-b', targetKind: 'connection', severity: 'low' },
  },
  {
    ruleId: 'SM-01',
    name: 'secret never rotated',
    compliant: fixture().node('secret', { id: 'creds' }).build(),
    nonCompliant: fixture()
      .node('secret', { id: 'creds', properties: { rotationDays: 0 } })
      .build(),
    expect: { target: 'creds', severity: 'medium' },
  },
  {
    ruleId: 'COG-01',
    name: 'MFA off',
    compliant: fixture()
      .node('cognito-user-pool', { id: 'pool', properties: { mfa: 'optional' } })
      .build(),
    nonCompliant: fixture()
      .node('cognito-user-pool', { id: 'pool', properties: { mfa: 'off' } })
      .build(),
    expect: { target: 'pool', severity: 'medium' },
  },
  {
    ruleId: 'COG-01',
    name: 'short passwords',
    compliant: fixture()
      .node('cognito-user-pool', { id: 'pool', properties: { passwordMinLength: 8 } })
      .build(),
    nonCompliant: fixture()
      .node('cognito-user-pool', { id: 'pool', properties: { passwordMinLength: 6 } })
      .build(),
    expect: { target: 'pool', severity: 'medium' },
  },
  {
    ruleId: 'IAM-01',
    name: 'one function writes to every bucket',
    compliant: bucketWriter(2),
    nonCompliant: bucketWriter(3),
    expect: { target: 'fn', severity: 'high', manualFix: true },
  },
];
