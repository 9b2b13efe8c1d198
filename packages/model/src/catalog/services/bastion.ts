import type { ServiceDefinition } from '../types.ts';
import { WATCHED_BY_ALARM, num, text } from '../define.ts';

export const bastion: ServiceDefinition = {
  type: 'bastion',
  displayName: 'Bastion host (Session Manager)',
  // 'ssm' as a synonym, not an abbreviation: typing 's' should still rank S3 above it.
  keywords: [
    'ssm',
    'bastion',
    'bastion host',
    'jump host',
    'jump box',
    'jump',
    'ssh',
    'session manager',
    'port forwarding',
  ],
  category: 'Compute',
  icon: 'bastion',
  description:
    'One small EC2 instance in a private subnet that people reach through SSM Session Manager (shell or port forwarding to a database), never SSH: its security group admits nothing, IMDSv2 is required and its volume is encrypted. Connect it to databases to open their port to it.',
  // Public is accepted so that a drawn public bastion can be flagged and moved (BAS-01).
  placements: ['private', 'public'],
  properties: [
    text('instanceType', 'Instance type', 't4g.nano', {
      pattern: '^[a-z][a-z0-9-]*\\.[a-z0-9]+$',
      patternHint: 'must be an EC2 instance type like t4g.nano or t3.micro',
      help: 'Session Manager needs little: t4g.nano is enough for a shell and port forwarding. The AMI follows the architecture (Graviton g types: arm64).',
    }),
    num('volumeSizeGb', 'Root volume', 8, {
      unit: 'GB',
      integer: true,
      min: 8,
      max: 100,
      help: 'Encrypted gp3. Amazon Linux 2023 needs 8 GB.',
    }),
  ],
  accepts: [WATCHED_BY_ALARM],
  refusalHint:
    'draw the connection from the bastion to the database ("connects to"); people reach the bastion through Session Manager, not a connection.',
  // Security group, role, instance profile, instance.
  stackResources: () => ({ count: 4 }),
};
