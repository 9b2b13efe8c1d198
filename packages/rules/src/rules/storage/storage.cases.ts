import { design } from '@archgen/model';
import type { RuleCase } from '../../test-support/rule-case.ts';

const fixture = () => design('Storage fixture');
const tidy = { accessLogs: true, intelligentTiering: true };

export const storageCases: RuleCase[] = [
  {
    ruleId: 'S3-01',
    name: 'public access not blocked',
    compliant: fixture().node('s3', { id: 'bucket' }).build(),
    nonCompliant: fixture()
      .node('s3', { id: 'bucket', properties: { blockPublicAccess: false } })
      .build(),
    expect: { target: 'bucket', severity: 'critical' },
  },
  {
    ruleId: 'S3-01',
    name: 'requests without TLS',
    compliant: fixture()
      .node('s3', { id: 'bucket', properties: { enforceTls: true } })
      .build(),
    nonCompliant: fixture()
      .node('s3', { id: 'bucket', properties: { enforceTls: false } })
      .build(),
    expect: { target: 'bucket', severity: 'critical' },
  },
  {
    ruleId: 'S3-02',
    name: 'no access logs',
    compliant: fixture()
      .node('s3', { id: 'bucket', properties: { accessLogs: true } })
      .build(),
    nonCompliant: fixture()
      .node('s3', { id: 'bucket', properties: { accessLogs: false } })
      .build(),
    expect: { target: 'bucket', severity: 'medium' },
  },
  {
    ruleId: 'S3-02',
    name: 'no versioning',
    compliant: fixture()
      .node('s3', { id: 'bucket', properties: { accessLogs: true, versioned: true } })
      .build(),
    nonCompliant: fixture()
      .node('s3', { id: 'bucket', properties: { accessLogs: true, versioned: false } })
      .build(),
    expect: { target: 'bucket', severity: 'medium' },
  },
  {
    ruleId: 'S3-03',
    name: 'no lifecycle at all',
    compliant: fixture()
      .node('s3', { id: 'bucket', properties: { transitionToIaDays: 30 } })
      .build(),
    nonCompliant: fixture().node('s3', { id: 'bucket' }).build(),
    expect: { target: 'bucket', severity: 'low' },
  },
  {
    ruleId: 'S3-03',
    name: 'incomplete multipart uploads kept',
    compliant: fixture().node('s3', { id: 'bucket', properties: tidy }).build(),
    nonCompliant: fixture()
      .node('s3', { id: 'bucket', properties: { ...tidy, abortIncompleteUploadDays: 0 } })
      .build(),
    expect: { target: 'bucket', severity: 'low' },
  },
  {
    ruleId: 'EFS-01',
    name: 'file system not encrypted at rest',
    compliant: fixture().vpc().node('efs', { id: 'files', tier: 'private' }).build(),
    nonCompliant: fixture()
      .vpc()
      .node('efs', { id: 'files', tier: 'private', properties: { encrypted: false } })
      .build(),
    expect: { target: 'files', severity: 'high' },
  },
  {
    ruleId: 'EFS-02',
    name: 'no automatic backups in production',
    compliant: fixture()
      .environments('dev', 'prod')
      .vpc()
      .node('efs', { id: 'files', tier: 'private' })
      .build(),
    nonCompliant: fixture()
      .environments('dev', 'prod')
      .vpc()
      .node('efs', { id: 'files', tier: 'private', properties: { automaticBackups: 'off' } })
      .build(),
    expect: { target: 'files', severity: 'medium', environment: 'prod' },
  },
  {
    ruleId: 'EFS-03',
    name: 'Lambda outside the VPC mounts a file system',
    compliant: fixture()
      .vpc({ id: 'main' })
      .node('efs', { id: 'files', tier: 'private' })
      .node('lambda', { id: 'fn', tier: 'private' })
      .connect('fn', 'files', 'read-write', { id: 'mount' })
      .build(),
    nonCompliant: fixture()
      .vpc({ id: 'main' })
      .node('efs', { id: 'files', tier: 'private' })
      .node('lambda', { id: 'fn' })
      .connect('fn', 'files', 'read-write', { id: 'mount' })
      .build(),
    expect: { target: 'mount', targetKind: 'connection', severity: 'high' },
  },
  {
    ruleId: 'EFS-03',
    name: 'Lambda mounts a second file system',
    compliant: fixture()
      .vpc({ id: 'main' })
      .node('efs', { id: 'files', tier: 'private' })
      .node('efs', { id: 'more', tier: 'private' })
      .node('lambda', { id: 'fn', tier: 'private' })
      .connect('fn', 'files', 'read-write', { id: 'mount' })
      .build(),
    nonCompliant: fixture()
      .vpc({ id: 'main' })
      .node('efs', { id: 'files', tier: 'private' })
      .node('efs', { id: 'more', tier: 'private' })
      .node('lambda', { id: 'fn', tier: 'private' })
      .connect('fn', 'files', 'read-write', { id: 'mount' })
      .connect('fn', 'more', 'read', { id: 'second' })
      .build(),
    expect: { target: 'second', targetKind: 'connection', severity: 'high' },
  },
];
